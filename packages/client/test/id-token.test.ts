import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  TokenValidationError,
  validateIdToken,
  type IdTokenExpectations,
  type IdTokenOptions,
  type RequestOptions,
  type TokenCheck,
} from '../src/index.js';
import { atHash, fakeTenant, signingKey } from './tenant.js';

const expected = { clientId: 'demo' };

/** validateIdToken against the tenant (through its fetch), expecting `demo` and `more`. */
function validate(
  tenant: { domain: string; fetch: typeof fetch },
  token: string,
  more: Partial<IdTokenExpectations> = {},
  options: IdTokenOptions & RequestOptions = {},
) {
  return validateIdToken(
    tenant.domain,
    token,
    { ...expected, ...more },
    {
      fetch: tenant.fetch,
      ...options,
    },
  );
}

async function expectCheck(promise: Promise<unknown>, check: TokenCheck): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(TokenValidationError);
  await expect(promise).rejects.toMatchObject({
    check,
    code: 'token_validation_error',
    messageKey: 'invalid_token',
  });
}

describe('validateIdToken', () => {
  afterEach(() => vi.useRealTimers());

  it('accepts a token signed by the issuer and resolves with its claims', async () => {
    const tenant = await fakeTenant();
    const claims = await validate(tenant, await tenant.idToken({ nonce: 'n1' }), { nonce: 'n1' });
    expect(claims).toMatchObject({ iss: tenant.issuer, aud: 'demo', email: 'ada@example.com' });
  });

  it('fetches the JWKS once, without custom headers, and caches it', async () => {
    const tenant = await fakeTenant();
    for (let i = 0; i < 3; i++) await validate(tenant, await tenant.idToken());
    expect(tenant.jwksCalls()).toBe(1);
    expect(tenant.calls[0]?.url).toBe(`${tenant.origin}/.well-known/jwks.json`);
    expect(tenant.calls[0]?.headers.has('Auth0-Client')).toBe(false);
  });

  it('fetches the JWKS again when a token names an unknown kid (key rotation)', async () => {
    const tenant = await fakeTenant();
    await validate(tenant, await tenant.idToken());
    const rotated = await signingKey('k2');
    tenant.keys.push(rotated);
    const token = await tenant.idToken({}, { key: rotated });
    await expect(validate(tenant, token)).resolves.toMatchObject({ aud: 'demo' });
    expect(tenant.jwksCalls()).toBe(2);
  });

  it('rejects a token whose kid the issuer does not publish, after one refetch', async () => {
    const tenant = await fakeTenant();
    const token = await tenant.idToken({}, { key: await signingKey('evil', 'foreign') });
    // A JWKS fetched just now is not fetched again.
    await expectCheck(validate(tenant, token), 'kid');
    expect(tenant.jwksCalls()).toBe(1);
    // The cached one is, once.
    await expectCheck(validate(tenant, token), 'kid');
    expect(tenant.jwksCalls()).toBe(2);
  });

  it('rejects a token signed by a foreign key under a published kid', async () => {
    const tenant = await fakeTenant();
    const token = await tenant.idToken({}, { key: await signingKey('k1', 'foreign') });
    await expectCheck(validate(tenant, token), 'signature');
  });

  it('rejects a tampered payload and a tampered signature', async () => {
    const tenant = await fakeTenant();
    const [header, , signature] = (await tenant.idToken()).split('.');
    const forged = btoa(
      JSON.stringify({
        iss: tenant.issuer,
        aud: 'demo',
        sub: 'email|admin',
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
    ).replace(/=+$/, '');
    await expectCheck(validate(tenant, `${header}.${forged}.${signature}`), 'signature');
    const token = await tenant.idToken();
    const signatureTampered = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expectCheck(validate(tenant, signatureTampered), 'signature');
  });

  it('rejects alg none and HS256 before looking for a key', async () => {
    const tenant = await fakeTenant();
    const [, payload] = (await tenant.idToken()).split('.');
    for (const alg of ['none', 'HS256']) {
      const header = btoa(JSON.stringify({ alg, kid: 'k1' })).replace(/=+$/, '');
      await expectCheck(validate(tenant, `${header}.${payload}.`), 'alg');
    }
    expect(tenant.jwksCalls()).toBe(0);
  });

  it('rejects something that is not a JWT', async () => {
    const tenant = await fakeTenant();
    await expectCheck(validate(tenant, 'a.b'), 'malformed');
  });

  it('checks iss against the domain with a trailing slash, or options.issuer', async () => {
    const tenant = await fakeTenant();
    await expectCheck(validate(tenant, await tenant.idToken({ iss: tenant.origin })), 'iss');
    const evil = await tenant.idToken({ iss: 'https://evil.example.com/' });
    await expectCheck(validate(tenant, evil), 'iss');
    const other = await tenant.idToken({ iss: 'http://localhost:3000/' });
    await expect(
      validate(tenant, other, {}, { issuer: 'http://localhost:3000/' }),
    ).resolves.toMatchObject({ iss: 'http://localhost:3000/' });
  });

  it('requires a sub', async () => {
    const tenant = await fakeTenant();
    await expectCheck(validate(tenant, await tenant.idToken({ sub: undefined })), 'sub');
  });

  it('checks aud, and azp when there are several audiences or an azp', async () => {
    const tenant = await fakeTenant();
    const check = async (claims: Record<string, unknown>) =>
      validate(tenant, await tenant.idToken(claims));
    await expectCheck(check({ aud: 'other' }), 'aud');
    await expectCheck(check({ aud: ['other', 'api'] }), 'aud');
    await expectCheck(check({ aud: ['demo', 'api'] }), 'azp');
    await expectCheck(check({ aud: ['demo', 'api'], azp: 'other' }), 'azp');
    await expectCheck(check({ azp: 'other' }), 'azp');
    await expect(check({ aud: ['demo', 'api'], azp: 'demo' })).resolves.toBeTruthy();
  });

  it('checks exp with 60 s of leeway by default, and options.leeway', async () => {
    const tenant = await fakeTenant();
    const now = Math.floor(Date.now() / 1000);
    const recent = await tenant.idToken({ exp: now - 30 });
    await expect(validate(tenant, recent)).resolves.toBeTruthy();
    await expectCheck(validate(tenant, recent, {}, { leeway: 0 }), 'exp');
    const old = await tenant.idToken({ exp: now - 120 });
    await expectCheck(validate(tenant, old), 'exp');
    await expect(validate(tenant, old, {}, { leeway: 300 })).resolves.toBeTruthy();
    await expectCheck(validate(tenant, await tenant.idToken({ exp: undefined })), 'exp');
  });

  it('rejects an iat or nbf in the future beyond the leeway', async () => {
    const tenant = await fakeTenant();
    const now = Math.floor(Date.now() / 1000);
    await expectCheck(validate(tenant, await tenant.idToken({ iat: now + 120 })), 'iat');
    await expectCheck(validate(tenant, await tenant.idToken({ iat: 'yesterday' })), 'iat');
    await expectCheck(validate(tenant, await tenant.idToken({ nbf: now + 120 })), 'nbf');
    await expect(validate(tenant, await tenant.idToken({ nbf: now + 30 }))).resolves.toBeTruthy();
  });

  it('uses the current time (a token read later has expired)', async () => {
    const tenant = await fakeTenant();
    const token = await tenant.idToken();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 36_100_000);
    await expectCheck(validate(tenant, token), 'exp');
  });

  it('checks the nonce when one is expected', async () => {
    const tenant = await fakeTenant();
    const other = await tenant.idToken({ nonce: 'n2' });
    await expectCheck(validate(tenant, other, { nonce: 'n1' }), 'nonce');
    await expectCheck(validate(tenant, await tenant.idToken(), { nonce: 'n1' }), 'nonce');
  });

  it('checks at_hash against the access token', async () => {
    const tenant = await fakeTenant();
    const token = await tenant.idToken({ at_hash: await atHash('at-1') });
    await expect(validate(tenant, token, { accessToken: 'at-1' })).resolves.toBeTruthy();
    await expectCheck(validate(tenant, token, { accessToken: 'at-2' }), 'at_hash');
  });

  it('checks auth_time against maxAge when asked', async () => {
    const tenant = await fakeTenant();
    const now = Math.floor(Date.now() / 1000);
    const fresh = await tenant.idToken({ auth_time: now - 100 });
    await expect(validate(tenant, fresh, { maxAge: 300 })).resolves.toBeTruthy();
    await expectCheck(validate(tenant, fresh, { maxAge: 10 }), 'auth_time');
    await expectCheck(validate(tenant, await tenant.idToken(), { maxAge: 300 }), 'auth_time');
    await expect(validate(tenant, await tenant.idToken())).resolves.toBeTruthy();
  });

  it('rejects a leeway outside 0–300 s with a coded TypeError', async () => {
    const tenant = await fakeTenant();
    const token = await tenant.idToken();
    for (const leeway of [-1, 301, Number.NaN]) {
      await expect(validate(tenant, token, {}, { leeway })).rejects.toMatchObject({
        name: 'TypeError',
        code: 'ERR_INVALID_ARG_VALUE',
      });
    }
    expect(tenant.calls).toHaveLength(0);
  });

  it('passes a JWKS failure on as a ServerError, and tries again next time', async () => {
    const tenant = await fakeTenant();
    const token = await tenant.idToken();
    let down = true;
    const fetch: typeof tenant.fetch = (input, init) =>
      down ? Promise.resolve(new Response('oops', { status: 500 })) : tenant.fetch(input, init);
    await expect(validate(tenant, token, {}, { fetch })).rejects.toMatchObject({
      name: 'ServerError',
      status: 500,
    });
    down = false;
    await expect(validate(tenant, token, {}, { fetch })).resolves.toBeTruthy();
  });
});
