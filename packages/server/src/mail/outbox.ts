import { openSealedText, sealText } from '../sealed-text.js';
import { SERVER_SECRET_FILE } from '../server-secret.js';
import type { OutboxMail, OutboxStore } from '../store/outbox.js';
import type { Mailer, OutgoingEmail } from './mailer.js';

/**
 * How long a mail being handed to SMTP is reserved before any node's retry loop may pick it up
 * (the lease of a claim); longer than the SMTP transport's own timeouts (mailer.ts), so one mail
 * is never sent by two tries, yet short enough that a node that died mid-try delays it little.
 */
const SEND_LEASE_MS = 60_000;
/** The longest one SMTP try takes: the transport's timeouts (mailer.ts) add up to 50 s. */
const MAX_TRY_MS = 50_000;
/** How long /passwordless/start waits for SMTP before answering with the mail queued. */
const FIRST_TRY_WAIT_MS = 5_000;
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;
const BATCH = 20;

/** Mail one pass claimed, and which of it has not been tried (nor released) yet. */
interface ClaimedBatch {
  leaseUntil: number;
  untried: Set<number>;
}

/** What a queued mail holds the code or link in: kept encrypted at rest. */
type SealedField = 'subject' | 'text' | 'html';
const SEALED_FIELDS: readonly SealedField[] = ['subject', 'text', 'html'];

export interface OutboxOptions {
  store: OutboxStore;
  mailer: Mailer;
  /** Epoch milliseconds (injectable, like everywhere else). */
  now: () => number;
  /** AES-256-GCM key (the server secret's mail key) of subjects and bodies at rest. */
  mailKey: Buffer;
  onError?: (error: unknown) => void;
  /** Told about mail dropped unsent because it cannot be decrypted (the secret was replaced). */
  onDropped?: (message: string) => void;
  /** How long `send` waits for SMTP before answering `queued`; default 5000 ms. */
  firstTryWaitMs?: number;
}

/**
 * Durable mail delivery: every mail is written to the store before SMTP sees it, removed once
 * SMTP accepted it, and retried with exponential backoff (5 s doubling to 5 min) until it is
 * sent or its code has expired. A crash at any point leaves it in the store, for any node once
 * its lease (if it was being tried) has ended.
 * Subject and bodies carry the code or link, so they are stored encrypted with the mail key.
 */
export class MailOutbox {
  readonly #options: OutboxOptions;
  #timer: NodeJS.Timeout | undefined;
  #draining: Promise<void> | undefined;
  /** The claim being worked through, while it is. */
  #batch: ClaimedBatch | undefined;
  #closing = false;

  constructor(options: OutboxOptions) {
    this.#options = options;
  }

  /** Stores the mail, then tries SMTP once. `queued` means it will be retried. */
  async send(email: OutgoingEmail, expiresAt: number): Promise<'sent' | 'queued'> {
    const { store, now } = this.#options;
    const id = await store.enqueueMail({
      to: email.to,
      fromName: email.from.name,
      fromAddress: email.from.address,
      ...mapSealedFields(email, (value, context) =>
        sealText(this.#options.mailKey, value, context),
      ),
      expiresAt,
      nextAttemptAt: now() + SEND_LEASE_MS,
    });
    // A slow SMTP server does not hold up the answer: after FIRST_TRY_WAIT_MS the mail counts as
    // queued while the try goes on (its lease keeps the retry loop away from it meanwhile).
    const attempt = this.#attempt({ id, attempts: 0, email });
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), this.#options.firstTryWaitMs ?? FIRST_TRY_WAIT_MS);
    });
    const sent = await Promise.race([attempt, waited]).finally(() => clearTimeout(timer));
    return sent ? 'sent' : 'queued';
  }

  /**
   * Claims the mail that is due and sends it; mail another node has claimed waits until that
   * node's lease ends (at start too: mail a crashed run left leased goes out when its lease
   * ends, and mail a live node is trying is never claimed from under it). Calls never overlap:
   * a second caller waits for the running pass.
   */
  async deliverDue(): Promise<void> {
    while (this.#draining) await this.#draining;
    if (this.#closing) return;
    this.#draining = this.#drain().finally(() => (this.#draining = undefined));
    return this.#draining;
  }

  /** Sends due mail now and every `intervalMs`. */
  start(intervalMs = 1_000): void {
    const tick = () => void this.deliverDue().catch((error) => this.#options.onError?.(error));
    tick();
    this.#timer = setInterval(tick, intervalMs);
    this.#timer.unref();
  }

  /**
   * Stops retrying. Claimed mail not yet tried is released at once, for another node to send
   * without waiting for the lease; resolves once the try in progress has ended.
   */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    this.#closing = true;
    const batch = this.#batch;
    await Promise.all([batch && this.#release(batch), this.#draining]);
  }

  async #drain(): Promise<void> {
    const { store, now } = this.#options;
    const claimedAt = now();
    const leaseUntil = claimedAt + SEND_LEASE_MS;
    const claimed = await store.claimDueMail(claimedAt, leaseUntil, BATCH);
    const batch: ClaimedBatch = { leaseUntil, untried: new Set(claimed.map((mail) => mail.id)) };
    this.#batch = batch;
    try {
      for (const mail of claimed) {
        // Released by close(), or closing since the claim: another node sends the rest.
        if (this.#closing || !batch.untried.has(mail.id)) break;
        // A try started now could outlast the batch's lease, and another node could then send
        // the same mail; the rest of the batch is released for the next claim, by any node.
        if (now() + MAX_TRY_MS > leaseUntil) break;
        batch.untried.delete(mail.id);
        await this.#deliver(mail);
      }
    } finally {
      this.#batch = undefined;
    }
    await this.#release(batch);
  }

  async #deliver(mail: OutboxMail): Promise<void> {
    const { store, now } = this.#options;
    if (mail.expiresAt <= now()) {
      await store.removeMail(mail.id);
      return;
    }
    const email = this.#open(mail);
    if (!email) {
      // Retrying cannot help: without the key it was sealed with, it can never be sent.
      await store.removeMail(mail.id);
      this.#options.onDropped?.(
        `queued mail ${mail.id} cannot be decrypted (was ${SERVER_SECRET_FILE} replaced?); dropped unsent`,
      );
      return;
    }
    await this.#attempt({ id: mail.id, attempts: mail.attempts, email });
  }

  /** Makes the batch's untried mail due now; each mail is released once. */
  async #release(batch: ClaimedBatch): Promise<void> {
    if (batch.untried.size === 0) return;
    const ids = [...batch.untried];
    batch.untried.clear();
    await this.#options.store.releaseClaimedMail(ids, batch.leaseUntil, this.#options.now());
  }

  #open(mail: OutboxMail): OutgoingEmail | undefined {
    try {
      return {
        from: { name: mail.fromName, address: mail.fromAddress },
        to: mail.to,
        ...mapSealedFields(mail, (value, context) =>
          openSealedText(this.#options.mailKey, value, context),
        ),
      };
    } catch {
      return undefined;
    }
  }

  async #attempt(job: { id: number; attempts: number; email: OutgoingEmail }): Promise<boolean> {
    const { store, mailer, now } = this.#options;
    try {
      await mailer.send(job.email);
    } catch (error) {
      const delay = Math.min(FIRST_RETRY_MS * 2 ** job.attempts, MAX_RETRY_MS);
      await store.rescheduleMail(job.id, now() + delay, (error as Error).message ?? String(error));
      this.#options.onError?.(error);
      return false;
    }
    await store.removeMail(job.id);
    return true;
  }
}

/**
 * Applies `transform` to the subject and bodies. Each is bound to its field name and recipient
 * (the sealing context), so editing the database cannot swap fields or redirect a code.
 */
function mapSealedFields(
  mail: Pick<OutgoingEmail, SealedField | 'to'>,
  transform: (value: string, context: string) => string,
): Record<SealedField, string> {
  const result = {} as Record<SealedField, string>;
  for (const field of SEALED_FIELDS) result[field] = transform(mail[field], `${field} ${mail.to}`);
  return result;
}
