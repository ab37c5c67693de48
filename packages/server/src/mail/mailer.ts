import type { SmtpConfig } from '../config.js';
import type { Mailbox } from './templates.js';

export interface OutgoingEmail {
  from: Mailbox;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends mail; resolves once the SMTP server has accepted the message. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
  close(): Promise<void>;
}

/**
 * Mail over SMTP to `SMTP_URL`/config `smtp`, or to the dev inbox's server, through up to
 * `connections` pooled connections (the outbox's `concurrent_sends`, one per try in flight).
 */
export function createSmtpMailer(smtp: SmtpConfig, connections: number): Mailer {
  // Well under the outbox's 60 s lease: a hung server fails the try instead of blocking it.
  const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
  // Pooled: a new connection per mail costs the TCP/TLS handshake and the server's greeting
  // delay (smtp-server waits 100 ms to catch early talkers; Postfix's postscreen longer), which
  // made that handshake most of /passwordless/start's time. A message still resolves only once
  // the server accepted it; a dropped connection fails the message, and the outbox retries it.
  // The SMTP client and MIME encoders (nodemailer's) load with the first mail, not at start.
  const open = async () => {
    const [{ SmtpPool }, { composeMessage }, { parseConnectionUrl }] = await Promise.all([
      import('./smtp-pool.js'),
      import('./mime-message.js'),
      import('nodemailer/lib/shared'),
    ]);
    // SMTP_URL's query may set nodemailer connection options (`?tls.rejectUnauthorized=false`).
    const { auth, ...connection } =
      'url' in smtp
        ? parseConnectionUrl(smtp.url)
        : {
            host: smtp.host,
            port: smtp.port,
            secure: smtp.secure,
            auth: smtp.user === undefined ? undefined : { user: smtp.user, pass: smtp.pass ?? '' },
          };
    const pool = new SmtpPool({
      connection: { ...connection, ...timeouts },
      auth: auth?.user || auth?.pass ? auth : undefined,
      connections,
    });
    return { pool, composeMessage };
  };
  let opened: ReturnType<typeof open> | undefined;
  return {
    async send(email) {
      const { pool, composeMessage } = await (opened ??= open());
      await pool.send(composeMessage(email, new Date()));
    },
    async close() {
      (await opened)?.pool.close();
    },
  };
}
