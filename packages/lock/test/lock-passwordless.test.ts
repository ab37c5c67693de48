import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { LockPasswordless, type AuthResult } from '../src/index.js';
import { CODE, claims, passwordlessServer } from './server-stub.js';
import { sendKeys } from '@web/test-runner-commands';

describe('LockPasswordless', () => {
  let server: ReturnType<typeof passwordlessServer>;
  let lock: LockPasswordless | undefined;

  beforeEach(() => {
    server = passwordlessServer();
  });

  afterEach(() => {
    lock?.destroy();
    lock = undefined;
    server.restore();
  });

  it('creates the element, adds it to the page on show() and reports authenticated', async () => {
    lock = new LockPasswordless('demo', 'http://localhost:3000', { language: 'de' });
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

    await waitUntil(() => element.shadowRoot!.activeElement?.id === 'email', 'no focus in email');
    await sendKeys({ type: 'ada@example.com' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => element.shadowRoot!.activeElement?.id === 'code', 'no focus in code');
    await sendKeys({ type: CODE });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => results.length === 1, 'authenticated was not reported');

    expect(results[0]?.accessToken).to.equal('at-1');
    expect(results[0]?.idTokenPayload).to.deep.equal(claims);
    await waitUntil(() => hides === 1, 'hide was not reported');
    expect(server.requests[0]?.headers.get('X-Request-Language')).to.equal('de');
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
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(() => lock!.on('authorized' as 'show', () => {})).to.throw(TypeError, /authorized/);
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
  });

  it('refuses a missing client id or domain', () => {
    expect(() => new LockPasswordless('', 'http://localhost:3000')).to.throw(TypeError);
    expect(() => new LockPasswordless('demo', undefined as unknown as string)).to.throw(TypeError);
  });
});
