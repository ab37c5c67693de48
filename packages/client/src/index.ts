/**
 * `@passwordless-lock/client`: small functions over `fetch` that speak Auth0's passwordless
 * protocol. Works in browsers and in Node 20+. No runtime dependencies.
 *
 * @packageDocumentation
 */
export { passwordlessStart } from './passwordless-start.js';
export type { PasswordlessStartParams, PasswordlessStartResult } from './passwordless-start.js';
export { passwordlessLogin, PASSWORDLESS_OTP_GRANT } from './passwordless-login.js';
export type {
  PasswordlessLoginParams,
  PasswordlessLoginOptions,
  PasswordlessLoginResult,
} from './passwordless-login.js';
export type { LoginOptions } from './login-result.js';
export { parseCallback } from './parse-callback.js';
export { refreshTokens, revokeToken } from './refresh.js';
export type { RefreshTokensParams, RevokeTokenParams } from './refresh.js';
export { userInfo } from './user-info.js';
export type { UserInfo } from './user-info.js';
export { buildLogoutUrl } from './logout.js';
export type { LogoutParams } from './logout.js';
export { validateIdToken } from './id-token.js';
export type { IdTokenClaims, IdTokenExpectations, IdTokenOptions } from './id-token.js';
export type { TransactionOptions, TransactionStorage } from './transaction.js';
export { decodeJwtPayload } from './encoding.js';
export { toOrigin } from './domain.js';
export { DEFAULT_TIMEOUT } from './http.js';
export type { RequestOptions } from './http.js';
export {
  ServerError,
  NetworkError,
  TimeoutError,
  TokenValidationError,
  TransactionError,
  isClientError,
  messageKeyOf,
} from './errors.js';
export type { ClientError, MessageKey, ServerErrorInit, TokenCheck } from './errors.js';
export { VERSION } from './version.js';
