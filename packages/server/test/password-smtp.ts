import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { onTestFinished } from 'vitest';

export interface ReceivedMail {
  to: string;
  text: string;
}

export interface PasswordSmtp {
  /** `smtp://user:password@127.0.0.1:port`, for `SMTP_URL`. */
  url: string;
  password: string;
  received: ReceivedMail[];
  /** The text of the newest mail to `to`. */
  newestTo(to: string): string;
}

/**
 * A real SMTP server on 127.0.0.1 that takes mail only after AUTH with a random password (in the
 * clear: STARTTLS is off, so the password crosses the SMTP session as a production one would
 * over TLS), and refuses every recipient whose address starts with `refused`. Closed when the
 * test ends.
 */
export async function startPasswordSmtp(): Promise<PasswordSmtp> {
  const password = randomBytes(12).toString('hex');
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'mailer' && auth.password === password) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refused')) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      } else {
        callback();
      }
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((parsed) => {
        for (const rcpt of session.envelope.rcptTo) {
          received.push({ to: rcpt.address, text: parsed.text ?? '' });
        }
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://mailer:${password}@127.0.0.1:${port}`,
    password,
    received,
    newestTo(to) {
      const mail = received.findLast((one) => one.to === to);
      if (!mail) throw new Error(`no mail to ${to}`);
      return mail.text;
    },
  };
}
