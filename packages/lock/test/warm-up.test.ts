import { expect } from '@open-wc/testing';
import { PasswordlessLock } from '../src/index.js';
import { warmUp } from '../src/warm-up.js';
import { screenOf } from './helpers.js';

const ANSWER = '#state=s1&code=c1';

describe('warm-up', () => {
  const address = location.href;
  let restore: (() => void)[] = [];

  afterEach(() => {
    for (const undo of restore.reverse()) undo();
    restore = [];
    history.replaceState(null, '', address);
  });

  /** Replaces `object[key]` until the end of the test. */
  function stub(object: object, key: string, value: unknown): void {
    const own = Object.getOwnPropertyDescriptor(object, key);
    Object.defineProperty(object, key, { value, configurable: true, writable: true });
    restore.push(() =>
      own
        ? Object.defineProperty(object, key, own)
        : delete (object as Record<string, unknown>)[key],
    );
  }

  it('renders a spare element out of the page, in English, leaving the address alone', async () => {
    history.replaceState(null, '', ANSWER);
    stub(navigator, 'languages', ['fr-FR']);
    const stored = localStorage.length;
    const spare = document.createElement('passwordless-lock');

    warmUp(spare);
    await spare.updateComplete;

    expect(spare.isConnected).to.equal(false);
    expect(document.querySelector('passwordless-lock')).to.equal(null);
    expect(spare.shadowRoot?.querySelector('h2')?.textContent).to.equal('Log in');
    expect(screenOf(spare).querySelector('input[type="email"]')).to.not.equal(null);
    expect(location.hash, 'a magic link answer is not the spare’s').to.equal(ANSWER);
    const fetched = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(fetched.filter((name) => /\/i18n\/locales(\/fr)?\.[jt]s\b/.test(name))).to.deep.equal(
      [],
    );
    expect(localStorage.length, 'it only reads').to.equal(stored);
  });

  it('looks up the default font at the sizes and weights of the email screen', () => {
    const fonts: string[] = [];
    const measure = CanvasRenderingContext2D.prototype.measureText;
    stub(
      CanvasRenderingContext2D.prototype,
      'measureText',
      function (this: CanvasRenderingContext2D, text: string) {
        fonts.push(this.font);
        return measure.call(this, text);
      },
    );

    warmUp(document.createElement('passwordless-lock'));

    expect(fonts).to.deep.equal([
      '16px system-ui, sans-serif',
      '600 16px system-ui, sans-serif',
      'bold 20px system-ui, sans-serif',
    ]);
  });

  it('define() warms up once, at idle, when it registers the tag', async () => {
    const idle: (() => void)[] = [];
    stub(window, 'requestIdleCallback', (callback: () => void) => idle.push(callback));
    const connected: PasswordlessLock[] = [];
    class Counted extends PasswordlessLock {
      override connectedCallback(): void {
        connected.push(this);
        super.connectedCallback();
      }
    }

    Counted.define('pl-warm-up-test');
    Counted.define('pl-warm-up-test');
    expect(idle).to.have.length(1);
    expect(connected).to.have.length(0);

    idle[0]!();
    expect(connected).to.have.length(1);
    await connected[0]!.updateComplete;
    expect(connected[0]!.isConnected).to.equal(false);
    expect(screenOf(connected[0]!).querySelector('input[type="email"]')).to.not.equal(null);
  });

  it('define() works without requestIdleCallback, with no warm-up', () => {
    stub(window, 'requestIdleCallback', undefined);
    class Plain extends PasswordlessLock {}
    expect(() => Plain.define('pl-warm-up-none')).to.not.throw();
    expect(customElements.get('pl-warm-up-none')).to.equal(Plain);
  });
});
