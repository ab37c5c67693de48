import { aTimeout, expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import errorHintStyles from '../src/error-hint.styles.js';
import { type AnchorOptions, FloatingController } from '../src/floating-controller.js';

/** Just enough of a Lit element to hold controllers, and to leave the page. */
class Host implements ReactiveControllerHost {
  readonly #controllers: ReactiveController[] = [];
  readonly updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController) {
    this.#controllers.push(controller);
  }
  removeController() {}
  requestUpdate() {}
  disconnect() {
    for (const controller of this.#controllers) controller.hostDisconnected?.();
  }
}

const gap = 12;

/** A code screen's form as the widget lays it out in the light DOM, with its error hint. */
async function form({ dir = 'ltr', message = 'Enter the code from the email' } = {}) {
  const root = await fixture<HTMLFormElement>(html`
    <form
      dir=${dir}
      style="position: relative; display: flex; flex-direction: column; gap: 8px;
        box-sizing: border-box; width: 100%; max-width: 360px; padding: 16px;
        font: 16px/1.5 sans-serif;
        --_error: #b3261e; --_background: #fff; --_text: #1f2328; --_radius: 8px"
    >
      <p class="countdown" style="margin: 0">The code expires in 5:00.</p>
      <label for="code">Code</label>
      <input id="code" style="width: 120px; align-self: var(--align, auto)" />
      <p class="pl-error" role="alert">
        <span class="pl-arrow" aria-hidden="true"></span>${message}
      </p>
      <button>Sign in</button>
    </form>
  `);
  const get = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const host = new Host();
  return {
    root,
    host,
    controller: new FloatingController(host),
    countdown: get('.countdown'),
    label: get('label'),
    input: get<HTMLInputElement>('input'),
    hint: get('.pl-error'),
    arrow: get('.pl-arrow'),
    button: get<HTMLButtonElement>('button'),
  };
}

function hintOptions(arrow: HTMLElement): AnchorOptions {
  return {
    placement: 'bottom-start',
    strategy: 'absolute',
    offset: gap,
    arrow,
    reserveSpace: true,
  };
}

const box = (element: Element) => element.getBoundingClientRect();
const centre = (rect: DOMRect) => (rect.left + rect.right) / 2;
const near = (a: number, b: number) => Math.abs(a - b) <= 1;

/** Waits until the hint sits `gap` px under the field (autoUpdate may take a frame). */
async function placedUnder(hint: HTMLElement, input: HTMLElement) {
  await waitUntil(
    () => hint.style.top !== '' && near(box(hint).top, box(input).bottom + gap),
    'the hint was never placed under its field',
  );
}

function overlaps(a: DOMRect, b: DOMRect) {
  const tolerance = 0.5;
  return (
    a.left < b.right - tolerance &&
    b.left < a.right - tolerance &&
    a.top < b.bottom - tolerance &&
    b.top < a.bottom - tolerance
  );
}

before(() => {
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, errorHintStyles.styleSheet!];
});
after(() => {
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter(
    (sheet) => sheet !== errorHintStyles.styleSheet,
  );
});
afterEach(async () => {
  await emulateMedia({ forcedColors: 'none' });
  await setViewport({ width: 800, height: 600 });
});

describe('FloatingController: a field error hint', () => {
  it('sits below its field, aligned to the field’s start', async () => {
    const { controller, input, hint, arrow } = await form();
    await controller.anchor(input, hint, hintOptions(arrow));
    await placedUnder(hint, input);
    expect(hint.getAttribute('data-anchored')).to.equal('bottom-start');
    expect(getComputedStyle(hint).position).to.equal('absolute');
    expect(box(hint).left).to.be.closeTo(box(input).left, 1);
    // Wider than the field: start-aligned, not centred or end-aligned.
    expect(box(hint).width).to.be.greaterThan(box(input).width + 20);
  });

  it('in RTL, is aligned to the field’s right edge (its start)', async () => {
    const { controller, input, hint, arrow } = await form({ dir: 'rtl' });
    await controller.anchor(input, hint, hintOptions(arrow));
    await placedUnder(hint, input);
    expect(box(hint).right).to.be.closeTo(box(input).right, 1);
    expect(box(hint).left).to.be.lessThan(box(input).left - 20);
    await waitUntil(() => arrow.style.left !== '', 'the arrow was never placed');
    expect(centre(box(arrow))).to.be.closeTo(centre(box(input)), 1);
  });

  it('at 320 px, shifts inside the viewport, its arrow still on the field', async () => {
    await setViewport({ width: 320, height: 640 });
    const { root, controller, input, hint, arrow } = await form({
      message: 'Enter the 6-digit code',
    });
    root.style.setProperty('--align', 'flex-end');
    input.style.setProperty('width', '60px');
    await controller.anchor(input, hint, hintOptions(arrow));
    await placedUnder(hint, input);
    await waitUntil(() => arrow.style.left !== '', 'the arrow was never placed');
    // Start-aligned it would stick out of the window: shift() moved it back, 8 px inside.
    expect(box(input).left + box(hint).width).to.be.greaterThan(320);
    expect(box(hint).right).to.be.closeTo(320 - 8, 1);
    expect(box(hint).left).to.be.at.least(0);
    const arrowBox = box(arrow);
    expect(centre(arrowBox)).to.be.closeTo(centre(box(input)), 1);
    // Pointing up: its tip is above the bubble, in the gap, clear of the field.
    expect(arrowBox.top).to.be.lessThan(box(hint).top);
    expect(arrowBox.top).to.be.greaterThan(box(input).bottom);
  });

  it('has room of its own under the field (its height + the gap) and covers nothing', async () => {
    const { controller, countdown, label, input, hint, arrow, button } = await form();
    const buttonTop = box(button).top;
    await controller.anchor(input, hint, hintOptions(arrow));
    await placedUnder(hint, input);
    const reserved = parseFloat(getComputedStyle(input).marginBlockEnd);
    expect(reserved).to.be.closeTo(box(hint).height + gap, 0.5);
    expect(input.getAttribute('style')).to.contain('margin-block-end');
    expect(box(button).top).to.be.greaterThan(buttonTop);
    for (const element of [countdown, label, input, button]) {
      expect(overlaps(box(hint), box(element)), element.outerHTML).to.equal(false);
      expect(overlaps(box(arrow), box(element)), element.outerHTML).to.equal(false);
    }
    expect(box(button).top).to.be.at.least(box(hint).bottom - 0.5);

    // A longer message wraps: the room grows with it.
    const height = box(hint).height;
    hint.replaceChildren(arrow, 'That code is not right. Check the latest email and try again.');
    await waitUntil(() => box(hint).height > height + 10, 'the message did not wrap');
    await waitUntil(
      () => near(parseFloat(getComputedStyle(input).marginBlockEnd), box(hint).height + gap),
      'the room did not grow with the message',
    );
    expect(box(button).top).to.be.at.least(box(hint).bottom - 0.5);
  });

  it('follows its field when the layout above it changes', async () => {
    const { controller, countdown, input, hint, arrow } = await form();
    await controller.anchor(input, hint, hintOptions(arrow));
    await placedUnder(hint, input);
    const top = box(hint).top;
    countdown.textContent = 'The code expires in 4:59. '.repeat(8);
    await placedUnder(hint, input);
    expect(box(hint).top).to.be.greaterThan(top + 20);
  });

  it('goes back to the flow when released: no margin, attribute or placement styles', async () => {
    const { controller, input, hint, arrow, button } = await form();
    await controller.anchor(input, hint, hintOptions(arrow));
    await placedUnder(hint, input);
    expect(hint.hasAttribute('data-anchored')).to.equal(true);
    controller.release();
    expect(hint.hasAttribute('data-anchored')).to.equal(false);
    expect(input.style.getPropertyValue('margin-block-end')).to.equal('');
    for (const element of [hint, arrow]) {
      expect(element.style.getPropertyValue('left')).to.equal('');
      expect(element.style.getPropertyValue('top')).to.equal('');
    }
    expect(getComputedStyle(hint).position).to.equal('static');
    expect(getComputedStyle(arrow).display).to.equal('none');
    // Between the field and the button, as plain text.
    expect(box(hint).top).to.be.closeTo(box(input).bottom + 8, 1);
    expect(box(button).top).to.be.closeTo(box(hint).bottom + 8, 1);

    input.style.setProperty('margin-block-start', '40px');
    await aTimeout(100);
    expect(hint.style.getPropertyValue('top')).to.equal('');
  });

  it('is released when its host leaves the page', async () => {
    const { host, controller, input, hint, arrow } = await form();
    await controller.anchor(input, hint, hintOptions(arrow));
    await placedUnder(hint, input);
    host.disconnect();
    expect(hint.hasAttribute('data-anchored')).to.equal(false);
    expect(input.style.getPropertyValue('margin-block-end')).to.equal('');
  });

  it('stays released when released during the lazy import of floating-ui', async () => {
    const { controller, input, hint, arrow } = await form();
    const anchoring = controller.anchor(input, hint, hintOptions(arrow));
    controller.release();
    await anchoring;
    await nextFrame();
    await aTimeout(50);
    expect(hint.hasAttribute('data-anchored')).to.equal(false);
    expect(hint.style.getPropertyValue('top')).to.equal('');
    expect(input.style.getPropertyValue('margin-block-end')).to.equal('');
  });

  it('stays released when released while a placement is being computed', async () => {
    const { controller, input, hint, arrow } = await form();
    // Resolves once autoUpdate has started the first computePosition, before it settles.
    await controller.anchor(input, hint, hintOptions(arrow));
    controller.release();
    await nextFrame();
    await aTimeout(50);
    expect(hint.style.getPropertyValue('top')).to.equal('');
    expect(arrow.style.getPropertyValue('left')).to.equal('');
    expect(input.style.getPropertyValue('margin-block-end')).to.equal('');
  });
});

describe('FloatingController: a menu', () => {
  it('follows its reference until released, and releases when the host disconnects', async () => {
    const host = new Host();
    const floating = new FloatingController(host);
    const reference = document.createElement('button');
    reference.textContent = 'anchor';
    reference.style.cssText = 'position: fixed; top: 10px; left: 10px';
    const menu = document.createElement('div');
    menu.style.cssText = 'position: fixed; top: 0; left: 0; width: 50px; height: 20px';
    document.body.append(reference, menu);
    try {
      await floating.anchor(reference, menu, { placement: 'bottom-end', strategy: 'fixed' });
      expect(menu.getAttribute('data-anchored')).to.equal('bottom-end');
      await waitUntil(
        () => menu.style.top === `${10 + reference.offsetHeight + 4}px`,
        'not placed',
      );

      reference.style.top = '100px';
      await waitUntil(
        () => menu.style.top === `${100 + reference.offsetHeight + 4}px`,
        'not moved',
      );

      host.disconnect();
      expect(menu.hasAttribute('data-anchored')).to.equal(false);
      reference.style.top = '200px';
      await aTimeout(100);
      // Released: its placement is cleared and not written again.
      expect(menu.style.top).to.equal('');
    } finally {
      reference.remove();
      menu.remove();
    }
  });
});

describe('error hint styles', () => {
  it('in the flow: plain error text, and no room at all while empty', async () => {
    const { hint, arrow, input, button } = await form({ message: '' });
    expect(box(hint).height).to.equal(0);
    expect(getComputedStyle(arrow).display).to.equal('none');
    // Only the form's two 8 px gaps between the field and the button.
    expect(box(button).top).to.be.closeTo(box(input).bottom + 16, 1);
    hint.append('Enter the code');
    expect(getComputedStyle(hint).color).to.equal('rgb(179, 38, 30)');
    expect(getComputedStyle(hint).borderTopStyle).to.equal('none');
  });

  it('anchored: a bordered bubble with an arrow, border kept in forced colours', async () => {
    const { controller, input, hint, arrow } = await form();
    await controller.anchor(input, hint, hintOptions(arrow));
    await placedUnder(hint, input);
    const style = getComputedStyle(hint);
    expect(style.borderTopStyle).to.equal('solid');
    expect(style.borderTopColor).to.equal('rgb(179, 38, 30)');
    expect(style.backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(arrow).display).to.equal('block');
    expect(getComputedStyle(arrow).borderTopColor).to.equal('rgb(179, 38, 30)');

    await emulateMedia({ forcedColors: 'active' });
    expect(getComputedStyle(hint).borderTopStyle).to.equal('solid');
    expect(getComputedStyle(hint).borderTopColor).to.not.equal(
      getComputedStyle(hint).backgroundColor,
    );
  });
});
