import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenValidationError, validateIdToken, type TokenCheck } from '../src/index.js';
import { atHash, fakeTenant, signingKey } from './tenant.js';

const expected = { clientId: 'demo' };

async function rejection(promise: Promise<unknown>): Promise<TokenValidationError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the token to be rejected');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenValidationError);
  return error as TokenValidationError;
}

async function expectCheck(promise: Promise<unknown>, check: TokenCheck): Promise<void> {
  const error = await rejection(promise);
  expect(error).toMatchObject({
    check,
    code: 'token_validation_error',
    messageKey: 'invalid_token',
  });
}

describe('validateIdToken', () => {
  afterEach(() => vi.useRealTimers());

  it('accepts a token signed by the issuer and resolves with its claims', async () => {
    const tenant = await fakeTenant();
    const token = await tenant.idToken({ nonce: 'n1' });
    const claims = await validateIdToken(
      tenant.domain,
      token,
      { ...expected, nonce: 'n1' },
      { fetch: tenant.fetch },
    );
    expect(claims).toMatchObject({ iss: tenant.issuer, aud: 'demo', email: 'ada@example.com' });
  });

  it('fetches the JWKS once, without custom headers, and caches it', async () => {
    const tenant = await fakeTenant();
    for (let i = 0; i < 3; i++) {
      await validateIdToken(tenant.domain, await tenant.idToken(), expected, {
        fetch: tenant.fetch,
      });
    }
    expect(tenant.jwksCalls()).toBe(1);
    expect(tenant.calls[0]?.url).toBe(`${tenant.origin}/.well-known/jwks.json`);
    expect(tenant.calls[0]?.headers.has('Auth0-Client')).toBe(false);
  });

  it('fetches the JWKS again when a token names an unknown kid (key rotation)', async () => {
    const tenant = await fakeTenant();
    await validateIdToken(tenant.domain, await tenant.idToken(), expected, { fetch: tenant.fetch });
    const rotated = await signingKey('k2');
    tenant.keys.push(rotated);
    const token = await tenant.idToken({}, { key: rotated });
    await expect(
      validateIdToken(tenant.domain, token, expected, { fetch: tenant.fetch }),
    ).resolves.toMatchObject({ aud: 'demo' });
    expect(tenant.jwksCalls()).toBe(2);
  });

  it('rejects a token whose kid the issuer does not publish, after one refetch', async () => {
    const tenant = await fakeTenant();
    const foreign = await signingKey('evil', 'foreign');
    const token = await tenant.idToken({}, { key: foreign });
    await expectCheck(
      validateIdToken(tenant.domain, token, expected, { fetch: tenant.fetch }),
      'kid',
    );
    expect(tenant.jwksCalls()).toBe(2);
  });

  it('rejects a token signed by a foreign key under a published kid', async () => {
    const tenant = await fakeTenant();
    const foreign = await signingKey('k1', 'foreign');
    const token = await tenant.idToken({}, { key: foreign });
    await expectCheck(
      validateIdToken(tenant.domain, token, expected, { fetch: tenant.fetch }),
      'signature',
    );
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
    const payloadTampered = `${header}.${forged}.${signature}`;
    await expectCheck(
      validateIdToken(tenant.domain, payloadTampered, expected, { fetch: tenant.fetch }),
      'signature',
    );
    const token = await tenant.idToken();
    const signatureTampered = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expectCheck(
      validateIdToken(tenant.domain, signatureTampered, expected, { fetch: tenant.fetch }),
      'signature',
    );
  });

  it('rejects alg none and HS256 before looking for a key', async () => {
    const tenant = await fakeTenant();
    const [, payload] = (await tenant.idToken()).split('.');
    for (const alg of ['none', 'HS256']) {
      const header = btoa(JSON.stringify({ alg, kid: 'k1' })).replace(/=+$/, '');
      await expectCheck(
        validateIdToken(tenant.domain, `${header}.${payload}.`, expected, { fetch: tenant.fetch }),
        'alg',
      );
    }
    expect(tenant.jwksCalls()).toBe(0);
  });

  it('rejects something that is not a JWT', async () => {
    const tenant = await fakeTenant();
    await expectCheck(
      validateIdToken(tenant.domain, 'a.b', expected, { fetch: tenant.fetch }),
      'malformed',
    );
  });

  it('checks iss against the domain with a trailing slash, or options.issuer', async () => {
    const tenant = await fakeTenant();
    const opts = { fetch: tenant.fetch };
    await expectCheck(
      validateIdToken(tenant.domain, await tenant.idToken({ iss: tenant.origin }), expected, opts),
      'iss',
    );
    await expectCheck(
      validateIdToken(
        tenant.domain,
        await tenant.idToken({ iss: 'https://evil.example.com/' }),
        expected,
        opts,
      ),
      'iss',
    );
    const other = await tenant.idToken({ iss: 'http://localhost:3000/' });
    await expect(
      validateIdToken(tenant.domain, other, expected, {
        ...opts,
        issuer: 'http://localhost:3000/',
      }),
    ).resolves.toMatchObject({ iss: 'http://localhost:3000/' });
  });

  it('requires a sub', async () => {
    const tenant = await fakeTenant();
    await expectCheck(
      validateIdToken(tenant.domain, await tenant.idToken({ sub: undefined }), expected, {
        fetch: tenant.fetch,
      }),
      'sub',
    );
  });

  it('checks aud, and azp when there are several audiences or an azp', async () => {
    const tenant = await fakeTenant();
    const check = async (claims: Record<string, unknown>) =>
      validateIdToken(tenant.domain, await tenant.idToken(claims), expected, {
        fetch: tenant.fetch,
      });
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
    const opts = { fetch: tenant.fetch };
    const recent = await tenant.idToken({ exp: now - 30 });
    await expect(validateIdToken(tenant.domain, recent, expected, opts)).resolves.toBeTruthy();
    await expectCheck(
      validateIdToken(tenant.domain, recent, expected, { ...opts, leeway: 0 }),
      'exp',
    );
    const old = await tenant.idToken({ exp: now - 120 });
    await expectCheck(validateIdToken(tenant.domain, old, expected, opts), 'exp');
    await expect(
      validateIdToken(tenant.domain, old, expected, { ...opts, leeway: 300 }),
    ).resolves.toBeTruthy();
    await expectCheck(
      validateIdToken(tenant.domain, await tenant.idToken({ exp: undefined }), expected, opts),
      'exp',
    );
  });

  it('rejects an iat or nbf in the future beyond the leeway', async () => {
    const tenant = await fakeTenant();
    const now = Math.floor(Date.now() / 1000);
    const opts = { fetch: tenant.fetch };
    await expectCheck(
      validateIdToken(tenant.domain, await tenant.idToken({ iat: now + 120 }), expected, opts),
      'iat',
    );
    await expectCheck(
      validateIdToken(tenant.domain, await tenant.idToken({ iat: 'yesterday' }), expected, opts),
      'iat',
    );
    await expectCheck(
      validateIdToken(tenant.domain, await tenant.idToken({ nbf: now + 120 }), expected, opts),
      'nbf',
    );
    await expect(
      validateIdToken(tenant.domain, await tenant.idToken({ nbf: now + 30 }), expected, opts),
    ).resolves.toBeTruthy();
  });

  it('uses the current time (a token read later has expired)', async () => {
    const tenant = await fakeTenant();
    const token = await tenant.idToken();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 36_100_000);
    await expectCheck(
      validateIdToken(tenant.domain, token, expected, { fetch: tenant.fetch }),
      'exp',
    );
  });

  it('checks the nonce when one is expected', async () => {
    const tenant = await fakeTenant();
    const opts = { fetch: tenant.fetch };
    await expectCheck(
      validateIdToken(
        tenant.domain,
        await tenant.idToken({ nonce: 'n2' }),
        { ...expected, nonce: 'n1' },
        opts,
      ),
      'nonce',
    );
    await expectCheck(
      validateIdToken(tenant.domain, await tenant.idToken(), { ...expected, nonce: 'n1' }, opts),
      'nonce',
    );
  });

  it('checks at_hash against the access token', async () => {
    const tenant = await fakeTenant();
    const opts = { fetch: tenant.fetch };
    const token = await tenant.idToken({ at_hash: await atHash('at-1') });
    await expect(
      validateIdToken(tenant.domain, token, { ...expected, accessToken: 'at-1' }, opts),
    ).resolves.toBeTruthy();
    await expectCheck(
      validateIdToken(tenant.domain, token, { ...expected, accessToken: 'at-2' }, opts),
      'at_hash',
    );
  });

  it('checks auth_time against maxAge when asked', async () => {
    const tenant = await fakeTenant();
    const now = Math.floor(Date.now() / 1000);
    const opts = { fetch: tenant.fetch };
    const fresh = await tenant.idToken({ auth_time: now - 100 });
    await expect(
      validateIdToken(tenant.domain, fresh, { ...expected, maxAge: 300 }, opts),
    ).resolves.toBeTruthy();
    await expectCheck(
      validateIdToken(tenant.domain, fresh, { ...expected, maxAge: 10 }, opts),
      'auth_time',
    );
    await expectCheck(
      validateIdToken(tenant.domain, await tenant.idToken(), { ...expected, maxAge: 300 }, opts),
      'auth_time',
    );
    await expect(
      validateIdToken(tenant.domain, await tenant.idToken(), expected, opts),
    ).resolves.toBeTruthy();
  });

  it('rejects a leeway outside 0–300 s with a coded TypeError', async () => {
    const tenant = await fakeTenant();
    const token = await tenant.idToken();
    for (const leeway of [-1, 301, Number.NaN]) {
      await expect(
        validateIdToken(tenant.domain, token, expected, { fetch: tenant.fetch, leeway }),
      ).rejects.toMatchObject({ name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE' });
    }
    expect(tenant.calls).toHaveLength(0);
  });

  it('passes a JWKS failure on as a ServerError, and tries again next time', async () => {
    const tenant = await fakeTenant();
    const token = await tenant.idToken();
    let down = true;
    const fetch: typeof tenant.fetch = (input, init) =>
      down ? Promise.resolve(new Response('oops', { status: 500 })) : tenant.fetch(input, init);
    await expect(validateIdToken(tenant.domain, token, expected, { fetch })).rejects.toMatchObject({
      name: 'ServerError',
      status: 500,
    });
    down = false;
    await expect(validateIdToken(tenant.domain, token, expected, { fetch })).resolves.toBeTruthy();
  });
});
