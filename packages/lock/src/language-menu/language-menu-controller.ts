import { type ReactiveController, type ReactiveControllerHost } from 'lit';
import { FloatingController } from '../floating-controller.js';
import { SUPPORTED_LANGUAGES } from '../i18n/locales.js';
import type { Translate } from '../screens/types.js';
import { languageMenu } from './language-menu-template.js';
import menuStyles from './language-menu.styles.js';

/** What the menu needs from the element that shows it. */
export interface LanguageMenuHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly shadowRoot: ShadowRoot | null;
}

export interface LanguageMenuOptions {
  t: Translate;
  /** The language shown now. */
  current: () => string;
  /** Switches the element to `language`. */
  choose: (language: string) => void;
}

/**
 * The header's language menu (a WAI-ARIA menu button): its open state, keyboard handling and
 * floating-ui placement. Loaded, with floating-ui, only by elements that have `language-menu`.
 */
export class LanguageMenuController implements ReactiveController {
  readonly #host: LanguageMenuHost;
  readonly #options: LanguageMenuOptions;
  readonly #floating: FloatingController;
  #open = false;

  constructor(host: LanguageMenuHost, options: LanguageMenuOptions) {
    this.#host = host;
    this.#options = options;
    this.#floating = new FloatingController(host);
    host.addController(this);
    // A constructed sheet, as Lit adopts the element's own: allowed under a strict style-src.
    const root = host.shadowRoot;
    const sheet = menuStyles.styleSheet;
    if (root && sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  get isOpen(): boolean {
    return this.#open;
  }

  render() {
    const { t, current } = this.#options;
    return languageMenu({
      t,
      languages: SUPPORTED_LANGUAGES,
      current: current(),
      open: this.#open,
      onToggle: this.#toggle,
      onKeydown: this.#onKeydown,
      onFocusout: this.#onFocusout,
      onChoose: this.#choose,
    });
  }

  /** Closes the menu; with `returnFocus`, focus goes back to its button. */
  close(returnFocus: boolean): void {
    if (!this.#open) return;
    this.#open = false;
    this.#floating.release();
    this.#host.requestUpdate();
    if (returnFocus) this.#element('language-button')?.focus();
  }

  hostDisconnected(): void {
    this.#open = false;
  }

  async #openMenu(focus: 'checked' | 'first' | 'last'): Promise<void> {
    this.#open = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const button = this.#element('language-button');
    const menu = this.#element('language-menu');
    if (!button || !menu) return;
    void this.#floating.anchor(button, menu, {
      placement: 'bottom-end',
      strategy: 'fixed',
      flip: true,
    });
    const items = this.#items();
    const target =
      focus === 'first'
        ? items[0]
        : focus === 'last'
          ? items.at(-1)
          : (items.find((item) => item.getAttribute('aria-checked') === 'true') ?? items[0]);
    target?.focus();
  }

  #element(id: string): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>(`#${id}`);
  }

  #items(): HTMLElement[] {
    return [...this.#host.renderRoot.querySelectorAll<HTMLElement>('[role="menuitemradio"]')];
  }

  readonly #toggle = (): void => {
    if (this.#open) this.close(true);
    else void this.#openMenu('checked');
  };

  readonly #choose = (language: string): void => {
    this.#options.choose(language);
    this.close(true);
  };

  /** Arrows, Home, End and a name's first letter move through the menu; Escape and Tab leave it. */
  readonly #onKeydown = (event: KeyboardEvent): void => {
    if ((event.currentTarget as HTMLElement).id === 'language-button') {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        void this.#openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
      }
      return;
    }
    const items = this.#items();
    const index = items.indexOf(this.#host.shadowRoot?.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape') {
      // Handled here so the dialog does not take it as a request to close.
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
    } else if (event.key === 'Tab') this.close(false);
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Type-ahead, as the menu pattern has it: the next language whose name starts with the key.
      const key = event.key.toLocaleLowerCase();
      const next = [...items.slice(index + 1), ...items.slice(0, index + 1)].find((item) =>
        item.textContent?.trim().toLocaleLowerCase().startsWith(key),
      );
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  };

  /** Focus leaving the menu and its button (a click elsewhere, Tab) closes the menu. */
  readonly #onFocusout = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (next && (event.currentTarget as HTMLElement).contains(next)) return;
    this.close(false);
  };
}
