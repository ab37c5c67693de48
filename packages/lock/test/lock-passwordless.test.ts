import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LockPasswordless, type AuthResult } from '../src/index.js';
import { focusedName, query, submitEmail, text } from './helpers.js';
import { CODE, claims, json, passwordlessServer, stubServer } from './server-stub.js';

let server: ReturnType<typeof passwordlessServer>;
let lock: LockPasswordless | undefined;

beforeEach(() => {
  localStorage.clear();
  server = passwordlessServer();
});

afterEach(() => {
  lock?.destroy();
  lock = undefined;
  server.restore();
});

/** Runs `run` with console.warn counted instead of printed; what it throws, and the count. */
function quietly(run: () => unknown): { error: unknown; warnings: number } {
  const warn = console.warn;
  let warnings = 0;
  console.warn = () => warnings++;
  try {
    run();
    return { error: undefined, warnings };
  } catch (error) {
    return { error, warnings };
  } finally {
    console.warn = warn;
  }
}

describe('LockPasswordless', () => {
  it('creates the element, adds it to the page on show() and reports authenticated', async () => {
    lock = new LockPasswordless('demo', 'http://localhost:3000', {
      language: 'de',
      autoclose: true,
    });
    const element = lock.element;
    expect(element.isConnected).to.equal(false);
    expect(element.clientId).to.equal('demo');

    const results: AuthResult[] = [];
    let shows = 0;
    let hides = 0;
    lock.on('authenticated', (result) => results.push(result));
    lock.on('show', () => shows++).on('hide', () => hides++);

    lock.show();
    expect(element.parentElement).to.equal(document.body);
    await oneEvent(element, 'show');
    expect(shows).to.equal(1);

    await submitEmail(element);
    await waitUntil(() => focusedName(element) === 'code', 'no focus in code');
    await sendKeys({ type: CODE });
    await waitUntil(() => results.length === 1, 'authenticated was not reported');

    expect(results[0]?.accessToken).to.equal('at-1');
    expect(results[0]?.idTokenPayload).to.deep.equal(claims);
    await waitUntil(() => hides === 1, 'hide was not reported');
    expect(server.requests[0]?.headers.get('X-Request-Language')).to.equal('de');
  });

  it('fetches the strings of its language when created, and opens in them', async () => {
    const fetched = () =>
      performance
        .getEntriesByType('resource')
        .some((entry) => /\/i18n\/locales\/fr\.[jt]s\b/.test(entry.name));
    expect(fetched(), 'French before the test').to.equal(false);
    lock = new LockPasswordless('demo', 'http://localhost:3000', { language: 'fr-CA' });
    await waitUntil(fetched, 'the French strings were not fetched before show()');
    expect(lock.element.isConnected).to.equal(false);
    lock.show();
    await oneEvent(lock.element, 'show');
    expect(text(lock.element, 'h2')).to.equal('Connexion');
  });

  it('off() stops a callback', async () => {
    lock = new LockPasswordless('demo', 'http://localhost:3000');
    let shows = 0;
    const onShow = () => shows++;
    lock.on('show', onShow);
    lock.off('show', onShow);
    lock.show();
    await oneEvent(lock.element, 'show');
    expect(shows).to.equal(0);
    lock.hide();
    await oneEvent(lock.element, 'hide');
  });

  it('passes closable: false to the element', () => {
    lock = new LockPasswordless('demo', 'http://localhost:3000', { closable: false });
    expect(lock.element.closable).to.equal(false);
  });

  it('warns about and refuses an unknown event name', () => {
    lock = new LockPasswordless('demo', 'http://localhost:3000');
    const unknown = quietly(() => lock!.on('authorized' as 'show', () => {}));
    expect(unknown.error).to.be.instanceOf(TypeError);
    expect((unknown.error as Error).message).to.match(/authorized/);
    expect(unknown.warnings).to.equal(1);
  });

  it('refuses a missing client id or domain', () => {
    expect(() => new LockPasswordless('', 'http://localhost:3000')).to.throw(TypeError);
    expect(() => new LockPasswordless('demo', undefined as unknown as string)).to.throw(TypeError);
  });
});

describe('LockPasswordless options', () => {
  it('has Lock defaults: closable, no autoclose, autofocus, code, remember the last login', () => {
    lock = new LockPasswordless('demo', 'http://localhost:3000');
    const { closable, autoclose, autofocus, passwordlessMethod, rememberLastLogin } = lock.element;
    expect({ closable, autoclose, autofocus, passwordlessMethod, rememberLastLogin }).to.deep.equal(
      {
        closable: true,
        autoclose: false,
        autofocus: true,
        passwordlessMethod: 'code',
        rememberLastLogin: true,
      },
    );
  });

  it('warns about and refuses an unknown option or an invalid value', () => {
    const unknown = quietly(() => new LockPasswordless('demo', 'x', { clossable: true } as object));
    expect(unknown.error).to.be.instanceOf(TypeError);
    expect((unknown.error as Error).message).to.match(/clossable/);
    expect(unknown.warnings).to.equal(1);
    const method = quietly(
      () => new LockPasswordless('demo', 'x', { passwordlessMethod: 'sms' as 'code' }),
    );
    expect(method.error).to.be.instanceOf(TypeError);
    const sms = quietly(() => new LockPasswordless('demo', 'x', { allowedConnections: ['sms'] }));
    expect(sms.error).to.be.instanceOf(TypeError);
  });

  it('renders inline in container, not closable by default', async () => {
    const container = document.createElement('div');
    container.id = 'login-box';
    document.body.append(container);
    try {
      lock = new LockPasswordless('demo', 'http://localhost:3000', { container: 'login-box' });
      lock.show();
      expect(lock.element.parentElement).to.equal(container);
      expect(lock.element.inline).to.equal(true);
      expect(lock.element.closable).to.equal(false);
      await lock.element.updateComplete;
      expect(query(lock.element, 'dialog')).to.equal(null);
    } finally {
      container.remove();
    }
  });

  it('maps theme, prefill, language and languageDictionary to the element', async () => {
    lock = new LockPasswordless('demo', 'http://localhost:3000', {
      theme: {
        primaryColor: 'rgb(0, 100, 0)',
        logo: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
        mode: 'dark',
      },
      prefill: { email: 'grace@example.com' },
      language: 'es',
      languageDictionary: { heading: 'Entrar' },
      allowAutocomplete: false,
      languageMenu: true,
    });
    const el = lock.element;
    expect(el.languageMenu).to.equal(true);
    expect([el.primaryColor, el.logo, el.theme]).to.deep.equal([
      'rgb(0, 100, 0)',
      'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
      'dark',
    ]);
    lock.show();
    await el.updateComplete;
    const input = query<HTMLInputElement>(el, '#email')!;
    expect(input.value).to.equal('grace@example.com');
    expect(input.autocomplete).to.equal('off');
    expect(query(el, 'h2')!.textContent).to.equal('Entrar');
    expect(query(el, 'label')!.textContent).to.equal('Correo electrónico');
  });

  it('show(options) overrides for one opening, then puts the options back', async () => {
    lock = new LockPasswordless('demo', 'http://localhost:3000');
    lock.show({ flashMessage: { type: 'info', text: 'Welcome back' }, closable: false });
    await oneEvent(lock.element, 'show');
    expect(lock.element.closable).to.equal(false);
    expect(query(lock.element, '[role="status"]')!.textContent).to.contain('Welcome back');
    lock.hide();
    await oneEvent(lock.element, 'hide');
    expect(lock.element.closable).to.equal(true);
    expect(lock.element.flashMessage).to.equal(null);
    const bad = quietly(() => lock!.show({ container: 'x' } as object));
    expect(bad.error).to.be.instanceOf(TypeError);
  });

  it('reports authorization_error with Lock’s payload', async () => {
    lock = new LockPasswordless('demo', 'http://localhost:3000');
    const errors: unknown[] = [];
    lock.on('authorization_error', (error) => errors.push(error));
    lock.show();
    await submitEmail(lock.element);
    await waitUntil(() => focusedName(lock!.element) === 'code', 'no code');
    await sendKeys({ type: '000000' });
    await waitUntil(() => errors.length === 1, 'authorization_error was not reported');
    expect(errors[0]).to.deep.equal({
      error: 'invalid_grant',
      errorDescription: 'Wrong email or verification code.',
    });
  });

  it('getUserInfo reads the profile with the access token', async () => {
    server.restore();
    server = stubServer({
      '/userinfo': ({ headers }) =>
        headers.get('Authorization') === 'Bearer at-1'
          ? json(200, { sub: 'email|1', email: 'ada@example.com' })
          : json(401, { error: 'invalid_token' }),
    }) as typeof server;
    lock = new LockPasswordless('demo', 'http://localhost:3000');
    const profile = await new Promise((resolve, reject) =>
      lock!.getUserInfo('at-1', (error, user) => (error ? reject(error) : resolve(user))),
    );
    expect(profile).to.deep.include({ email: 'ada@example.com' });
  });
});
