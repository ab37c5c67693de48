// The mail provider of the server bench, in a process of its own: an SMTP server on 127.0.0.1
// that accepts every mail, and a small HTTP server that tells what arrived:
//   POST /delivered [emails]  {"delivered", "twice"}: how many of these addresses got a mail,
//                             and how many more than one
//   GET /dev/inbox.json?to=E  {"messages": [{"to", "text"}]}, newest first: the dev inbox's shape,
//                             so the token runs read their codes from here as from `--dev`
// Run as a script it serves both and prints "listening on http://… smtp://…"; imported, it
// exports `startMailSink()`, which runs it as a child process.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(import.meta.url);

/**
 * Runs the sink as a child process.
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, url: string, smtpUrl: string }>}
 *   `url`: its HTTP side; `smtpUrl`: for the server's `SMTP_URL`
 */
export function startMailSink() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (data) => {
      output += data;
      const match = /listening on (http:\/\/\S+) (smtp:\/\/\S+)/.exec(output);
      if (!match) return;
      child.stdout.off('data', onData);
      resolve({ child, url: match[1], smtpUrl: match[2] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (data) => (output += data));
    child.on('exit', (code) =>
      reject(new Error(`mail sink exited (${code}) before listening: ${output.trim()}`)),
    );
  });
}

/** How many of `emails` the sink at `url` got a mail for, and how many got more than one. */
export async function deliveredTo(url, emails) {
  const response = await fetch(`${url}/delivered`, {
    method: 'POST',
    body: JSON.stringify(emails),
  });
  return response.json();
}

async function serve() {
  // The server's own SMTP and MIME packages, as its dev inbox uses them.
  const require = createRequire(new URL('../packages/server/package.json', import.meta.url));
  const { SMTPServer } = require('smtp-server');
  const { simpleParser } = require('mailparser');
  /**
   * Recipient → each mail to it, oldest first: the raw message, parsed only when read. A sink
   * that parsed every mail on arrival would take CPU from the server it measures.
   */
  const inbox = new Map();
  const textOf = async (mail) => {
    mail.text ??= (await simpleParser(mail.raw)).text ?? '';
    return mail.text;
  };

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const mail = { raw: Buffer.concat(chunks) };
        for (const { address } of session.envelope.rcptTo) {
          if (!inbox.has(address)) inbox.set(address, []);
          inbox.get(address).push(mail);
        }
        callback();
      });
    },
  });
  smtp.on('error', () => {});
  await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));

  const http = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://sink');
    let body;
    if (url.pathname === '/delivered' && request.method === 'POST') {
      let text = '';
      for await (const chunk of request) text += chunk;
      const counts = JSON.parse(text).map((email) => inbox.get(email)?.length ?? 0);
      body = {
        delivered: counts.filter((count) => count > 0).length,
        twice: counts.filter((count) => count > 1).length,
      };
    } else if (url.pathname === '/dev/inbox.json') {
      const to = url.searchParams.get('to') ?? '';
      const mails = [...(inbox.get(to) ?? [])].reverse();
      body = {
        messages: await Promise.all(mails.map(async (mail) => ({ to, text: await textOf(mail) }))),
      };
    } else {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  console.log(
    `listening on http://127.0.0.1:${http.address().port} smtp://127.0.0.1:${smtp.server.address().port}`,
  );
  process.on('SIGTERM', () => process.exit(0));
}

if (process.argv[1] === SCRIPT) await serve();
