import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail the sink accepted, and the name of the sink it came in through (one per sender). */
export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  via: string;
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`, for `SMTP_URL`. */
  url: string;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 that accepts every mail and appends it to `inbox` once the
 * whole message is in, tagged with `via`. Giving each sender its own sink tells which one sent
 * a mail.
 */
export async function startSmtpSink(inbox: ReceivedMail[], via: string): Promise<SmtpSink> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        for (const rcpt of session.envelope.rcptTo) {
          inbox.push({ to: rcpt.address, subject: mail.subject ?? '', text: mail.text ?? '', via });
        }
        callback();
      }, callback);
    },
  });
  // A sender killed mid-message resets its connection; that is no error of the sink.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
