import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LockPasswordless, type AuthorizationError, type AuthResult } from '../src/index.js';
import { json, passwordlessServer, signedIdToken, stubServer } from './server-stub.js';

const domain = 'http://localhost:3000';
const here = `${location.origin}${location.pathname}`;

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

  /** Sends a link from a LockPasswordless, as the user would, and returns its authParams. */
  async function sendLink(options: ConstructorParameters<typeof LockPasswordless>[2] = {}) {
    lock = new LockPasswordless('demo', domain, { passwordlessMethod: 'link', ...options });
    lock.show();
    const element = lock.element;
    await waitUntil(() => element.shadowRoot!.activeElement?.id === 'email', 'no focus in email');
    await sendKeys({ type: 'ada@example.com' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => element.shadowRoot!.querySelector('[part~="link-sent"]'), 'no link sent');
    lock.destroy();
    return server.requests[0]!.body.authParams as Record<string, string>;
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
    const authParams = await sendLink();
    expect(authParams).to.deep.include({
      redirect_uri: here,
      response_type: 'token id_token',
      client_id: 'demo',
    });
    expect(localStorage.getItem(`pl.tx.${authParams.state}`)).to.be.a('string');
  });

  it('finishes the login found in the address on load, then clears the address', async () => {
    const authParams = await sendLink();
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
    const authParams = await sendLink({ auth: { responseType: 'code' } });
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
    const authParams = await sendLink({ auth: { autoParseHash: false } });
    const hash = `#${await implicitAnswer(authParams)}`;
    lock = new LockPasswordless('demo', domain, { auth: { autoParseHash: false } });
    const events = record(lock);
    const first = await new Promise<AuthResult | null>((resolve) =>
      lock!.resumeAuth(hash, (_, result) => resolve(result)),
    );
    expect(first?.idTokenPayload.email).to.equal('ada@example.com');

    const second = await new Promise<AuthorizationError | null>((resolve) =>
      lock!.resumeAuth(hash, (error) => resolve(error)),
    );
    expect(second?.error).to.equal('invalid_state');
    expect(events.map(([name]) => name)).to.deep.equal([
      'hash_parsed',
      'authenticated',
      'hash_parsed',
      'authorization_error',
    ]);
    expect(events[2]![1]).to.equal(null);
  });

  it('refuses a token for another login (wrong nonce) or with a forged signature', async () => {
    const authParams = await sendLink();
    lock = new LockPasswordless('demo', domain);
    const wrongNonce = await implicitAnswer(authParams, { nonce: 'someone-elses' });
    const error = await new Promise<AuthorizationError | null>((resolve) =>
      lock!.resumeAuth(wrongNonce, (e) => resolve(e)),
    );
    expect(error).to.deep.include({ error: 'invalid_token' });
    expect(error?.errorDescription).to.contain('nonce');
  });

  it('passes an error answer on as authorization_error with the server error', async () => {
    const authParams = await sendLink();
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
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(location.hash).to.equal('#access_token=a&state=b');
    expect(events).to.deep.equal([]);
    expect(otherEvents).to.deep.equal([]);
    other.destroy();
  });
});
