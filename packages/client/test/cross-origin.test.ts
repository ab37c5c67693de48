import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PASSWORDLESS_OTP_GRANT,
  ServerError,
  TokenValidationError,
  TransactionError,
  parseCallback,
  passwordlessLogin,
} from '../src/index.js';
import { authorizationResponse, fakeBrowser } from './fake-browser.js';
import { json } from './fake-fetch.js';
import { atHash, codeChallenge, fakeTenant } from './tenant.js';

const params = {
  clientId: 'demo',
  email: 'ada@example.com',
  code: '123456',
  transport: 'cross-origin' as const,
};

/**
 * A tenant whose /co/authenticate gives a ticket. Its /authorize page (`codePage`) answers with a
 * code that /oauth/token exchanges; `implicitPage` answers with tokens instead (for the login's
 * nonce, with `at_hash` of `at-1`, and `claims` on top).
 */
async function crossOriginTenant() {
  const authorized: URL[] = [];
  const tenant = await fakeTenant({
    'POST /co/authenticate': () =>
      json(200, { login_ticket: 'lt-1', co_verifier: 'v', co_id: 'c' }),
    'POST /oauth/token': async (call) => {
      const body = call.body as Record<string, string>;
      const request = authorized.at(-1)!.searchParams;
      if (
        body.code !== 'code-1' ||
        (await codeChallenge(body.code_verifier ?? '')) !== request.get('code_challenge')
      ) {
        return json(403, {
          error: 'invalid_grant',
          error_description: 'Invalid authorization code',
        });
      }
      return json(200, {
        access_token: 'at-1',
        id_token: await tenant.idToken({
          nonce: request.get('nonce'),
          at_hash: await atHash('at-1'),
        }),
        token_type: 'Bearer',
        expires_in: 86400,
        scope: 'openid profile email',
      });
    },
  });
  const codePage = (url: URL) => {
    authorized.push(url);
    return authorizationResponse({ code: 'code-1', state: url.searchParams.get('state') });
  };
  const implicitPage =
    (accessToken: string, claims: Record<string, unknown> = {}) =>
    async (url: URL) => {
      authorized.push(url);
      return authorizationResponse({
        access_token: accessToken,
        id_token: await tenant.idToken({
          nonce: url.searchParams.get('nonce'),
          at_hash: await atHash('at-1'),
          ...claims,
        }),
        token_type: 'Bearer',
        expires_in: '7200',
        state: url.searchParams.get('state'),
      });
    };
  return { tenant, authorized, codePage, implicitPage };
}

const implicit = { ...params, responseType: 'token id_token' as const };

describe('passwordlessLogin with the cross-origin transport', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('gets a login ticket, runs /authorize in a hidden iframe, and exchanges the code with PKCE', async () => {
    const { tenant, authorized, codePage } = await crossOriginTenant();
    const browser = fakeBrowser(tenant.origin, codePage);
    const result = await passwordlessLogin(
      tenant.domain,
      { ...params, audience: 'https://api.example.com' },
      { fetch: tenant.fetch },
    );

    const [authenticate, exchange] = tenant.calls.filter((call) => call.method === 'POST');
    expect(authenticate?.url).toBe(`${tenant.origin}/co/authenticate`);
    expect(authenticate?.body).toEqual({
      client_id: 'demo',
      username: 'ada@example.com',
      otp: '123456',
      realm: 'email',
      credential_type: PASSWORDLESS_OTP_GRANT,
    });

    const url = authorized[0]!;
    expect(url.origin + url.pathname).toBe(`${tenant.origin}/authorize`);
    const query = Object.fromEntries(url.searchParams);
    expect(query).toMatchObject({
      client_id: 'demo',
      response_type: 'code',
      response_mode: 'web_message',
      redirect_uri: 'https://app.example.com',
      scope: 'openid profile email',
      audience: 'https://api.example.com',
      login_ticket: 'lt-1',
      code_challenge_method: 'S256',
    });
    for (const name of ['state', 'nonce', 'code_challenge']) {
      expect(query[name]).toMatch(/^[\w-]{43}$/);
    }
    expect(exchange?.body).toMatchObject({
      grant_type: 'authorization_code',
      client_id: 'demo',
      code: 'code-1',
      redirect_uri: 'https://app.example.com',
    });

    expect(result).toMatchObject({
      accessToken: 'at-1',
      tokenType: 'Bearer',
      expiresIn: 86400,
      state: query.state,
      idTokenPayload: { nonce: query.nonce, email: 'ada@example.com' },
    });
    expect(browser.frames).toHaveLength(1);
    expect(browser.frames[0]).toMatchObject({ hidden: true, removed: true });
    // The transaction was used up.
    expect(browser.storage.size).toBe(0);
    expect(browser.location.assign).not.toHaveBeenCalled();
  });

  it('ignores messages from another origin, another window or for another state', async () => {
    const { tenant, codePage } = await crossOriginTenant();
    const browser = fakeBrowser(tenant.origin, (url) => {
      const state = url.searchParams.get('state');
      const frame = browser.frames[0]!;
      browser.post(
        authorizationResponse({ code: 'x', state }),
        'https://evil.example.com',
        frame.contentWindow,
      );
      browser.post(authorizationResponse({ code: 'x', state }), tenant.origin, {});
      browser.post(
        authorizationResponse({ code: 'x', state: 'other' }),
        tenant.origin,
        frame.contentWindow,
      );
      browser.post({ type: 'other', response: { state } }, tenant.origin, frame.contentWindow);
      return codePage(url);
    });
    await expect(
      passwordlessLogin(tenant.domain, params, { fetch: tenant.fetch }),
    ).resolves.toMatchObject({
      accessToken: 'at-1',
    });
  });

  it('rejects an id_token for another nonce', async () => {
    const { tenant, implicitPage } = await crossOriginTenant();
    fakeBrowser(tenant.origin, implicitPage('at-1', { nonce: 'not-ours' }));
    const error = await passwordlessLogin(tenant.domain, implicit, { fetch: tenant.fetch }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TokenValidationError);
    expect(error).toMatchObject({ check: 'nonce' });
  });

  it('rejects an implicit id_token whose at_hash does not match the access token', async () => {
    const { tenant, implicitPage } = await crossOriginTenant();
    const browser = fakeBrowser(tenant.origin, implicitPage('at-swapped'));
    await expect(
      passwordlessLogin(tenant.domain, implicit, { fetch: tenant.fetch }),
    ).rejects.toMatchObject({ check: 'at_hash' });
    expect(browser.storage.size).toBe(0);
  });

  it('takes implicit tokens from the web message, checking nonce and at_hash', async () => {
    const { tenant, authorized, implicitPage } = await crossOriginTenant();
    const page = implicitPage('at-1');
    let idToken: unknown;
    fakeBrowser(tenant.origin, async (url) => {
      const answer = await page(url);
      idToken = answer.response.id_token;
      return answer;
    });
    const result = await passwordlessLogin(tenant.domain, implicit, { fetch: tenant.fetch });
    expect(authorized[0]?.searchParams.get('response_type')).toBe('token id_token');
    expect(authorized[0]?.searchParams.has('code_challenge')).toBe(false);
    expect(result).toMatchObject({ accessToken: 'at-1', idToken, expiresIn: 7200 });
    expect(tenant.calls.map((call) => call.url)).not.toContain(`${tenant.origin}/oauth/token`);
  });

  it('rejects an error answer as a ServerError with status 0', async () => {
    const { tenant } = await crossOriginTenant();
    fakeBrowser(tenant.origin, (url) =>
      authorizationResponse({
        error: 'access_denied',
        error_description: 'Blocked by a rule',
        state: url.searchParams.get('state'),
      }),
    );
    const error = await passwordlessLogin(tenant.domain, params, { fetch: tenant.fetch }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 0, error: 'access_denied', messageKey: 'server' });
  });

  it('falls back to a full redirect when the iframe never answers, and parseCallback finishes', async () => {
    const { tenant, authorized, codePage } = await crossOriginTenant();
    const browser = fakeBrowser(tenant.origin, () => 'no load');
    const redirect = vi.fn<(url: string) => void>();
    const pending = passwordlessLogin(tenant.domain, params, {
      fetch: tenant.fetch,
      timeout: 50,
      redirect,
    });
    await vi.waitFor(() => expect(redirect).toHaveBeenCalledOnce());
    const url = new URL(redirect.mock.calls[0]![0]);
    expect(url.pathname).toBe('/authorize');
    expect(url.searchParams.has('response_mode')).toBe(false);
    expect(url.searchParams.get('login_ticket')).toBe('lt-1');
    expect(browser.frames[0]?.removed).toBe(true);
    // The transaction waits in sessionStorage for the page the redirect comes back to.
    expect(browser.storage.size).toBe(1);
    let settled = false;
    void pending.finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);

    // The tenant redirects back to redirect_uri with a code; the callback page parses it.
    const { response } = codePage(url);
    expect(authorized).toHaveLength(1);
    const result = await parseCallback(
      tenant.domain,
      `https://app.example.com/?code=${String(response.code)}&state=${String(response.state)}`,
      { fetch: tenant.fetch },
    );
    expect(result).toMatchObject({ accessToken: 'at-1', state: response.state });
  });

  it('falls back a second after the iframe loaded without answering, long before the timeout', async () => {
    const { tenant } = await crossOriginTenant();
    const browser = fakeBrowser(tenant.origin, () => undefined);
    const started = Date.now();
    void passwordlessLogin(tenant.domain, params, { fetch: tenant.fetch });
    // The upper bound: waitFor gives up after 3 s, long before the 15 s request timeout.
    await vi.waitFor(() => expect(browser.location.assign).toHaveBeenCalledOnce(), {
      timeout: 3000,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(browser.frames[0]?.removed).toBe(true);
  });

  it('falls back to location.assign when the iframe answers login_required', async () => {
    const { tenant } = await crossOriginTenant();
    const browser = fakeBrowser(tenant.origin, (url) =>
      authorizationResponse({ error: 'login_required', state: url.searchParams.get('state') }),
    );
    void passwordlessLogin(tenant.domain, params, { fetch: tenant.fetch });
    await vi.waitFor(() => expect(browser.location.assign).toHaveBeenCalledOnce());
    expect(String(browser.location.assign.mock.calls[0]![0])).toContain(
      `${tenant.origin}/authorize?`,
    );
  });

  it('rejects a refused origin at /co/authenticate with origin_not_allowed, before any iframe', async () => {
    const tenant = await fakeTenant({
      'POST /co/authenticate': () =>
        json(403, {
          error: 'access_denied',
          error_description: 'Origin https://app.example.com is not allowed.',
        }),
    });
    const browser = fakeBrowser(tenant.origin, () => undefined);
    await expect(
      passwordlessLogin(tenant.domain, params, { fetch: tenant.fetch }),
    ).rejects.toMatchObject({
      status: 403,
      messageKey: 'origin_not_allowed',
    });
    expect(browser.frames).toHaveLength(0);
  });

  it('rejects a wrong code at /co/authenticate with wrong_code, and never retries it', async () => {
    const tenant = await fakeTenant({
      'POST /co/authenticate': () =>
        json(403, {
          error: 'invalid_grant',
          error_description: 'Wrong email or verification code.',
        }),
    });
    fakeBrowser(tenant.origin, () => undefined);
    await expect(
      passwordlessLogin(tenant.domain, params, { fetch: tenant.fetch }),
    ).rejects.toMatchObject({
      messageKey: 'wrong_code',
    });
    expect(tenant.calls).toHaveLength(1);
  });

  it('aborts while waiting for the iframe: rejects with the reason and removes the iframe', async () => {
    const { tenant } = await crossOriginTenant();
    const browser = fakeBrowser(tenant.origin, () => undefined);
    const controller = new AbortController();
    const pending = passwordlessLogin(tenant.domain, params, {
      fetch: tenant.fetch,
      signal: controller.signal,
    });
    await vi.waitFor(() => expect(browser.frames).toHaveLength(1));
    controller.abort(new Error('closed'));
    await expect(pending).rejects.toThrow('closed');
    expect(browser.frames[0]?.removed).toBe(true);
    expect(browser.storage.size).toBe(0);
    expect(browser.location.assign).not.toHaveBeenCalled();
  });

  it('refuses to run without a browser page, and bad transports or response types', async () => {
    await expect(
      passwordlessLogin('auth.example.com', params, { fetch: () => Promise.reject(new Error()) }),
    ).rejects.toMatchObject({ name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE' });
    for (const bad of [{ transport: 'popup' }, { responseType: 'id_token' }]) {
      await expect(
        passwordlessLogin('auth.example.com', { ...params, ...bad } as typeof params),
      ).rejects.toMatchObject({ code: 'ERR_INVALID_ARG_VALUE' });
    }
  });

  it('throws a TransactionError for an answer whose state was never stored', async () => {
    fakeBrowser('https://auth.example.com', () => undefined);
    await expect(
      parseCallback('auth.example.com', 'https://app.example.com/?code=c&state=unknown'),
    ).rejects.toBeInstanceOf(TransactionError);
  });
});
