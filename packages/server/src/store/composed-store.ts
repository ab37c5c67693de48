import type { Store } from '../store.js';
import type { CodeStore, PendingCode } from './codes.js';
import type { ExpiryStore } from './expiry.js';
import type { HealthStore } from './health.js';
import type { Hit, RateCounterStore } from './limits.js';
import type { LoginAttempt, LoginStore } from './logins.js';
import type { NewOutboxMail, OutboxStore } from './outbox.js';
import type { CodeIssue, StartStore } from './start.js';
import type {
  RefreshTokenRotation,
  RefreshTokenRecord,
  RefreshTokenStore,
} from './refresh-tokens.js';
import type { ServerSecretCheck } from './server-secret.js';
import type {
  AccessTokenRecord,
  AccessTokenStore,
  AuthorizationCodeRecord,
  AuthorizationCodeStore,
  LoginTicket,
  LoginTicketStore,
} from './tokens.js';
import type { User, UserStore } from './users.js';

/** One implementation of each contract, usually sharing one database connection. */
export interface StoreParts {
  codes: CodeStore;
  users: UserStore;
  loginTickets: LoginTicketStore;
  authorizationCodes: AuthorizationCodeStore;
  accessTokens: AccessTokenStore;
  refreshTokens: RefreshTokenStore;
  rateCounters: RateCounterStore;
  logins: LoginStore;
  outbox: OutboxStore;
  start: StartStore;
  expiry: ExpiryStore;
  serverSecretCheck: ServerSecretCheck;
  health: HealthStore;
  /** Releases what the parts share. */
  close(): Promise<void>;
}

/**
 * The {@link Store} the app passes around, handing each call to the part that implements it: a
 * database implements the parts, and this wiring is written once for all of them.
 */
export class ComposedStore implements Store {
  readonly #parts: StoreParts;

  constructor(parts: StoreParts) {
    this.#parts = parts;
  }

  saveCode(code: PendingCode) {
    return this.#parts.codes.saveCode(code);
  }
  findCode(clientId: string, email: string) {
    return this.#parts.codes.findCode(clientId, email);
  }

  upsertUserOnLogin(email: string, newSub: string, at: number) {
    return this.#parts.users.upsertUserOnLogin(email, newSub, at);
  }
  findUser(sub: string) {
    return this.#parts.users.findUser(sub);
  }
  findUserByEmail(email: string) {
    return this.#parts.users.findUserByEmail(email);
  }
  listUsers(afterEmail: string, limit: number) {
    return this.#parts.users.listUsers(afterEmail, limit);
  }
  blockUser(email: string, newSub: string, at: number) {
    return this.#parts.users.blockUser(email, newSub, at);
  }
  unblockUser(email: string) {
    return this.#parts.users.unblockUser(email);
  }
  deleteUser(email: string) {
    return this.#parts.users.deleteUser(email);
  }
  userRecords(user: User) {
    return this.#parts.users.userRecords(user);
  }

  saveLoginTicket(ticket: LoginTicket) {
    return this.#parts.loginTickets.saveLoginTicket(ticket);
  }
  consumeLoginTicket(ticketHash: string) {
    return this.#parts.loginTickets.consumeLoginTicket(ticketHash);
  }
  saveAuthorizationCode(code: AuthorizationCodeRecord) {
    return this.#parts.authorizationCodes.saveAuthorizationCode(code);
  }
  consumeAuthorizationCode(codeHash: string) {
    return this.#parts.authorizationCodes.consumeAuthorizationCode(codeHash);
  }
  saveAccessToken(token: AccessTokenRecord) {
    return this.#parts.accessTokens.saveAccessToken(token);
  }
  findAccessToken(tokenHash: string) {
    return this.#parts.accessTokens.findAccessToken(tokenHash);
  }
  saveRefreshToken(token: RefreshTokenRecord) {
    return this.#parts.refreshTokens.saveRefreshToken(token);
  }
  findRefreshToken(tokenHash: string) {
    return this.#parts.refreshTokens.findRefreshToken(tokenHash);
  }
  rotateRefreshToken(rotation: RefreshTokenRotation) {
    return this.#parts.refreshTokens.rotateRefreshToken(rotation);
  }
  revokeRefreshTokenFamily(tokenHash: string, clientId: string) {
    return this.#parts.refreshTokens.revokeRefreshTokenFamily(tokenHash, clientId);
  }

  takeHit(hit: Hit, limit: number) {
    return this.#parts.rateCounters.takeHit(hit, limit);
  }
  returnHit(key: string, slot: number) {
    return this.#parts.rateCounters.returnHit(key, slot);
  }
  attemptLogin(attempt: LoginAttempt) {
    return this.#parts.logins.attemptLogin(attempt);
  }

  enqueueMail(mail: NewOutboxMail) {
    return this.#parts.outbox.enqueueMail(mail);
  }
  claimDueMail(dueBy: number, leaseUntil: number, limit: number) {
    return this.#parts.outbox.claimDueMail(dueBy, leaseUntil, limit);
  }
  removeMail(ids: readonly number[]) {
    return this.#parts.outbox.removeMail(ids);
  }
  rescheduleMail(id: number, nextAttemptAt: number, lastError: string) {
    return this.#parts.outbox.rescheduleMail(id, nextAttemptAt, lastError);
  }
  releaseClaimedMail(ids: readonly number[], leaseUntil: number, dueAt: number) {
    return this.#parts.outbox.releaseClaimedMail(ids, leaseUntil, dueAt);
  }
  countMail() {
    return this.#parts.outbox.countMail();
  }

  issueCode(issue: CodeIssue) {
    return this.#parts.start.issueCode(issue);
  }

  pruneExpired(now: number, batch: number) {
    return this.#parts.expiry.pruneExpired(now, batch);
  }

  recordSecretFingerprint(fingerprint: string) {
    return this.#parts.serverSecretCheck.recordSecretFingerprint(fingerprint);
  }
  replaceSecretFingerprint(fingerprint: string) {
    return this.#parts.serverSecretCheck.replaceSecretFingerprint(fingerprint);
  }
  isMigrated() {
    return this.#parts.health.isMigrated();
  }

  close() {
    return this.#parts.close();
  }
}
