import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LockPasswordless, type AuthResult, type SessionError } from '../src/index.js';
import { expectAccessible, logIn, page } from './helpers.js';
import { CODE, claims, idToken, json, stubServer, type RecordedRequest } from './server-stub.js';

/** Where the widget keeps the session of client `demo` at the stub server. */
const KEY = 'passwordless-lock:session:demo:http://localhost:3000';
const DOMAIN = 'http://localhost:3000';

/**
 * The stub server with rotation and reuse detection, as the real one: each refresh token works
 * once; presenting a spent one revokes the family (the newest token too). Refreshes take a while,
 * so concurrent ones really overlap.
 */
function sessionServer() {
  let next = 1;
  const live = new Set<string>();
  const spent = new Set<string>();
  const issue = () => {
    const token = `rt-${next++}`;
    live.add(token);
    return token;
  };
  const invalidGrant = () =>
    json(403, { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
  const tokens = (refreshToken: string | undefined, n: number) =>
    json(200, {
      access_token: `at-${n}`,
      id_token: idToken,
      token_type: 'Bearer',
      expires_in: 86400,
      scope: 'openid profile email offline_access',
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
    });
  const server = stubServer({
    '/passwordless/start': ({ body }) => json(200, { _id: 'req_1', email: body.email }),
    '/oauth/token': async ({ body }) => {
      if (body.grant_type !== 'refresh_token') {
        if (body.otp !== CODE) return invalidGrant();
        const offline = String(body.scope).split(' ').includes('offline_access');
        return tokens(offline ? issue() : undefined, 1);
      }
      await aTimeout(50);
      const presented = String(body.refresh_token);
      if (spent.has(presented)) {
        live.clear(); // reuse: the whole family dies
        return invalidGrant();
      }
      if (!live.delete(presented)) return invalidGrant();
      spent.add(presented);
      const rotated = issue();
      return tokens(rotated, next - 1);
    },
    '/oauth/revoke': ({ body }) => {
      live.clear();
      spent.add(String(body.token));
      return new Response(null, { status: 200 });
    },
  });
  const refreshes = () => server.requests.filter(isRefresh);
  return { ...server, issue, live, refreshes };
}

const isRefresh = (r: RecordedRequest) =>
  r.url.endsWith('/oauth/token') && r.body.grant_type === 'refresh_token';

/** Puts a kept session in localStorage, as a login in an earlier page load left it. */
function keepSession(refreshToken: string, secondsLeft: number) {
  localStorage.setItem(
    KEY,
    JSON.stringify({
      accessToken: 'at-kept',
      idToken,
      idTokenPayload: claims,
      tokenType: 'Bearer',
      scope: 'openid profile email offline_access',
      expiresAt: Date.now() + secondsLeft * 1000,
      refreshToken,
    }),
  );
}

const kept = () =>
  JSON.parse(localStorage.getItem(KEY) ?? 'null') as { refreshToken: string } | null;

let server: ReturnType<typeof sessionServer>;
const locks: LockPasswordless[] = [];

/** A `LockPasswordless` keeping its session in localStorage, as another tab would have it. */
function tab(options = {}) {
  const lock = new LockPasswordless('demo', DOMAIN, {
    useRefreshTokens: true,
    cacheLocation: 'localstorage',
    ...options,
  });
  locks.push(lock);
  return lock;
}

beforeEach(() => {
  localStorage.clear();
  server = sessionServer();
});

afterEach(() => {
  for (const lock of locks.splice(0)) lock.destroy();
  server.restore();
});

describe('sessions (useRefreshTokens)', () => {
  it('a login asks for offline_access and keeps its tokens under the client and domain key only', async () => {
    const { lock } = await page('use-refresh-tokens cache-location="localstorage"');
    const result = await logIn(lock);
    expect(server.requests.find((r) => r.body.otp)?.body.scope).to.equal(
      'openid profile email offline_access',
    );
    expect(result.refreshToken).to.equal('rt-1');
    expect(result.silent).to.equal(undefined);
    await waitUntil(() => kept(), 'the session was not kept');
    expect(kept()).to.include({ refreshToken: 'rt-1', accessToken: 'at-1' });
    // Nowhere else: not under another key, not in sessionStorage.
    const others = Object.keys(localStorage).filter((key) => key !== KEY);
    for (const key of others) expect(localStorage.getItem(key)).not.to.match(/rt-1|at-1/);
    expect(sessionStorage.length).to.equal(0);
  });

  it('without useRefreshTokens, a login neither asks for offline_access nor keeps anything', async () => {
    const { lock } = await page('cache-location="localstorage"');
    const result = await logIn(lock);
    expect(server.requests.find((r) => r.body.otp)?.body.scope).to.equal('openid profile email');
    expect(result.refreshToken).to.equal(undefined);
    await aTimeout(50);
    expect(kept()).to.equal(null);
  });

  it('restore-session fires authenticated silently with a kept session, and is accessible', async () => {
    keepSession(server.issue(), 3600);
    const restored = fixture(html`<div></div>`).then((root) => {
      const lock = document.createElement('passwordless-lock');
      Object.assign(lock, { clientId: 'demo', domain: DOMAIN });
      for (const name of ['use-refresh-tokens', 'restore-session']) lock.setAttribute(name, '');
      lock.setAttribute('cache-location', 'localstorage');
      const authenticated = oneEvent(lock, 'authenticated');
      root.append(lock);
      return Promise.all([lock, authenticated]);
    });
    const [lock, event] = await restored;
    expect(event.detail).to.include({ accessToken: 'at-kept', silent: true });
    expect(event.detail.idTokenPayload).to.deep.equal(claims);
    expect(event.detail.refreshToken, 'the refresh token stays in the cache').to.equal(undefined);
    expect(event.detail.expiresIn).to.be.within(3590, 3600);
    expect(server.requests, 'a fresh token needs no request').to.have.length(0);
    expect(lock.open).to.equal(false);
    await expectAccessible(lock);
  });

  it('restore-session refreshes a token near expiry first, and fires nothing without a session', async () => {
    keepSession(server.issue(), 30);
    const { lock } = await page('use-refresh-tokens restore-session cache-location="localstorage"');
    // The event may have fired before `page` resolved: read the outcome from the cache and server.
    await waitUntil(() => kept()?.refreshToken === 'rt-2', 'the session was not refreshed');
    expect(server.refreshes()).to.have.length(1);
    expect(server.refreshes()[0]!.body).to.deep.equal({
      grant_type: 'refresh_token',
      client_id: 'demo',
      refresh_token: 'rt-1',
    });
    lock.remove();

    localStorage.clear();
    let fired = 0;
    const root = await fixture(html`<div></div>`);
    const empty = document.createElement('passwordless-lock');
    empty.addEventListener('authenticated', () => fired++);
    Object.assign(empty, { clientId: 'demo', domain: DOMAIN, cacheLocation: 'localstorage' });
    Object.assign(empty, { useRefreshTokens: true, restoreSession: true });
    root.append(empty);
    await aTimeout(100);
    expect(fired).to.equal(0);
    expect(server.refreshes()).to.have.length(1);
  });

  it('checkSession answers login_required when there is no session, by callback and by promise', async () => {
    const lock = tab();
    const [error, result] = await new Promise<[SessionError | null, AuthResult | undefined]>(
      (resolve) => void lock.checkSession({}, (e, r) => resolve([e, r])),
    );
    expect(result).to.equal(undefined);
    expect(error).to.include({ error: 'login_required', errorDescription: 'Login required' });
    const rejected = await lock.checkSession().catch((e: SessionError) => e);
    expect(rejected).to.be.instanceOf(Error);
    expect(rejected).to.include({ error: 'login_required' });
    expect(await lock.getTokenSilently().catch((e: SessionError) => e.error)).to.equal(
      'login_required',
    );
    expect(server.requests).to.have.length(0);
  });

  it('checkSession gives the kept session; getTokenSilently refreshes when near expiry', async () => {
    keepSession(server.issue(), 3600);
    const lock = tab();
    expect(await lock.checkSession()).to.include({ accessToken: 'at-kept', silent: true });
    expect(await lock.getTokenSilently()).to.equal('at-kept');
    expect(server.requests).to.have.length(0);

    keepSession('rt-1', 59); // under a minute left
    expect(await lock.getTokenSilently()).to.equal('at-2');
    expect(server.refreshes()).to.have.length(1);
    expect(kept()).to.include({ refreshToken: 'rt-2', accessToken: 'at-2' });
    // Fresh again: no second refresh.
    expect(await lock.getTokenSilently()).to.equal('at-2');
    expect(server.refreshes()).to.have.length(1);
  });

  it('two concurrent getTokenSilently calls send one refresh', async () => {
    keepSession(server.issue(), 10);
    const lock = tab();
    const tokens = await Promise.all([lock.getTokenSilently(), lock.getTokenSilently()]);
    expect(tokens).to.deep.equal(['at-2', 'at-2']);
    expect(server.refreshes()).to.have.length(1);
  });

  it('two tabs sharing localStorage refresh once: the second reuses what the first stored', async () => {
    keepSession(server.issue(), 10);
    const [first, second] = [tab(), tab()];
    const tokens = await Promise.all([first.getTokenSilently(), second.getTokenSilently()]);
    expect(tokens).to.deep.equal(['at-2', 'at-2']);
    expect(server.refreshes()).to.have.length(1);
    // The family is alive: no token was presented twice.
    expect([...server.live]).to.deep.equal(['rt-2']);
  });

  it('without the Web Locks API, a localStorage lease keeps two tabs to one refresh', async () => {
    const locksOf = Object.getOwnPropertyDescriptor(Navigator.prototype, 'locks');
    Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
    try {
      expect(navigator.locks).to.equal(undefined);
      keepSession(server.issue(), 10);
      const [first, second] = [tab(), tab()];
      const tokens = await Promise.all([first.getTokenSilently(), second.getTokenSilently()]);
      expect(tokens).to.deep.equal(['at-2', 'at-2']);
      expect(server.refreshes()).to.have.length(1);
      expect([...server.live]).to.deep.equal(['rt-2']);
      expect(Object.keys(localStorage).filter((key) => key.endsWith(':lease'))).to.deep.equal([]);
    } finally {
      delete (navigator as { locks?: unknown }).locks;
      expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'locks')).to.deep.equal(locksOf);
    }
    expect(navigator.locks).not.to.equal(undefined);
  });

  it('a session the server ended (invalid_grant) is forgotten: login_required', async () => {
    keepSession('rt-stolen-and-spent', 10);
    const lock = tab();
    const error = await lock.checkSession().catch((e: SessionError) => e);
    expect(error).to.include({ error: 'login_required' });
    expect((error as Error).cause).to.include({ status: 403, error: 'invalid_grant' });
    expect(kept()).to.equal(null);
  });

  it('logout revokes the family and forgets the tokens before leaving for /v2/logout', async () => {
    keepSession(server.issue(), 3600);
    const lock = tab();
    // The Navigation API lets the test see the logout navigation and stop it.
    const left = new Promise<string>((resolve) => {
      const navigation = (window as unknown as { navigation: EventTarget }).navigation;
      navigation.addEventListener(
        'navigate',
        (event) => {
          event.preventDefault();
          resolve((event as Event & { destination: { url: string } }).destination.url);
        },
        { once: true },
      );
    });
    lock.logout({ returnTo: 'http://localhost:8000/' });
    const url = await left;
    expect(url).to.equal(
      `${DOMAIN}/v2/logout?client_id=demo&returnTo=${encodeURIComponent('http://localhost:8000/')}`,
    );
    const revoke = server.requests.find((r) => r.url.endsWith('/oauth/revoke'));
    expect(revoke?.body).to.deep.equal({ client_id: 'demo', token: 'rt-1' });
    expect(server.requests.indexOf(revoke!)).to.equal(server.requests.length - 1);
    expect(kept()).to.equal(null);
    expect(server.live.size).to.equal(0);
    expect(
      await tab()
        .getTokenSilently()
        .catch((e: SessionError) => e.error),
    ).to.equal('login_required');
  });

  it("the tag's endSession() revokes the family and forgets the tokens, in every tab", async () => {
    const { lock } = await page('use-refresh-tokens cache-location="localstorage"');
    await logIn(lock);
    await waitUntil(() => kept(), 'the session was not kept');
    const otherTab = tab();
    await lock.endSession();
    expect(server.requests.at(-1)?.body).to.deep.equal({ client_id: 'demo', token: 'rt-1' });
    expect(server.live.size).to.equal(0);
    expect(kept()).to.equal(null);
    const error = await otherTab.checkSession().catch((e: SessionError) => e);
    expect(error).to.include({ error: 'login_required' });
    // Nothing kept: nothing to revoke, no request.
    const requests = server.requests.length;
    await lock.endSession();
    expect(server.requests).to.have.length(requests);
  });

  it('keeps a memory session out of localStorage, and refuses an unknown cacheLocation', async () => {
    const { lock } = await page('use-refresh-tokens');
    await logIn(lock);
    const memoryTab = tab({ cacheLocation: 'memory' });
    await waitUntil(() =>
      memoryTab.getTokenSilently().then(
        () => true,
        () => false,
      ),
    );
    expect(await memoryTab.getTokenSilently()).to.equal('at-1');
    expect(kept()).to.equal(null);
    const wrong = tab({ cacheLocation: 'cookie' as 'memory' });
    const error = await wrong.getTokenSilently().catch((e: Error) => e);
    expect(error).to.be.instanceOf(TypeError);
    expect((error as Error).message).to.match(/cacheLocation must be "memory" or "localstorage"/);
  });
});
