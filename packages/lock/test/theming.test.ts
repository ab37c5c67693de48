import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { $, expectAccessible, page, screenOf, toCodeStep } from './helpers.js';
import { passwordlessServer } from './server-stub.js';

let server: ReturnType<typeof passwordlessServer>;

beforeEach(() => {
  localStorage.clear();
  server = passwordlessServer();
});
afterEach(async () => {
  server.restore();
  await emulateMedia({
    colorScheme: 'light',
    reducedMotion: 'no-preference',
    forcedColors: 'none',
  });
  await setViewport({ width: 800, height: 600 });
});

const background = (el: Element) => getComputedStyle(el).backgroundColor;

describe('theming', () => {
  it('is light by default and dark with theme="dark"', async () => {
    const { lock } = await page();
    await lock.show();
    expect(background($(lock, 'dialog'))).to.equal('rgb(255, 255, 255)');
    lock.theme = 'dark';
    await lock.updateComplete;
    expect(background($(lock, 'dialog'))).to.equal('rgb(22, 27, 34)');
    await expectAccessible(lock);
  });

  it('follows prefers-color-scheme with theme="auto"', async () => {
    const { lock } = await page('theme="auto"');
    await lock.show();
    await emulateMedia({ colorScheme: 'dark' });
    expect(background($(lock, 'dialog'))).to.equal('rgb(22, 27, 34)');
    await emulateMedia({ colorScheme: 'light' });
    expect(background($(lock, 'dialog'))).to.equal('rgb(255, 255, 255)');
  });

  it('lets --pl-* custom properties win over the theme', async () => {
    const { lock } = await page('theme="dark" style="--pl-color-background: rgb(1, 2, 3)"');
    expect(background($(lock, 'dialog'))).to.equal('rgb(1, 2, 3)');
  });

  it('takes primary-color and logo as Lock does', async () => {
    const { lock } = await page(
      'primary-color="rgb(0, 100, 0)" logo="data:image/gif;base64,R0lGODlhAQABAAAAACw="',
    );
    await lock.show();
    expect(background($(lock, 'button[type="submit"]'))).to.equal('rgb(0, 100, 0)');
    const logo = $<HTMLImageElement>(lock, 'img[part="logo"]');
    expect(logo.alt).to.equal('');
    await expectAccessible(lock);
  });

  it('has a part on every region of the frame and a class on every region of a screen', async () => {
    const { lock } = await page();
    await toCodeStep(lock);
    const parts = new Set(
      [...lock.shadowRoot!.querySelectorAll('[part]')].flatMap((el) =>
        el.getAttribute('part')!.split(' '),
      ),
    );
    for (const part of ['dialog', 'panel', 'header', 'heading', 'close-button', 'status']) {
      expect(parts, part).to.include(part);
    }
    const unnamed = [...lock.shadowRoot!.querySelectorAll('p, h2, button')]
      .filter((el) => !el.hasAttribute('part'))
      .map((el) => el.outerHTML);
    expect(unnamed).to.deep.equal([]);
    const screen = screenOf(lock);
    for (const name of [
      'code-form',
      'code-input',
      'hint',
      'expiry',
      'error',
      'submit-button',
      'resend-button',
      'resend-countdown',
      'back-button',
    ]) {
      expect(screen.querySelector(`.pl-${name}`), name).not.to.equal(null);
    }
    const unclassed = [...screen.querySelectorAll('p, form, input, button')]
      .filter((el) => ![...el.classList].some((name) => name.startsWith('pl-')))
      .map((el) => el.outerHTML);
    expect(unclassed).to.deep.equal([]);
  });

  it('lets the page style a screen with its classes', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('passwordless-lock .pl-submit-button { border-radius: 0; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      const { lock } = await page();
      await lock.show();
      expect(getComputedStyle($(lock, '.pl-submit-button')).borderTopLeftRadius).to.equal('0px');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });

  it('animates opening only without prefers-reduced-motion', async () => {
    const { lock } = await page();
    await lock.show();
    expect(getComputedStyle($(lock, 'dialog')).animationName).to.equal('pl-enter');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle($(lock, 'dialog')).animationName).to.equal('none');
  });

  it('keeps system colours and stays accessible in forced-colors mode', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const { lock } = await page();
    await toCodeStep(lock);
    expect(getComputedStyle($(lock, 'dialog')).borderStyle).to.equal('solid');
    await expectAccessible(lock);
  });

  it('fits a 320 px wide viewport as a modal (also what 200% zoom of 640 px gives)', async () => {
    await setViewport({ width: 320, height: 640 });
    const { lock } = await page();
    await toCodeStep(lock);
    const dialog = $(lock, 'dialog');
    expect(dialog.getBoundingClientRect().right).to.be.at.most(320);
    expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
    const buttons = [
      ...lock.shadowRoot!.querySelectorAll('button'),
      ...screenOf(lock).querySelectorAll('button'),
    ];
    expect(buttons.length).to.be.at.least(4);
    for (const button of buttons) {
      const box = button.getBoundingClientRect();
      expect(Math.min(box.width, box.height), button.outerHTML).to.be.at.least(24);
    }
  });

  it('reflows at 200% zoom of a 640 px wide window', async () => {
    await setViewport({ width: 640, height: 800 });
    document.documentElement.style.zoom = '2';
    try {
      const { lock } = await page();
      await toCodeStep(lock);
      const dialog = $(lock, 'dialog');
      expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(
        document.documentElement.clientWidth,
      );
      await expectAccessible(lock);
    } finally {
      document.documentElement.style.zoom = '';
    }
  });
});
