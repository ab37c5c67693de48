import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { DevInboxStore } from '../store/dev-inbox.js';
import { createSmtpMailer, type Mailer } from './mailer.js';

const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * `--dev` mail: an SMTP server on 127.0.0.1 (random port) that files every message in the dev
 * inbox, and the SMTP mailer pointed at it, so mail takes the same SMTP path as in
 * production. A message is stored before the server acknowledges DATA, so by the time `send()`
 * resolves it is already in `/dev/inbox.json` (and the outbox sends it as soon as it is queued).
 */
export async function startDevInboxMailer(
  inbox: DevInboxStore,
  connections: number,
): Promise<Mailer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    // The only client is our own transport on loopback: no reverse DNS lookup per connection.
    disableReverseLookup: true,
    banner: 'passwordless-lock dev inbox',
    size: MAX_MESSAGE_BYTES,
    onData(stream, session, callback) {
      // mailparser and its charset tables (about 25 MiB) load with the first mail, not at start.
      import('mailparser')
        .then(({ simpleParser }) => simpleParser(stream))
        .then(async (parsed) => {
          if (stream.sizeExceeded) throw new Error('Message too large for the dev inbox');
          const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          const envelopeFrom = session.envelope.mailFrom;
          const from = parsed.from?.text ?? (envelopeFrom ? envelopeFrom.address : '');
          for (const to of recipients) {
            await inbox.addInboxMessage({
              to,
              from,
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              date: (parsed.date ?? new Date()).toISOString(),
            });
          }
        })
        .then(
          () => callback(),
          (error: Error) => callback(error),
        );
    },
  });
  // Without a listener an 'error' event (a client that hangs up mid-command) would crash Node.
  server.on('error', () => {});

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  const transport = createSmtpMailer({ host: '127.0.0.1', port, secure: false }, connections);

  return {
    send: (email) => transport.send(email),
    async close() {
      await transport.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
