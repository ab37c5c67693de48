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
  /** Connections and messages the sink has open now, and the most it had at once. */
  load: { sessions: number; maxSessions: number; receiving: number; maxReceiving: number };
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** Listen on this port instead of a free one (an SMTP server that comes back). */
  port?: number;
  /**
   * Asked for each message once its data is in: while it returns a promise, the sink answers
   * the message only once that settles (an SMTP server that stalls).
   */
  hold?: () => Promise<void> | undefined;
  /** Closes a connection idle this long, as SMTP servers do (smtp-server's default: 1 minute). */
  idleTimeoutMs?: number;
}

/**
 * A real SMTP server on 127.0.0.1 that accepts every mail and appends it to `inbox` once the
 * whole message is in, tagged with `via`. Giving each sender its own sink tells which one sent
 * a mail.
 */
export async function startSmtpSink(
  inbox: ReceivedMail[],
  via: string,
  options: SmtpSinkOptions = {},
): Promise<SmtpSink> {
  const load = { sessions: 0, maxSessions: 0, receiving: 0, maxReceiving: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    ...(options.idleTimeoutMs === undefined ? {} : { socketTimeout: options.idleTimeoutMs }),
    onConnect(_session, callback) {
      load.sessions++;
      load.maxSessions = Math.max(load.maxSessions, load.sessions);
      callback();
    },
    onClose() {
      load.sessions--;
    },
    onData(stream, session, callback) {
      load.receiving++;
      load.maxReceiving = Math.max(load.maxReceiving, load.receiving);
      simpleParser(stream)
        .then(async (mail) => {
          await options.hold?.();
          for (const rcpt of session.envelope.rcptTo) {
            inbox.push({
              to: rcpt.address,
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              via,
            });
          }
        })
        .finally(() => load.receiving--)
        .then(() => callback(), callback);
    },
  });
  // A sender killed mid-message resets its connection; that is no error of the sink.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    load,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
