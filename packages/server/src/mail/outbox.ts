import { openSealedText, sealText } from '../sealed-text.js';
import { SERVER_SECRET_FILE } from '../server-secret.js';
import type { NewOutboxMail, OutboxMail, OutboxStore } from '../store/outbox.js';
import type { Mailer, OutgoingEmail } from './mailer.js';

/**
 * How long a mail being handed to SMTP is reserved before any node's sender may pick it up
 * (the lease of a claim); longer than the SMTP transport's own timeouts (mailer.ts), so one mail
 * is never sent by two tries, yet short enough that a node that died mid-try delays it little.
 */
const SEND_LEASE_MS = 60_000;
/** The longest one SMTP try takes: the transport's timeouts (mailer.ts) add up to 50 s. */
const MAX_TRY_MS = 50_000;
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;
/** The longest close() goes on sending the mail in hand and waits for the tries in flight. */
export const CLOSE_GRACE_MS = 5_000;
/** The fewest mails one claim asks for, so a backlog costs one claim per batch, not per mail. */
const MIN_CLAIM = 20;
/**
 * Sent mail is removed from the store in batches of up to this many: one statement and commit
 * for many mails. Each waits leased, so no node sends it again; only a crash before its removal
 * does, as it does for a try in flight.
 */
const MAX_UNREMOVED = 20;
/** The longest sent mail waits for its removal while the sender is busy: far inside its lease. */
const REMOVE_WITHIN_MS = 100;

/** A mail this node holds the lease of and will try: enqueued by it, or claimed. */
interface HeldMail {
  id: number;
  attempts: number;
  expiresAt: number;
  leaseUntil: number;
  /** Undefined when the stored mail cannot be decrypted. */
  email: OutgoingEmail | undefined;
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
  /** SMTP sends in flight at once (`outbox.concurrent_sends`); default 5. */
  concurrency?: number;
  /** Unsent mails at which {@link MailOutbox.hasRoom} says no (`outbox.max_queued`); default none. */
  maxQueued?: number;
  /** The longest `close` goes on sending and waits for tries in flight; default 5000 ms. */
  closeGraceMs?: number;
  onError?: (error: unknown) => void;
  /** Told about mail dropped unsent because it cannot be decrypted (the secret was replaced). */
  onDropped?: (message: string) => void;
}

/**
 * Durable mail delivery: every mail is written to the store, and `send` returns then; a sender
 * in the background hands it to SMTP, at most `concurrency` at a time, removes it (in batches)
 * once SMTP accepted it, and retries it with exponential backoff (5 s doubling to 5 min) until
 * it is sent or its code has expired. A crash at any point leaves it in the store, for any node
 * once its lease (if it was being tried) has ended.
 * Subject and bodies carry the code or link, so they are stored encrypted with the mail key.
 */
export class MailOutbox {
  readonly #options: OutboxOptions;
  readonly #concurrency: number;
  readonly #maxQueued: number;
  #timer: NodeJS.Timeout | undefined;
  /** Mail in hand, not yet tried: tried in order as sends finish. */
  readonly #held: HeldMail[] = [];
  readonly #sending = new Set<Promise<void>>();
  /** Other store work to wait for before the sender is idle (releases, removals). */
  readonly #working = new Set<Promise<void>>();
  #claiming: Promise<void> | undefined;
  /** Mail SMTP accepted (or that expired), not yet removed from the store. */
  readonly #unremoved: number[] = [];
  #removeTimer: NodeJS.Timeout | undefined;
  /** A pump to come, once the current I/O callbacks (the answer of the start) are done. */
  #waking: Promise<void> | undefined;
  /**
   * Whether the store may hold due mail this node has not claimed: set by the timer, by mail
   * queued due and by releases; cleared by a claim that found less than it asked for.
   */
  #maybeDue = true;
  /** The outbox's size (all nodes') as the store last counted it, plus this node's changes since. */
  #queued = 0;
  #counting = false;
  /** Closing: no mail taken in hand at enqueue, no timer; the due mail is still sent. */
  #closing = false;
  /** Closed: no more tries either. */
  #stopped = false;

  constructor(options: OutboxOptions) {
    this.#options = options;
    this.#concurrency = options.concurrency ?? 5;
    this.#maxQueued = options.maxQueued ?? Infinity;
  }

  /**
   * Stores the mail and wakes the sender; resolves once the mail is durably queued, before SMTP
   * has seen it. `enqueue` stores the sealed mail and resolves with its id; by default it is
   * stored on its own. Start stores it in the transaction that saves its code (store/start.ts),
   * which may store nothing (a refused or blocked start: no id).
   */
  async send(
    email: OutgoingEmail,
    expiresAt: number,
    enqueue: (mail: NewOutboxMail) => Promise<number | undefined> = (mail) =>
      this.#options.store.enqueueMail(mail),
  ): Promise<void> {
    const { now } = this.#options;
    // Mail the sender gets to soon is queued under this node's lease and tried from memory, with
    // no claim in between; the rest is queued due, for the next claim of any node.
    const keep = !this.#closing && this.#held.length < this.#concurrency;
    const queuedAt = now();
    const leaseUntil = queuedAt + SEND_LEASE_MS;
    const mail: NewOutboxMail = {
      to: email.to,
      fromName: email.from.name,
      fromAddress: email.from.address,
      ...mapSealedFields(email, (value, context) =>
        sealText(this.#options.mailKey, value, context),
      ),
      expiresAt,
      nextAttemptAt: keep ? leaseUntil : queuedAt,
    };
    const id = await enqueue(mail);
    if (id === undefined) return;
    this.#queued++;
    const held: HeldMail = { id, attempts: 0, expiresAt, leaseUntil, email };
    if (keep && this.#stopped) await this.#release([held]);
    else if (keep) this.#held.push(held);
    else this.#maybeDue = true;
    this.#wake();
  }

  /**
   * Whether the outbox takes more mail: fewer unsent mails (all nodes', as last counted, plus
   * this node's since) than `maxQueued`. Racing starts may each pass at the limit: it is a
   * bound on growth, not an exact count.
   */
  hasRoom(): boolean {
    return this.#queued < this.#maxQueued;
  }

  /** SMTP tries in flight on this node now. */
  get sending(): number {
    return this.#sending.size;
  }

  /**
   * Claims the mail that is due and sends it; resolves once every mail this node had in hand
   * has been tried. Mail another node has claimed waits until that node's lease ends (at start
   * too: mail a crashed run left leased goes out when its lease ends, and mail a live node is
   * trying is never claimed from under it).
   */
  async deliverDue(): Promise<void> {
    this.#maybeDue = true;
    this.#pump();
    await this.settled();
  }

  /** Resolves once this node has no mail in hand: each it queued or claimed has been tried or released. */
  async settled(): Promise<void> {
    for (;;) {
      const pending = [...this.#sending, ...this.#working];
      if (this.#claiming) pending.push(this.#claiming);
      if (this.#waking) pending.push(this.#waking);
      if (pending.length === 0) return;
      await Promise.race(pending);
    }
  }

  /** Looks for due mail (retries, other nodes' backlog) now and every `intervalMs`. */
  start(intervalMs = 1_000): void {
    const tick = () => {
      this.#maybeDue = true;
      this.#pump();
      void this.#recount();
    };
    tick();
    this.#timer = setInterval(tick, intervalMs);
    this.#timer.unref();
  }

  /**
   * Stops sending, draining first: goes on sending the mail in hand and what is due (SMTP
   * normally takes it in milliseconds) until none is left or the grace has passed; then releases
   * what is left untried, for another node (or the next run) to send without waiting for the
   * lease, and waits for the tries in progress within the same grace, so a hung SMTP server does
   * not hold up a shutdown (its mail stays leased, and is retried when the lease ends).
   */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    this.#closing = true;
    const graceMs = this.#options.closeGraceMs ?? CLOSE_GRACE_MS;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    try {
      if (graceMs > 0) await Promise.race([this.settled(), grace]);
      this.#stopped = true;
      await this.#release(this.#held.splice(0));
      await Promise.race([this.settled(), grace]);
    } finally {
      clearTimeout(timer);
    }
    // Grace or not: a removal is one quick statement, and it keeps accepted mail from a resend.
    await this.#flushRemovals();
  }

  /**
   * Pumps right after the caller's answer has gone out: building and writing a mail is SMTP's
   * time, not the start's.
   */
  #wake(): void {
    this.#waking ??= new Promise<void>((resolve) =>
      setImmediate(() => {
        this.#waking = undefined;
        this.#pump();
        resolve();
      }),
    );
  }

  /** Starts tries while there is room, and claims more when nothing is left in hand. */
  #pump(): void {
    if (this.#stopped) return;
    const { now, onError } = this.#options;
    const outlasting: HeldMail[] = [];
    while (this.#sending.size < this.#concurrency && this.#held.length > 0) {
      const mail = this.#held.shift()!;
      // A try started now could outlast the lease, and another node could then send the same
      // mail; it goes back to the store for the next claim, by any node.
      if (now() + MAX_TRY_MS > mail.leaseUntil) {
        outlasting.push(mail);
        continue;
      }
      const sending: Promise<void> = this.#deliver(mail)
        .catch((error: unknown) => onError?.(error))
        .finally(() => {
          this.#sending.delete(sending);
          this.#pump();
        });
      this.#sending.add(sending);
    }
    if (outlasting.length > 0) this.#track(this.#release(outlasting));
    if (this.#sending.size === 0) void this.#flushRemovals();
    if (
      this.#held.length === 0 &&
      this.#sending.size < this.#concurrency &&
      this.#maybeDue &&
      !this.#claiming
    ) {
      this.#claiming = this.#claim()
        .catch((error: unknown) => onError?.(error))
        .finally(() => {
          this.#claiming = undefined;
          this.#pump();
        });
    }
  }

  async #claim(): Promise<void> {
    const { store, now } = this.#options;
    // Cleared first: a store that fails waits for the next tick instead of being asked in a loop.
    this.#maybeDue = false;
    const claimedAt = now();
    const leaseUntil = claimedAt + SEND_LEASE_MS;
    const limit = Math.max(MIN_CLAIM, this.#concurrency);
    const claimed = await store.claimDueMail(claimedAt, leaseUntil, limit);
    if (claimed.length === limit) this.#maybeDue = true;
    const held = claimed.map((mail): HeldMail => ({
      id: mail.id,
      attempts: mail.attempts,
      expiresAt: mail.expiresAt,
      leaseUntil,
      email: this.#open(mail),
    }));
    if (this.#stopped) await this.#release(held);
    else this.#held.push(...held);
  }

  async #deliver(mail: HeldMail): Promise<void> {
    const { store, mailer, now } = this.#options;
    if (mail.expiresAt <= now()) {
      this.#remove(mail.id);
      return;
    }
    if (!mail.email) {
      // Retrying cannot help: without the key it was sealed with, it can never be sent.
      this.#remove(mail.id);
      this.#options.onDropped?.(
        `queued mail ${mail.id} cannot be decrypted (was ${SERVER_SECRET_FILE} replaced?); dropped unsent`,
      );
      return;
    }
    try {
      await mailer.send(mail.email);
    } catch (error) {
      const delay = Math.min(FIRST_RETRY_MS * 2 ** mail.attempts, MAX_RETRY_MS);
      await store.rescheduleMail(mail.id, now() + delay, (error as Error).message ?? String(error));
      this.#options.onError?.(error);
      return;
    }
    this.#remove(mail.id);
  }

  /**
   * Removes a mail from the store soon: with the others waiting, once {@link MAX_UNREMOVED}
   * wait, once the sender has no try in flight, or within {@link REMOVE_WITHIN_MS}.
   */
  #remove(id: number): void {
    this.#unremoved.push(id);
    if (this.#unremoved.length >= MAX_UNREMOVED) void this.#flushRemovals();
    else this.#removeTimer ??= setTimeout(() => void this.#flushRemovals(), REMOVE_WITHIN_MS);
  }

  /** Removes the waiting mail in one step; one that fails is sent again once its lease ends. */
  #flushRemovals(): Promise<void> {
    clearTimeout(this.#removeTimer);
    this.#removeTimer = undefined;
    const ids = this.#unremoved.splice(0);
    if (ids.length === 0) return Promise.resolve();
    return this.#track(
      this.#options.store.removeMail(ids).then(() => {
        this.#queued = Math.max(0, this.#queued - ids.length);
      }),
    );
  }

  /** Makes held mail due now, for any claimer; each claim's lease is released as one step. */
  async #release(mails: HeldMail[]): Promise<void> {
    const byLease = new Map<number, number[]>();
    for (const mail of mails)
      byLease.set(mail.leaseUntil, [...(byLease.get(mail.leaseUntil) ?? []), mail.id]);
    for (const [leaseUntil, ids] of byLease) {
      await this.#options.store.releaseClaimedMail(ids, leaseUntil, this.#options.now());
    }
    if (mails.length > 0) this.#maybeDue = true;
  }

  #track(work: Promise<void>): Promise<void> {
    const tracked: Promise<void> = work
      .catch((error: unknown) => this.#options.onError?.(error))
      .finally(() => {
        this.#working.delete(tracked);
        this.#pump();
      });
    this.#working.add(tracked);
    return tracked;
  }

  /** Counts the outbox again: other nodes' mail, and what this node's estimate missed. */
  async #recount(): Promise<void> {
    if (this.#counting) return;
    this.#counting = true;
    try {
      this.#queued = await this.#options.store.countMail();
    } catch (error) {
      this.#options.onError?.(error);
    } finally {
      this.#counting = false;
    }
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
