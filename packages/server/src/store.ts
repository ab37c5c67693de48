import type { CodeStore } from './store/codes.js';
import type { ExpiryStore } from './store/expiry.js';
import type { HealthStore } from './store/health.js';
import type { RateCounterStore } from './store/limits.js';
import type { LoginStore } from './store/logins.js';
import type { OutboxStore } from './store/outbox.js';
import type { RefreshTokenStore } from './store/refresh-tokens.js';
import type { ServerSecretCheck } from './store/server-secret.js';
import type { StartStore } from './store/start.js';
import type { AccessTokenStore, AuthorizationCodeStore, LoginTicketStore } from './store/tokens.js';
import type { UserStore } from './store/users.js';

/**
 * Everything the server keeps, as the one object the app passes around. It is made of small
 * contracts, one per kind of record (store/), so another database (PostgreSQL) implements small
 * obvious pieces without touching routes, and test/store-contract/ holds the suite each piece
 * must pass. Every check-then-write that guards security is atomic in every implementation.
 */
export interface Store
  extends
    CodeStore,
    UserStore,
    LoginTicketStore,
    AuthorizationCodeStore,
    AccessTokenStore,
    RefreshTokenStore,
    RateCounterStore,
    LoginStore,
    OutboxStore,
    StartStore,
    ExpiryStore,
    ServerSecretCheck,
    HealthStore {
  close(): Promise<void>;
}

// Every record type stays importable from here, where it was before the contracts were split.
export type { PendingCode } from './store/codes.js';
export type { LoginAttempt, LoginOutcome } from './store/logins.js';
export type { GuessBudget, Hit, HitResult, SlotClaim } from './store/limits.js';
export type { NewOutboxMail, OutboxMail } from './store/outbox.js';
export type { CodeIssue, CodeIssueOutcome } from './store/start.js';
export type { AccessTokenRecord, AuthorizationCodeRecord, LoginTicket } from './store/tokens.js';
export type { RefreshTokenRecord } from './store/refresh-tokens.js';
export type { DeletedUser, User, UserRecords } from './store/users.js';
