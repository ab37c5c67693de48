import type { Transporter } from 'nodemailer';
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
 * A nodemailer SMTP transport: to `SMTP_URL`/config `smtp`, or to the dev inbox's server, with
 * up to `connections` pooled connections (the outbox's `concurrent_sends`, one per try in flight).
 */
export function createSmtpMailer(smtp: SmtpConfig, connections: number): Mailer {
  // Well under the outbox's 60 s lease: a hung server fails the try instead of blocking it.
  const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
  // Pooled: a new connection per mail costs the TCP/TLS handshake and the server's greeting
  // delay (smtp-server waits 100 ms to catch early talkers; Postfix's postscreen longer), which
  // made that handshake most of /passwordless/start's time. A message still resolves only once
  // the server accepted it; a dropped connection fails the message, and the outbox retries it.
  const pool = { pool: true, maxConnections: connections, maxMessages: 100 } as const;
  // nodemailer (about 8 MiB) loads with the first mail, not at start; it connects only then anyway.
  let transport: Promise<Transporter> | undefined;
  const open = async () => {
    const { default: nodemailer } = await import('nodemailer');
    return 'url' in smtp
      ? nodemailer.createTransport({ url: smtp.url, ...pool, ...timeouts })
      : nodemailer.createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          ...pool,
          ...timeouts,
          ...(smtp.user === undefined ? {} : { auth: { user: smtp.user, pass: smtp.pass ?? '' } }),
        });
  };
  return {
    async send(email) {
      // Our templates never reference files or URLs; refuse them in case a template tries.
      await (
        await (transport ??= open())
      ).sendMail({
        ...email,
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    },
    async close() {
      (await transport)?.close();
    },
  };
}
