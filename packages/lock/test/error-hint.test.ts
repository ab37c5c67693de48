import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { PasswordlessLock } from '../src/index.js';
import {
  $,
  alertText,
  expectAccessible,
  page,
  submitEmail,
  toWrongCode,
  waitForAlert,
} from './helpers.js';
import { CODE, json, passwordlessServer, stubServer } from './server-stub.js';

let server: ReturnType<typeof stubServer>;

afterEach(async () => {
  server?.restore();
  await setViewport({ width: 800, height: 600 });
});

/** Waits until floating-ui has placed the error message. */
async function anchoredHint(lock: PasswordlessLock): Promise<HTMLElement> {
  const hint = $(lock, '[role="alert"]');
  await waitUntil(
    () => hint.hasAttribute('data-anchored') && hint.style.getPropertyValue('top') !== '',
    'the error was never anchored',
  );
  return hint;
}

/** Whether two boxes share any area. */
function overlap(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describe('error hints anchored to their field', () => {
  beforeEach(() => {
    localStorage.clear();
    server = passwordlessServer();
  });

  it('puts a wrong code right under the code field, in room of its own', async () => {
    const { lock } = await page();
    await toWrongCode(lock);
    const hint = await anchoredHint(lock);
    const field = $(lock, '#code').getBoundingClientRect();
    const box = hint.getBoundingClientRect();
    expect(box.top).to.be.at.least(field.bottom);
    expect(box.top - field.bottom).to.be.below(16);
    expect(Math.abs(box.left - field.left)).to.be.below(1);
    // The arrow points at the field.
    const arrow = hint.querySelector('.pl-arrow')!.getBoundingClientRect();
    expect(arrow.left).to.be.within(field.left, field.right);
    expect(arrow.bottom).to.be.at.most(box.top + arrow.height);
    // Nothing under it is covered: every control and text of the form stays in view.
    for (const other of $(lock, 'form').querySelectorAll('button, p:not([role="alert"])')) {
      expect(overlap(box, other.getBoundingClientRect()), other.outerHTML).to.equal(false);
    }
    await expectAccessible(lock);
  });

  it('lets go of the field when the error is fixed', async () => {
    const { lock } = await page();
    await toWrongCode(lock);
    const hint = await anchoredHint(lock);
    const code = $<HTMLInputElement>(lock, '#code');
    expect(code.style.getPropertyValue('margin-block-end')).not.to.equal('');
    code.select();
    await sendKeys({ type: CODE });
    await waitUntil(() => !hint.hasAttribute('data-anchored'), 'the hint stayed anchored');
    expect(code.style.getPropertyValue('margin-block-end')).to.equal('');
    expect(hint.style.getPropertyValue('top')).to.equal('');
  });

  it('anchors an email error under the email field, and a terms error under the terms', async () => {
    const { lock } = await page('must-accept-terms');
    await lock.show();
    await submitEmail(lock, 'not an email');
    let hint = await anchoredHint(lock);
    expect(hint.getBoundingClientRect().top).to.be.at.least(
      $(lock, '#email').getBoundingClientRect().bottom,
    );
    await expectAccessible(lock);

    $<HTMLInputElement>(lock, '#email').value = '';
    $(lock, '#email').focus();
    await submitEmail(lock);
    await waitUntil(() => alertText(lock).includes('terms'), 'no terms error');
    hint = await anchoredHint(lock);
    const terms = $(lock, '.pl-terms').getBoundingClientRect();
    expect(hint.getBoundingClientRect().top).to.be.at.least(terms.bottom);
    expect(
      overlap(
        hint.getBoundingClientRect(),
        $(lock, 'button[type="submit"]').getBoundingClientRect(),
      ),
    ).to.equal(false);
  });

  it('keeps an error that is not about a field (rate limiting) in the flow', async () => {
    server.restore();
    server = stubServer({
      '/passwordless/start': () =>
        json(
          429,
          { error: 'too_many_requests', error_description: 'Slow down' },
          { 'Retry-After': '30' },
        ),
    });
    const { lock } = await page();
    await lock.show();
    await submitEmail(lock);
    await waitForAlert(lock);
    const hint = $(lock, '[role="alert"]');
    expect(hint.hasAttribute('data-anchored')).to.equal(false);
    expect(getComputedStyle(hint).position).to.equal('static');
  });

  it('follows the field to its end in right-to-left languages', async () => {
    const { lock } = await page('language="ar"');
    await toWrongCode(lock);
    const hint = await anchoredHint(lock);
    const field = $(lock, '#code').getBoundingClientRect();
    expect(Math.abs(hint.getBoundingClientRect().right - field.right)).to.be.below(1);
  });

  it('fits a 320 px wide viewport without covering anything', async () => {
    await setViewport({ width: 320, height: 640 });
    const { lock } = await page();
    await toWrongCode(lock);
    const hint = await anchoredHint(lock);
    const box = hint.getBoundingClientRect();
    const dialog = $(lock, 'dialog').getBoundingClientRect();
    expect(box.left).to.be.at.least(dialog.left);
    expect(box.right).to.be.at.most(dialog.right);
    for (const button of $(lock, 'form').querySelectorAll('button')) {
      expect(overlap(box, button.getBoundingClientRect()), button.outerHTML).to.equal(false);
    }
  });

  it('lets go when the element leaves the page', async () => {
    const { lock } = await page();
    await toWrongCode(lock);
    const hint = await anchoredHint(lock);
    const code = $(lock, '#code');
    lock.remove();
    expect(hint.hasAttribute('data-anchored')).to.equal(false);
    expect(code.style.getPropertyValue('margin-block-end')).to.equal('');
  });
});
