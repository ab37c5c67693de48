import type { AppContext } from '../context.js';
import { AuthError } from '../errors.js';
import { assertNotBlocked } from '../login/blocked.js';
import { requiredParam } from '../required-param.js';
import type { RefreshTokenRecord } from '../store/refresh-tokens.js';
import {
  findApi,
  grantedScope,
  issueTokens,
  newRefreshToken,
  parseScope,
  sha256Hex,
  type TokenResponse,
} from '../tokens.js';
import type { TokenRequest } from './index.js';

/** Auth0's answer to every refresh token it will not use: unknown, expired, revoked or reused. */
const unusable = () => new AuthError(403, 'invalid_grant', 'Unknown or invalid refresh token.');

/**
 * RFC 6749 §6 with rotation and reuse detection (RFC 9700 §4.14.2): the presented token is
 * spent and replaced by a new one of its family. Presenting a spent token again (after
 * `reuse_interval_s`) means two parties hold the family, so all of it is revoked. The scope may
 * narrow for this answer; the family keeps the scope granted at login.
 */
export async function refreshTokenGrant(
  ctx: AppContext,
  { client, params, log }: TokenRequest,
): Promise<TokenResponse> {
  const presented = sha256Hex(requiredParam(params.refresh_token, 'refresh_token'));
  // Checked before the token is spent, so a refused request leaves the family usable.
  const found = await ctx.store.findRefreshToken(presented);
  const known = found?.clientId === client.clientId ? found : undefined;
  const scope = known && narrowedScope(params.scope, known);
  const user = known && (await ctx.store.findUser(known.sub));
  if (user) assertNotBlocked(user);

  const successor = newRefreshToken(ctx);
  const lifetimes = ctx.config.lifetimes.refreshToken;
  const rotation = await ctx.store.rotateRefreshToken({
    tokenHash: presented,
    clientId: client.clientId,
    now: ctx.now(),
    reuseIntervalMs: lifetimes.reuseIntervalS * 1000,
    successorHash: sha256Hex(successor),
    idleLifetimeMs: lifetimes.idleS * 1000,
  });
  if (rotation.outcome === 'reused') {
    ctx.metrics.refreshReuseDetected.inc();
    log.warn(
      { event: 'refresh_reuse_detected', sub: rotation.token.sub, client_id: client.clientId },
      'a spent refresh token was presented again; its family is revoked',
    );
  }
  if (rotation.outcome !== 'rotated' || !user || !scope) throw unusable();
  const family = rotation.token;
  const api = family.audience === undefined ? undefined : findApi(ctx, family.audience);
  ctx.metrics.refreshes.inc();
  return issueTokens(
    ctx,
    {
      client,
      user,
      // Granted again, in case the client or the API changed since the login.
      scope: grantedScope([...scope].join(' '), client, api),
      authTime: family.authTime,
      ...(api ? { api } : {}),
    },
    { refreshToken: successor },
  );
}

/**
 * The scope asked for, which may leave out some of the family's but add none (RFC 6749 §6);
 * the family's own when none is asked for.
 */
function narrowedScope(requested: string | undefined, family: RefreshTokenRecord): Set<string> {
  const granted = parseScope(family.scope);
  if (requested === undefined || requested.trim() === '') return granted;
  const asked = parseScope(requested);
  if ([...asked].some((scope) => !granted.has(scope))) {
    throw new AuthError(
      403,
      'invalid_scope',
      'The requested scope is not a subset of the scope granted at login.',
    );
  }
  return asked;
}
