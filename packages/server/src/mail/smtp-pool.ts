import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { ComposedMessage } from './mime-message.js';

/** Messages one connection carries before a fresh one replaces it (nodemailer's default). */
const MAX_MESSAGES = 100;

export interface SmtpPoolOptions {
  /** Where and how to connect: host, port, `secure`, `tls`, timeouts… (nodemailer's options). */
  connection: SMTPConnection.Options;
  auth?: { user: string; pass: string } | undefined;
  /** Connections open at once; sends beyond wait for one to be free. */
  connections: number;
}

/** One pooled connection and how many messages it has carried. */
interface Pooled {
  smtp: SMTPConnection;
  messages: number;
  closed: boolean;
}

/**
 * Up to `connections` SMTP connections, each carrying one message at a time and reused for the
 * next (nodemailer's `SMTPConnection`, which speaks the protocol, TLS and AUTH). It does what
 * nodemailer's pooled transport did for us with fewer layers per message: a message is one
 * buffer, written at once. A connection that fails or that the server closes is dropped; the
 * next send opens another. A send that fails rejects, and the outbox retries it.
 */
export class SmtpPool {
  readonly #options: SmtpPoolOptions;
  /** Connections open or opening, busy or idle. */
  readonly #open = new Set<Pooled>();
  readonly #idle: Pooled[] = [];
  readonly #waiting: Array<{ resolve: (pooled: Pooled) => void; reject: (error: Error) => void }> =
    [];
  #closed = false;

  constructor(options: SmtpPoolOptions) {
    this.#options = options;
  }

  /** Resolves once the server has accepted the message. */
  async send({ envelope, message }: ComposedMessage): Promise<void> {
    const pooled = await this.#take();
    try {
      await new Promise<void>((resolve, reject) =>
        pooled.smtp.send(envelope, message, (error) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      this.#drop(pooled);
      throw error;
    }
    pooled.messages++;
    this.#give(pooled);
  }

  /** Closes every connection, a busy one too (its send fails): the outbox has drained by now. */
  close(): void {
    this.#closed = true;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(new Error('SMTP pool closed'));
    for (const pooled of this.#open) this.#drop(pooled);
  }

  async #take(): Promise<Pooled> {
    if (this.#closed) throw new Error('SMTP pool closed');
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#open.size < this.#options.connections) return this.#connect();
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  /** Hands a connection that carried a message to the next send, or keeps it idle. */
  #give(pooled: Pooled): void {
    if (pooled.closed) return;
    if (this.#closed || pooled.messages >= MAX_MESSAGES) {
      this.#drop(pooled);
      return;
    }
    const waiter = this.#waiting.shift();
    if (waiter) waiter.resolve(pooled);
    else this.#idle.push(pooled);
  }

  #connect(): Promise<Pooled> {
    const { connection, auth } = this.#options;
    const pooled: Pooled = { smtp: new SMTPConnection(connection), messages: 0, closed: false };
    this.#open.add(pooled);
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error | null) => {
        if (settled) return;
        settled = true;
        if (!error) return resolve(pooled);
        this.#drop(pooled);
        reject(error);
      };
      // Until it is ready, any error or close fails the connecting send. After, an error of an
      // idle connection (the server closed it, a timeout) only drops it: a send's own error
      // reaches the send through its callback.
      pooled.smtp.on('error', settle);
      pooled.smtp.once('end', () => {
        this.#forget(pooled);
        settle(new Error('SMTP connection closed before it was ready'));
      });
      pooled.smtp.connect((error) => {
        if (error) return settle(error);
        if (!auth || !pooled.smtp.allowsAuth) return settle();
        pooled.smtp.login({ user: auth.user, credentials: auth }, settle);
      });
    });
  }

  #drop(pooled: Pooled): void {
    if (pooled.closed) return;
    pooled.smtp.close();
    this.#forget(pooled);
  }

  /** A connection is gone: its place in the pool is free for a waiting send. */
  #forget(pooled: Pooled): void {
    if (pooled.closed) return;
    pooled.closed = true;
    this.#open.delete(pooled);
    const idle = this.#idle.indexOf(pooled);
    if (idle >= 0) this.#idle.splice(idle, 1);
    const waiter = this.#closed ? undefined : this.#waiting.shift();
    if (waiter) this.#connect().then(waiter.resolve, waiter.reject);
  }
}
