import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LANGUAGE_NAMES } from '../src/i18n/language-names.js';
import { SUPPORTED_LANGUAGES } from '../src/i18n/locales.js';
import { $, expectAccessible, focused, focusedName, page, query, text } from './helpers.js';
import { passwordlessServer } from './server-stub.js';

let server: ReturnType<typeof passwordlessServer>;

beforeEach(() => {
  localStorage.clear();
  server = passwordlessServer();
});
afterEach(() => server.restore());

const withMenu = 'language="en" language-menu';

describe('language menu', () => {
  it('is off unless asked for', async () => {
    const { lock } = await page();
    expect(query(lock, '#language-button')).to.equal(null);
  });

  it('switches language by keyboard alone, and gives focus back to its button', async () => {
    const { lock } = await page(withMenu);
    await lock.show();
    const button = $(lock, '#language-button');
    expect(button.getAttribute('aria-label')).to.equal('Language: English');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(lock)?.getAttribute('role') === 'menuitemradio', 'no item focus');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(focused(lock)?.getAttribute('aria-checked')).to.equal('true');
    expect(focused(lock)?.textContent?.trim()).to.equal('English');
    await expectAccessible(lock);

    // Every locale of the registry, English first, each in its own name and language.
    const items = [...lock.renderRoot.querySelectorAll('[role="menuitemradio"]')];
    expect(items.map((item) => item.getAttribute('lang'))).to.deep.equal(SUPPORTED_LANGUAGES);
    expect(items.find((item) => item.getAttribute('lang') === 'de')?.textContent?.trim()).to.equal(
      'Deutsch',
    );
    await sendKeys({ press: 'End' });
    expect(focused(lock)?.getAttribute('lang')).to.equal(SUPPORTED_LANGUAGES.at(-1));
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(lock)?.getAttribute('lang')).to.equal('en');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(lock)?.getAttribute('lang')).to.equal(SUPPORTED_LANGUAGES.at(-1));
    await sendKeys({ press: 'Home' });
    // Type-ahead: each "f" goes to the next name starting with F (Filipino, then Français).
    const f = SUPPORTED_LANGUAGES.map((tag) => LANGUAGE_NAMES[tag]!).filter((n) =>
      n.startsWith('F'),
    );
    for (const name of f.slice(0, f.indexOf('Français') + 1)) {
      await sendKeys({ press: 'f' });
      expect(focused(lock)?.textContent?.trim()).to.equal(name);
    }
    await sendKeys({ press: 'Enter' });
    await lock.updateComplete;

    expect(lock.language).to.equal('fr');
    expect(text(lock, 'h2')).to.equal('Connexion');
    expect($(lock, 'dialog').getAttribute('lang')).to.equal('fr');
    expect(query(lock, '[role="menuitemradio"]')).to.equal(null);
    expect(focused(lock)).to.equal($(lock, '#language-button'));
    expect($(lock, '#language-button').getAttribute('aria-label')).to.equal('Langue: Français');
  });

  it('closes on Escape without closing the dialog', async () => {
    const { lock } = await page(withMenu);
    await lock.show();
    $(lock, '#language-button').focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focused(lock)?.getAttribute('role') === 'menuitemradio', 'no item focus');
    await sendKeys({ press: 'Escape' });
    await aTimeout(20);
    expect(lock.open).to.equal(true);
    expect($(lock, '#language-menu').hidden).to.equal(true);
    expect(focusedName(lock)).to.equal('language-button');
  });

  it('sits anchored under its button, inside the viewport, in RTL too', async () => {
    const { lock } = await page(withMenu);
    lock.language = 'ar';
    await lock.show();
    $(lock, '#language-button').click();
    const menu = $(lock, '#language-menu');
    // The dialog may still move (the Arabic strings arriving, the opening animation), and
    // autoUpdate follows it a frame later: wait for the placement to settle under the button.
    const gap = () =>
      menu.getBoundingClientRect().top - $(lock, '#language-button').getBoundingClientRect().bottom;
    await waitUntil(
      () => menu.style.top !== '' && Math.abs(gap() - 4) <= 1,
      'the menu was never placed under its button',
    );
    const box = menu.getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(window.innerWidth);
  });

  it('keeps its list, however long, inside the viewport, scrolled to the focused language', async () => {
    const { lock } = await page(withMenu);
    await lock.show();
    $(lock, '#language-button').focus();
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => focused(lock)?.getAttribute('role') === 'menuitemradio', 'no item focus');
    const menu = $(lock, '#language-menu');
    await waitUntil(() => menu.style.top !== '', 'the menu was never placed');
    expect(getComputedStyle(menu).position).to.equal('fixed');
    const box = menu.getBoundingClientRect();
    expect(box.top).to.be.at.least(0);
    expect(box.bottom).to.be.at.most(window.innerHeight);
    const last = focused(lock)!.getBoundingClientRect();
    expect(focused(lock)?.getAttribute('lang')).to.equal(SUPPORTED_LANGUAGES.at(-1));
    expect(last.top).to.be.at.least(box.top);
    expect(last.bottom).to.be.at.most(box.bottom);
  });

  it('releases its floating-ui placement when the element leaves the page with the menu open', async () => {
    const { lock } = await page(withMenu);
    await lock.show();
    $(lock, '#language-button').click();
    const menu = $(lock, '#language-menu');
    await waitUntil(() => menu.hasAttribute('data-anchored'), 'the menu was never anchored');
    lock.remove();
    expect(menu.hasAttribute('data-anchored')).to.equal(false);
    expect(menu.style.top).to.equal('');
  });
});
