import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ServerError,
  TokenValidationError,
  TransactionError,
  parseCallback,
  passwordlessStart,
  type PasswordlessStartParams,
  type TransactionOptions,
} from '../src/index.js';
import { json } from './fake-fetch.js';
import { mapStorage, webStorage } from './map-storage.js';
import { atHash, codeChallenge, fakeTenant } from './tenant.js';

const callback = 'https://app.example.com/callback';

/** Mails ada a magic link to the callback through the tenant, with `params` on top. */
function sendLink(
  tenant: { domain: string; fetch: typeof fetch },
  options: TransactionOptions = {},
  params: Partial<PasswordlessStartParams> = {},
) {
  return passwordlessStart(
    tenant.domain,
    { clientId: 'demo', email: 'ada@example.com', send: 'link', redirectUri: callback, ...params },
    { fetch: tenant.fetch, ...options },
  );
}

/** A tenant that mails magic links: start records authParams; /oauth/token exchanges 'code-1'. */
async function magicLinkTenant() {
  let authParams: Record<string, string> = {};
  const tenant = await fakeTenant({
    'POST /passwordless/start': (call) => {
      authParams = (call.body as { authParams: Record<string, string> }).authParams;
      return json(200, { _id: 'r1', email: 'ada@example.com' });
    },
    'POST /oauth/token': async (call) => {
      const body = call.body as Record<string, string>;
      const challenge = await codeChallenge(body.code_verifier ?? '');
      if (body.code !== 'code-1' || challenge !== authParams.code_challenge) {
        return json(403, {
          error: 'invalid_grant',
          error_description: 'Invalid authorization code',
        });
      }
      return json(200, {
        access_token: 'at-1',
        id_token: await tenant.idToken({ nonce: authParams.nonce }),
        token_type: 'Bearer',
        expires_in: 86400,
      });
    },
  });
  return { tenant, authParams: () => authParams };
}

describe('magic link: passwordlessStart with redirectUri, then parseCallback', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('uses sessionStorage by default, and memory when sessionStorage refuses to store', async () => {
    const { tenant } = await magicLinkTenant();
    const session = mapStorage();
    vi.stubGlobal('sessionStorage', session);
    const start = () => sendLink(tenant);
    await start();
    expect(session.map.size).toBe(1);

    vi.stubGlobal('sessionStorage', {
      ...session,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    });
    const { state } = await start();
    expect(session.map.size).toBe(1);
    await expect(
      parseCallback(tenant.domain, `${callback}?code=code-1&state=${state}`, {
        fetch: tenant.fetch,
      }),
    ).resolves.toMatchObject({ accessToken: 'at-1', state });
  });

  it('stores a transaction and sends its state, nonce and PKCE challenge in authParams', async () => {
    const { tenant, authParams } = await magicLinkTenant();
    const storage = mapStorage();
    const result = await sendLink(tenant, { storage }, { authParams: { ui_locales: 'fr' } });
    expect(authParams()).toMatchObject({
      client_id: 'demo',
      redirect_uri: callback,
      response_type: 'code',
      scope: 'openid profile email',
      ui_locales: 'fr',
      state: result.state,
      code_challenge_method: 'S256',
    });
    expect(authParams().nonce).toMatch(/^[\w-]{43}$/);
    expect(authParams().code_challenge).toMatch(/^[\w-]{43}$/);
    expect(storage.map.size).toBe(1);
    // The verifier never leaves the browser.
    expect(JSON.stringify(tenant.calls)).not.toContain(
      JSON.parse([...storage.map.values()][0]!).codeVerifier,
    );
  });

  it('creates no transaction for a code, or for a link without redirectUri', async () => {
    const { tenant } = await magicLinkTenant();
    const storage = mapStorage();
    // A code even with redirectUri, and a link without one.
    for (const params of [{ send: 'code' }, { redirectUri: undefined }] as const) {
      const result = await sendLink(tenant, { storage }, params);
      expect(result.state).toBeUndefined();
    }
    expect(storage.map.size).toBe(0);
  });

  it('exchanges the code from the query with the PKCE verifier, validates, and forgets the state', async () => {
    const { tenant, authParams } = await magicLinkTenant();
    const storage = mapStorage();
    const options = { fetch: tenant.fetch, storage };
    const { state } = await sendLink(tenant, options);
    const url = `${callback}?code=code-1&state=${state}`;
    const result = await parseCallback(tenant.domain, url, options);
    expect(result).toMatchObject({
      accessToken: 'at-1',
      state,
      idTokenPayload: { nonce: authParams().nonce, email: 'ada@example.com' },
    });
    expect(tenant.calls.find((call) => call.url.endsWith('/oauth/token'))?.body).toMatchObject({
      grant_type: 'authorization_code',
      client_id: 'demo',
      code: 'code-1',
      redirect_uri: callback,
    });
    expect(storage.map.size).toBe(0);
    // A replay of the same link finds no transaction.
    await expect(parseCallback(tenant.domain, url, options)).rejects.toBeInstanceOf(
      TransactionError,
    );
  });

  it('reads implicit tokens from the fragment and checks at_hash', async () => {
    const { tenant, authParams } = await magicLinkTenant();
    const storage = mapStorage();
    const options = { fetch: tenant.fetch, storage };
    const start = () => sendLink(tenant, options, { responseType: 'token id_token' });
    let { state } = await start();
    expect(authParams()).not.toHaveProperty('code_challenge');
    const fragment = async (accessToken: string) =>
      new URLSearchParams({
        access_token: accessToken,
        id_token: await tenant.idToken({
          nonce: authParams().nonce,
          at_hash: await atHash('at-1'),
        }),
        token_type: 'Bearer',
        expires_in: '7200',
        state: state!,
      });
    await expect(
      parseCallback(tenant.domain, `${callback}#${await fragment('at-1')}`, options),
    ).resolves.toMatchObject({ accessToken: 'at-1', expiresIn: 7200, tokenType: 'Bearer' });

    ({ state } = await start());
    const error = await parseCallback(
      tenant.domain,
      `${callback}#${await fragment('at-other')}`,
      options,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenValidationError);
    expect(error).toMatchObject({ check: 'at_hash', messageKey: 'invalid_token' });
    expect(storage.map.size).toBe(0);
  });

  it('rejects a tampered token and a token for another nonce', async () => {
    const { tenant, authParams } = await magicLinkTenant();
    const storage = mapStorage();
    const options = { fetch: tenant.fetch, storage };
    for (const [claims, check] of [
      [{ nonce: 'replayed' }, 'nonce'],
      [{ aud: 'someone-else' }, 'aud'],
    ] as const) {
      const { state } = await sendLink(tenant, options, { responseType: 'token id_token' });
      const idToken = await tenant.idToken(Object.assign({ nonce: authParams().nonce }, claims));
      const answer = new URLSearchParams({ access_token: 'at', id_token: idToken, state: state! });
      await expect(
        parseCallback(tenant.domain, `${callback}#${answer}`, options),
      ).rejects.toMatchObject({
        check,
      });
    }
  });

  it('turns an error answer into a ServerError and removes the transaction', async () => {
    const { tenant } = await magicLinkTenant();
    const storage = mapStorage();
    const options = { fetch: tenant.fetch, storage };
    const { state } = await sendLink(tenant, options);
    const url = `${callback}?error=access_denied&error_description=The+link+has+expired&state=${state}`;
    const error = await parseCallback(tenant.domain, url, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({
      status: 0,
      error: 'access_denied',
      error_description: 'The link has expired',
    });
    expect(storage.map.size).toBe(0);
  });

  it('passes on a failed code exchange (an expired link) with its message key', async () => {
    const tenant = await fakeTenant({
      'POST /passwordless/start': () => json(200, { _id: 'r', email: 'ada@example.com' }),
      'POST /oauth/token': () =>
        json(403, {
          error: 'invalid_grant',
          error_description: 'The verification code has expired.',
        }),
    });
    const options = { fetch: tenant.fetch, storage: mapStorage() };
    const { state } = await sendLink(tenant, options);
    await expect(
      parseCallback(tenant.domain, `${callback}?code=old&state=${state}`, options),
    ).rejects.toMatchObject({ status: 403, messageKey: 'code_expired' });
  });

  it('resolves null for an address with no login answer, and rejects a missing state', async () => {
    await expect(
      parseCallback('auth.example.com', 'https://app.example.com/?page=2#top'),
    ).resolves.toBeNull();
    await expect(
      parseCallback('auth.example.com', 'https://app.example.com/#access_token=x'),
    ).rejects.toMatchObject({
      name: 'TransactionError',
      code: 'transaction_error',
      messageKey: 'invalid_state',
    });
  });

  it('rejects bad arguments with a coded TypeError', async () => {
    await expect(
      passwordlessStart('auth.example.com', {
        clientId: 'demo',
        email: 'ada@example.com',
        send: 'link',
        redirectUri: '',
      }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARG_VALUE' });
    await expect(parseCallback('auth.example.com', '/callback?code=x')).rejects.toMatchObject({
      code: 'ERR_INVALID_ARG_VALUE',
    });
    await expect(
      parseCallback('ftp://auth.example.com', 'https://a.example/?code=x'),
    ).rejects.toMatchObject({
      code: 'ERR_INVALID_ARG_VALUE',
    });
  });

  it('keeps transactions in memory when there is no sessionStorage (Node)', async () => {
    const { tenant } = await magicLinkTenant();
    const { state } = await sendLink(tenant);
    await expect(
      parseCallback(tenant.domain, `${callback}?code=code-1&state=${state}`, {
        fetch: tenant.fetch,
      }),
    ).resolves.toMatchObject({ accessToken: 'at-1' });
  });
});

describe('magic link: a state and nonce given in authParams', () => {
  it('sends, stores and checks them, and resolves with the given state', async () => {
    const { tenant, authParams } = await magicLinkTenant();
    const storage = mapStorage();
    const options = { fetch: tenant.fetch, storage };
    const started = await sendLink(tenant, options, {
      authParams: { state: 'cart-42', nonce: 'nonce-of-the-app' },
    });
    expect(started.state).toBe('cart-42');
    expect(authParams()).toMatchObject({ state: 'cart-42', nonce: 'nonce-of-the-app' });
    expect(JSON.parse(storage.map.get('pl.tx.cart-42')!)).toMatchObject({
      state: 'cart-42',
      nonce: 'nonce-of-the-app',
    });

    // An answer for another state is refused and leaves the transaction alone.
    await expect(
      parseCallback(tenant.domain, `${callback}?code=code-1&state=cart-43`, options),
    ).rejects.toMatchObject({ name: 'TransactionError', messageKey: 'invalid_state' });
    expect(storage.map.has('pl.tx.cart-42')).toBe(true);

    await expect(
      parseCallback(tenant.domain, `${callback}?code=code-1&state=cart-42`, options),
    ).resolves.toMatchObject({
      state: 'cart-42',
      idTokenPayload: { nonce: 'nonce-of-the-app' },
    });
  });
});

describe('magic link: transactions expire', () => {
  const day = 86_400_000;
  const start = new Date('2030-01-01T00:00:00Z').getTime();

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start);
  });
  afterEach(() => vi.useRealTimers());

  it('outlives the longest magic link, then refuses the answer as invalid_state', async () => {
    const { tenant } = await magicLinkTenant();
    const storage = mapStorage();
    const options = { fetch: tenant.fetch, storage };
    const first = await sendLink(tenant, { storage });
    // The server's links live a day at most (connections.email.otp.lifetime_s ≤ 86400).
    vi.setSystemTime(start + day);
    await expect(
      parseCallback(tenant.domain, `${callback}?code=code-1&state=${first.state}`, options),
    ).resolves.toMatchObject({ state: first.state });

    const second = await sendLink(tenant, { storage });
    vi.setSystemTime(start + 3 * day + 1);
    const error = await parseCallback(
      tenant.domain,
      `${callback}?code=code-1&state=${second.state}`,
      options,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionError);
    expect(error).toMatchObject({ messageKey: 'invalid_state' });
    expect((error as Error).message).toContain('expired');
    // Refused before any request: no code was spent.
    expect(tenant.calls.filter((call) => call.url.endsWith('/oauth/token'))).toHaveLength(1);
    expect(storage.map.size).toBe(0);
  });

  it('drops the expired transactions of unclicked links when one is stored or read', async () => {
    const { tenant } = await magicLinkTenant();
    const storage = webStorage();
    storage.setItem('other-app', 'kept');
    storage.setItem('pl.tx.damaged', '{');
    const unclicked = await sendLink(tenant, { storage });
    vi.setSystemTime(start + 2 * day - 1);
    const recent = await sendLink(tenant, { storage });
    // Stored alongside: nothing has expired yet, but the damaged entry is gone.
    expect([...storage.map.keys()].sort()).toEqual(
      ['other-app', `pl.tx.${unclicked.state}`, `pl.tx.${recent.state}`].sort(),
    );

    vi.setSystemTime(start + 2 * day + 1);
    const newest = await sendLink(tenant, { storage });
    expect([...storage.map.keys()].sort()).toEqual(
      ['other-app', `pl.tx.${recent.state}`, `pl.tx.${newest.state}`].sort(),
    );

    vi.setSystemTime(start + 4 * day + 2);
    // Reading one (here an answer for a state that was never stored) drops the expired rest.
    await expect(
      parseCallback(tenant.domain, `${callback}?code=code-1&state=unknown`, {
        fetch: tenant.fetch,
        storage,
      }),
    ).rejects.toBeInstanceOf(TransactionError);
    expect([...storage.map.keys()]).toEqual(['other-app']);
  });
});
