/**
 * `@passwordless-lock/client`: small functions over `fetch` that speak Auth0's passwordless
 * protocol. Works in browsers and in Node 20+. No runtime dependencies.
 *
 * @packageDocumentation
 */
export { passwordlessStart } from './passwordless-start.js';
export type { PasswordlessStartParams, PasswordlessStartResult } from './passwordless-start.js';
export { passwordlessLogin, PASSWORDLESS_OTP_GRANT } from './passwordless-login.js';
export type { PasswordlessLoginParams, PasswordlessLoginResult } from './passwordless-login.js';
export { userInfo } from './user-info.js';
export type { UserInfo } from './user-info.js';
export { decodeJwtPayload } from './jwt.js';
export { toOrigin } from './domain.js';
export { DEFAULT_TIMEOUT } from './http.js';
export type { RequestOptions } from './http.js';
export { ServerError, NetworkError, TimeoutError, isClientError, messageKeyOf } from './errors.js';
export type { ClientError, MessageKey, ServerErrorInit } from './errors.js';
export { VERSION } from './version.js';
