import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OTP_GRANT } from '../src/app.js';
import { CLI_ARGS, makeDataDir, REPO_ROOT } from './helpers.js';

const children: ChildProcess[] = [];
const smtpServers: SMTPServer[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const server of smtpServers.splice(0)) await new Promise((r) => server.close(() => r(null)));
});

/** A real SMTP server (the "provider") that refuses mail with 451 until `accepting` is set. */
async function startProvider() {
  const inbox: Array<{ to: string; text: string }> = [];
  const state = { accepting: true };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!state.accepting) {
        const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        for (const rcpt of session.envelope.rcptTo)
          inbox.push({ to: rcpt.address, text: mail.text ?? '' });
        callback();
      }, callback);
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  smtpServers.push(server);
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, inbox, state };
}

/** Starts the real CLI (not --dev) and resolves with its base URL once it listens. */
async function startCli(configFile: string, dataDir: string, smtpUrl: string) {
  const child = spawn(
    process.execPath,
    [...CLI_ARGS, '--config', configFile, '--data', dataDir, '--port', '0'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, SMTP_URL: smtpUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code} before listening`)));
  });
  return { child, base };
}

const post = (base: string, url: string, body: unknown) =>
  fetch(base + url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** The failed tries recorded for the mail to `to`, read from the database as another process. */
function failedTries(dataDir: string, to: string): number | undefined {
  const db = new Database(path.join(dataDir, 'passwordless.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT attempts FROM mail_outbox WHERE recipient = ?').get(to) as
      { attempts: number } | undefined;
    return row?.attempts;
  } finally {
    db.close();
  }
}

const codeIn = (mail: { text: string } | undefined) => /\b(\d{6})\b/.exec(mail?.text ?? '')?.[1];

describe('nothing is lost when the process is killed', () => {
  it('keeps users, tokens, the pending code and the unsent mail across a SIGKILL', async () => {
    const dataDir = await makeDataDir();
    const configFile = path.join(dataDir, 'config.json');
    await fs.writeFile(configFile, JSON.stringify({ clients: [{ client_id: 'app' }] }));
    const provider = await startProvider();
    const start = (base: string, email: string) =>
      post(base, '/passwordless/start', {
        client_id: 'app',
        connection: 'email',
        email,
        send: 'code',
      });
    const token = (base: string, email: string, otp: string) =>
      post(base, '/oauth/token', {
        grant_type: OTP_GRANT,
        client_id: 'app',
        username: email,
        otp,
        realm: 'email',
      });

    const first = await startCli(configFile, dataDir, provider.url);
    // A user who logged in before the crash.
    expect((await start(first.base, 'before@example.com')).status).toBe(200);
    // Start answers once the mail is queued; the provider has it a moment later.
    await vi.waitFor(() => expect(codeIn(provider.inbox.at(-1))).toBeDefined());
    const login = await token(first.base, 'before@example.com', codeIn(provider.inbox.at(-1))!);
    const tokens = (await login.json()) as { access_token: string };
    // A code whose mail the provider refused: it waits in the outbox.
    provider.state.accepting = false;
    expect((await start(first.base, 'pending@example.com')).status).toBe(200);
    // Killed once the refused try is recorded (its retry due in 5 s), not while it runs.
    await vi.waitFor(() => expect(failedTries(dataDir, 'pending@example.com')).toBe(1));
    expect(provider.inbox.some((mail) => mail.to === 'pending@example.com')).toBe(false);

    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    provider.state.accepting = true;
    const second = await startCli(configFile, dataDir, provider.url);

    // The refused mail is retried when its first retry is due (5 s after the refusal), by the
    // restarted server (no try of it was running at the kill, so no lease holds it back); the
    // code in it is still the valid one.
    await vi.waitFor(
      () => expect(provider.inbox.some((m) => m.to === 'pending@example.com')).toBe(true),
      { timeout: 10_000 },
    );
    const code = codeIn(provider.inbox.find((mail) => mail.to === 'pending@example.com'));
    expect((await token(second.base, 'pending@example.com', code!)).status).toBe(200);

    const userinfo = await fetch(`${second.base}/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(userinfo.status).toBe(200);
    expect(((await userinfo.json()) as { email: string }).email).toBe('before@example.com');
  });
});
