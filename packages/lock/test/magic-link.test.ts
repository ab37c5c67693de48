import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import {
  LockPasswordless,
  PasswordlessLock,
  type AuthorizationError,
  type AuthResult,
} from '../src/index.js';
import { query, submitEmail } from './helpers.js';
import { json, passwordlessServer, signedIdToken, stubServer, tampered } from './server-stub.js';

const domain = 'http://localhost:3000';
const here = `${location.origin}${location.pathname}`;
/** Where `rememberLastLogin` keeps the last email of client `demo`. */
const rememberedKey = 'passwordless-lock:demo:email';

/** Sends a link from a LockPasswordless, as the user would, and returns its authParams. */
async function sendLink(
  server: ReturnType<typeof stubServer>,
  options: ConstructorParameters<typeof LockPasswordless>[2] = {},
) {
  const lock = new LockPasswordless('demo', domain, { passwordlessMethod: 'link', ...options });
  lock.show();
  await submitEmail(lock.element);
  await waitUntil(() => query(lock.element, '.pl-link-sent'), 'no link sent');
  lock.destroy();
  return server.requests[0]!.body.authParams as Record<string, string>;
}

/** `lock.resumeAuth(hash)`, as a promise of what its callback gets. */
function resume(lock: LockPasswordless, hash: string) {
  return new Promise<{ error: AuthorizationError | null; result: AuthResult | null }>((resolve) =>
    lock.resumeAuth(hash, (error, result) => resolve({ error, result })),
  );
}

/** What the server's verify_redirect puts in the fragment for `authParams`. */
async function implicitAnswer(authParams: Record<string, string>, claims = {}) {
  const idToken = await signedIdToken({
    sub: 'email|ada',
    email: 'ada@example.com',
    nonce: authParams.nonce,
    ...claims,
  });
  return new URLSearchParams({
    access_token: 'at-link',
    id_token: idToken,
    token_type: 'Bearer',
    expires_in: '7200',
    state: authParams.state!,
  }).toString();
}

describe('magic link: coming back from the link', () => {
  let server: ReturnType<typeof stubServer>;
  let lock: LockPasswordless | undefined;
  const address = location.href;

  beforeEach(() => {
    localStorage.clear();
    server = passwordlessServer();
  });

  afterEach(() => {
    lock?.destroy();
    lock = undefined;
    server.restore();
    history.replaceState(null, '', address);
  });

  function record(target: LockPasswordless) {
    const events: [string, unknown][] = [];
    target
      .on('hash_parsed', (result) => events.push(['hash_parsed', result]))
      .on('authenticated', (result) => events.push(['authenticated', result]))
      .on('authorization_error', (error) => events.push(['authorization_error', error]));
    return events;
  }

  it('sends the link to this page (origin and path, no query) with a stored transaction', async () => {
    history.replaceState(null, '', '?language=fr&theme=dark');
    const authParams = await sendLink(server);
    expect(authParams).to.deep.include({
      redirect_uri: here,
      response_type: 'token id_token',
      client_id: 'demo',
    });
    expect(localStorage.getItem(`pl.tx.${authParams.state}`)).to.be.a('string');
  });

  it('finishes the login found in the address on load, then clears the address', async () => {
    const authParams = await sendLink(server);
    history.replaceState(null, '', `?theme=dark#${await implicitAnswer(authParams)}`);
    lock = new LockPasswordless('demo', domain, { passwordlessMethod: 'link' });
    // Cleared at once, before the answer is even checked: a reload cannot replay it.
    expect(location.hash).to.equal('');
    expect(location.search).to.equal('?theme=dark');
    const events = record(lock);
    await waitUntil(() => events.length === 2, 'the answer was not reported');

    expect(events.map(([name]) => name)).to.deep.equal(['hash_parsed', 'authenticated']);
    const result = events[1]![1] as AuthResult;
    expect(result).to.deep.include({
      accessToken: 'at-link',
      tokenType: 'Bearer',
      expiresIn: 7200,
      state: authParams.state,
    });
    expect(result.idTokenPayload).to.deep.include({ email: 'ada@example.com', aud: 'demo' });
    expect(events[0]![1]).to.deep.equal(result);
    // The transaction is used up.
    expect(localStorage.getItem(`pl.tx.${authParams.state}`)).to.equal(null);
  });

  it('with responseType "code", exchanges the code from the query with the PKCE verifier', async () => {
    const authParams = await sendLink(server, { auth: { responseType: 'code' } });
    expect(authParams).to.deep.include({ response_type: 'code', code_challenge_method: 'S256' });
    const idToken = await signedIdToken({ sub: 'email|ada', nonce: authParams.nonce });
    server.restore();
    server = stubServer({
      '/oauth/token': () =>
        json(200, { access_token: 'at-code', id_token: idToken, token_type: 'Bearer' }),
    });
    history.replaceState(null, '', `?code=c-1&state=${authParams.state}&theme=dark`);
    lock = new LockPasswordless('demo', domain);
    expect(location.search).to.equal('?theme=dark');
    const events = record(lock);
    await waitUntil(() => events.length === 2, 'the answer was not reported');
    expect((events[1]![1] as AuthResult).accessToken).to.equal('at-code');
    expect(server.requests[0]?.body).to.deep.include({
      grant_type: 'authorization_code',
      code: 'c-1',
      redirect_uri: here,
    });
    expect(server.requests[0]?.body.code_verifier).to.match(/^[\w-]{43}$/);
  });

  it('resumeAuth(hash, callback) reports a replayed link as an authorization_error', async () => {
    const authParams = await sendLink(server, { auth: { autoParseHash: false } });
    const hash = `#${await implicitAnswer(authParams)}`;
    lock = new LockPasswordless('demo', domain, { auth: { autoParseHash: false } });
    const events = record(lock);
    const first = await resume(lock, hash);
    expect(first.result?.idTokenPayload.email).to.equal('ada@example.com');

    const second = await resume(lock, hash);
    expect(second.error?.error).to.equal('invalid_state');
    expect(events.map(([name]) => name)).to.deep.equal([
      'hash_parsed',
      'authenticated',
      'hash_parsed',
      'authorization_error',
    ]);
    expect(events[2]![1]).to.equal(null);
  });

  it('refuses a token for another login (wrong nonce) or with a forged signature', async () => {
    let authParams = await sendLink(server);
    lock = new LockPasswordless('demo', domain);
    const wrongNonce = await implicitAnswer(authParams, { nonce: 'someone-elses' });
    const { error } = await resume(lock, wrongNonce);
    expect(error).to.deep.include({ error: 'invalid_token' });
    expect(error?.errorDescription).to.contain('nonce');

    server.requests.splice(0);
    authParams = await sendLink(server);
    const forged = new URLSearchParams(await implicitAnswer(authParams));
    forged.set('id_token', tampered(forged.get('id_token')!, { email: 'eve@example.com' }));
    const refused = await resume(lock, forged.toString());
    expect(refused.error).to.deep.include({ error: 'invalid_token' });
    expect(refused.error?.errorDescription).to.contain('signature');
    expect(refused.result).to.equal(null);
  });

  it('remembers the email of the login for the next visit, as a code login does', async () => {
    const authParams = await sendLink(server);
    // Sending the link remembers nothing: only a finished login does.
    expect(localStorage.getItem(rememberedKey)).to.equal(null);
    // The address in the validated id_token is the one remembered.
    const answer = await implicitAnswer(authParams, { email: 'ada.l@example.com' });
    history.replaceState(null, '', `#${answer}`);
    lock = new LockPasswordless('demo', domain, { passwordlessMethod: 'link' });
    const events = record(lock);
    await waitUntil(() => events.length === 2, 'the answer was not reported');
    expect(events[1]![0]).to.equal('authenticated');
    expect(localStorage.getItem(rememberedKey)).to.equal('ada.l@example.com');

    lock.destroy();
    lock = new LockPasswordless('demo', domain, { passwordlessMethod: 'link' });
    lock.show();
    const email = () => query<HTMLInputElement>(lock!.element, '#email');
    await waitUntil(() => email(), 'no email field');
    expect(email()!.value).to.equal('ada.l@example.com');
  });

  it('remembers nothing with rememberLastLogin: false, or from a refused answer', async () => {
    let authParams = await sendLink(server);
    lock = new LockPasswordless('demo', domain, { rememberLastLogin: false });
    const { result } = await resume(lock, await implicitAnswer(authParams));
    expect(result?.idTokenPayload.email).to.equal('ada@example.com');
    expect(localStorage.getItem(rememberedKey)).to.equal(null);

    server.requests.splice(0);
    authParams = await sendLink(server);
    lock.destroy();
    lock = new LockPasswordless('demo', domain);
    const wrongNonce = await implicitAnswer(authParams, { nonce: 'someone-elses' });
    const { error } = await resume(lock, wrongNonce);
    expect(error?.error).to.equal('invalid_token');
    expect(localStorage.getItem(rememberedKey)).to.equal(null);
  });

  it('passes an error answer on as authorization_error with the server error', async () => {
    const authParams = await sendLink(server);
    history.replaceState(
      null,
      '',
      `#error=access_denied&error_description=The+link+has+expired.&state=${authParams.state}`,
    );
    lock = new LockPasswordless('demo', domain);
    const events = record(lock);
    await waitUntil(() => events.length === 2, 'the error was not reported');
    expect(events[1]).to.deep.equal([
      'authorization_error',
      { error: 'access_denied', errorDescription: 'The link has expired.' },
    ]);
  });

  it('leaves the page alone without an answer, or with autoParseHash: false', async () => {
    history.replaceState(null, '', '#section-2');
    lock = new LockPasswordless('demo', domain);
    const events = record(lock);
    history.replaceState(null, '', '#access_token=a&state=b');
    const other = new LockPasswordless('demo', domain, { auth: { autoParseHash: false } });
    const otherEvents = record(other);
    await aTimeout(100);
    expect(location.hash).to.equal('#access_token=a&state=b');
    expect(events).to.deep.equal([]);
    expect(otherEvents).to.deep.equal([]);
    other.destroy();
  });
});

describe('magic link: coming back to a page with the bare element', () => {
  let server: ReturnType<typeof stubServer>;
  const address = location.href;
  const cleanups: (() => void)[] = [];
  /** What reached the document: bubbling, composed events only. */
  let events: [string, unknown][];

  before(() => PasswordlessLock.define());

  beforeEach(() => {
    localStorage.clear();
    server = passwordlessServer();
    events = [];
    for (const name of ['hash_parsed', 'authenticated', 'authorization_error']) {
      const listener = (event: Event) => {
        if (event.bubbles && event.composed) events.push([name, (event as CustomEvent).detail]);
      };
      document.addEventListener(name, listener);
      cleanups.push(() => document.removeEventListener(name, listener));
    }
  });

  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    server.restore();
    history.replaceState(null, '', address);
  });

  /** `<passwordless-lock passwordless-method="link">` in the page, as plain HTML would have it. */
  function addTag(setUp: (element: PasswordlessLock) => void = () => {}) {
    const container = document.createElement('div');
    container.innerHTML = `<passwordless-lock client-id="demo" domain="${domain}"
      passwordless-method="link"></passwordless-lock>`;
    document.body.append(container);
    cleanups.push(() => container.remove());
    const element = container.querySelector('passwordless-lock')!;
    // The page's script runs after the tag is upgraded and connected, in the same task.
    setUp(element);
    return element;
  }

  it('finishes the login found in the address once connected, then clears the address', async () => {
    const authParams = await sendLink(server);
    history.replaceState(null, '', `?theme=dark#${await implicitAnswer(authParams)}`);
    const element = addTag();
    await element.updateComplete;
    expect(location.hash).to.equal('');
    expect(location.search).to.equal('?theme=dark');
    await waitUntil(() => events.length === 2, 'the answer was not reported');

    expect(events.map(([name]) => name)).to.deep.equal(['hash_parsed', 'authenticated']);
    const result = events[1]![1] as AuthResult;
    expect(result).to.deep.include({ accessToken: 'at-link', state: authParams.state });
    expect(result.idTokenPayload).to.deep.include({ email: 'ada@example.com', aud: 'demo' });
    expect(events[0]![1]).to.deep.equal(result);
    expect(localStorage.getItem(`pl.tx.${authParams.state}`)).to.equal(null);
    // Reconnecting does not read the address again.
    element.remove();
    document.body.append(element);
    await aTimeout(100);
    expect(events).to.have.length(2);
  });

  it('remembers the email of the login, unless remember-last-login is "false"', async () => {
    for (const remember of [false, true]) {
      server.requests.splice(0);
      events = [];
      const authParams = await sendLink(server);
      history.replaceState(null, '', `#${await implicitAnswer(authParams)}`);
      addTag((element) => {
        if (!remember) element.setAttribute('remember-last-login', 'false');
      });
      await waitUntil(() => events.length === 2, 'the answer was not reported');
      expect(events[1]![0]).to.equal('authenticated');
      expect(localStorage.getItem(rememberedKey)).to.equal(remember ? 'ada@example.com' : null);
    }
  });

  it('passes an error answer from the query on as authorization_error', async () => {
    const authParams = await sendLink(server);
    history.replaceState(
      null,
      '',
      `?error=access_denied&error_description=The+link+has+expired.&state=${authParams.state}&a=1`,
    );
    await addTag().updateComplete;
    expect(location.search).to.equal('?a=1');
    await waitUntil(() => events.length === 2, 'the error was not reported');
    expect(events).to.deep.equal([
      ['hash_parsed', null],
      [
        'authorization_error',
        { error: 'access_denied', errorDescription: 'The link has expired.' },
      ],
    ]);
  });

  it('is parsed once when a LockPasswordless (which creates the element) is used', async () => {
    const authParams = await sendLink(server);
    history.replaceState(null, '', `#${await implicitAnswer(authParams)}`);
    const lock = new LockPasswordless('demo', domain, { passwordlessMethod: 'link' });
    cleanups.push(() => lock.destroy());
    const callbacks: string[] = [];
    lock
      .on('hash_parsed', () => callbacks.push('hash_parsed'))
      .on('authenticated', () => callbacks.push('authenticated'));
    lock.show();
    await lock.element.updateComplete;
    // A second element on the page finds the address already cleared.
    await addTag().updateComplete;
    await waitUntil(() => events.length === 2, 'the answer was not reported');
    await aTimeout(100);
    expect(events.map(([name]) => name)).to.deep.equal(['hash_parsed', 'authenticated']);
    expect(callbacks).to.deep.equal(['hash_parsed', 'authenticated']);
  });

  it('leaves the page alone without an answer, or with auth.autoParseHash: false', async () => {
    history.replaceState(null, '', '#section-2');
    await addTag().updateComplete;
    expect(location.hash).to.equal('#section-2');

    history.replaceState(null, '', '#access_token=a&state=b');
    await addTag((element) => (element.auth = { autoParseHash: false })).updateComplete;
    // Nor the element of a LockPasswordless created with autoParseHash: false, even when `show`
    // gives it other auth options.
    const lock = new LockPasswordless('demo', domain, { auth: { autoParseHash: false } });
    cleanups.push(() => lock.destroy());
    lock.show({ auth: { params: { scope: 'openid' } } });
    await lock.element.updateComplete;
    await aTimeout(100);
    expect(location.hash).to.equal('#access_token=a&state=b');
    expect(events).to.deep.equal([]);
  });
});
