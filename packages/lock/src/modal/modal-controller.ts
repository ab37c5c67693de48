import {
  html,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { hideEvent, requestCloseEvent, showEvent, type CloseSource } from '../events.js';

/** What the modal needs from the element it belongs to. */
export interface ModalHost extends ReactiveControllerHost, HTMLElement {
  /** Whether the modal should be open; the controller sets it false when the user closes it. */
  open: boolean;
  readonly closable: boolean;
  /** Inline mode: no dialog, so nothing to open. */
  readonly inline: boolean;
  /** Whether focus moves into the screen when the modal opens. */
  readonly autofocus: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface ModalOptions {
  /** The light-DOM container of the current screen, whose controls Tab reaches after the header's. */
  screen: () => HTMLElement | null;
  /** Puts focus in the current screen (its first field). */
  focusScreen: () => void;
  /** Escape with a popup of the host open (the language menu): closes it; `true` when it did. */
  closePopup: () => boolean;
}

/**
 * The modal `<dialog>`: follows the host's `open` with `showModal()` and fires `show` / `hide`,
 * gives focus back to the element that opened it, keeps Tab inside, closes on Escape, a backdrop
 * click or the close button through a cancelable `request-close` (honouring `closable`), and
 * keeps the page behind it from scrolling.
 */
export class ModalController implements ReactiveController {
  readonly #host: ModalHost;
  readonly #options: ModalOptions;
  /** Where focus was before the modal opened; it goes back there on close. */
  #returnFocusTo: HTMLElement | null = null;
  /** Whether the dialog is showing, as far as the world was told (`show` / `hide` events). */
  #shown = false;
  /** The page's `overflow` before the modal locked scrolling. */
  #scrollLock: { overflow: string } | null = null;

  constructor(host: ModalHost, options: ModalOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get shown(): boolean {
    return this.#shown;
  }

  /** Remembers the focused element before the host opens, to give focus back to it on close. */
  rememberFocus(): void {
    if (!this.#host.open && !this.#shown) this.#returnFocusTo = deepActiveElement();
  }

  /** The dialog around `content`. */
  render(content: TemplateResult, lang: string, dir: string): TemplateResult {
    return html`<dialog
      part="dialog"
      aria-labelledby="heading"
      lang=${lang}
      dir=${dir}
      @cancel=${this.#onCancel}
      @close=${this.#onClose}
      @click=${this.#onClick}
      @keydown=${this.#onKeydown}
    >
      ${content}
    </dialog>`;
  }

  /** The close button's click. */
  readonly onCloseButton = (): void => this.#requestClose('close-button');

  /** Makes the native dialog follow `open`, and tells the page through `show` / `hide`. */
  hostUpdated(): void {
    const dialog = this.#host.inline ? null : this.#dialog;
    if (this.#host.open && dialog && !this.#shown) {
      this.#returnFocusTo ??= deepActiveElement();
      if (!dialog.open) dialog.showModal();
      this.#shown = true;
      this.#lockScroll();
      if (this.#host.autofocus) this.#options.focusScreen();
      this.#host.dispatchEvent(showEvent());
    } else if (!this.#host.open && this.#shown) {
      this.#shown = false;
      if (dialog?.open) dialog.close();
      this.#unlockScroll();
      const target = this.#returnFocusTo;
      this.#returnFocusTo = null;
      if (target?.isConnected) target.focus();
      this.#host.dispatchEvent(hideEvent());
    }
  }

  hostDisconnected(): void {
    // Taken out of the page: the dialog leaves the top layer, so the element is closed now.
    if (this.#shown) {
      this.#shown = false;
      this.#host.open = false;
      this.#returnFocusTo = null;
      this.#dialog?.close();
    }
    this.#unlockScroll();
  }

  get #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector('dialog');
  }

  #requestClose(source: CloseSource): void {
    if (!this.#host.closable) return;
    if (this.#host.dispatchEvent(requestCloseEvent(source))) this.#host.open = false;
  }

  /** Escape (or another close request): we decide, so `closable` is honoured. */
  readonly #onCancel = (event: Event): void => {
    event.preventDefault();
    if (!this.#options.closePopup()) this.#requestClose('keyboard');
  };

  /** A click on the backdrop reaches the dialog itself, outside its box. */
  readonly #onClick = (event: MouseEvent): void => {
    const dialog = this.#dialog;
    if (!dialog || event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) this.#requestClose('backdrop');
  };

  /**
   * Keeps Tab inside the modal. A modal `<dialog>` makes the page inert, but browsers still let
   * Tab move on from the last control to their own UI (address bar, tabs); a login box whose
   * focus wanders off there loses keyboard users.
   */
  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab') return;
    // The header's controls (shadow DOM) come before the slotted screen's, as on the screen.
    const selector = 'button, input, [href], [tabindex="0"]';
    const tabbable = [
      ...this.#host.renderRoot.querySelectorAll<HTMLElement>(selector),
      ...(this.#options.screen()?.querySelectorAll<HTMLElement>(selector) ?? []),
    ].filter((el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
    const first = tabbable[0];
    const last = tabbable.at(-1);
    const active = deepActiveElement();
    if (event.shiftKey && active === first && last) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last && first) {
      event.preventDefault();
      first.focus();
    }
  };

  /**
   * The dialog can close without us, e.g. when Chromium skips `cancel` for a repeated Escape
   * without user activation (https://html.spec.whatwg.org/#close-requests). Keep `open` true to it.
   */
  readonly #onClose = (): void => {
    if (!this.#host.open) return;
    if (this.#host.closable) {
      this.#host.open = false;
    } else {
      this.#dialog?.showModal();
      this.#options.focusScreen();
    }
  };

  /**
   * Keeps the page behind the modal from scrolling. Through the CSSOM (`style.overflow`), which
   * a strict `style-src` allows, unlike a `style` attribute or an injected `<style>`.
   */
  #lockScroll(): void {
    if (this.#scrollLock) return;
    const root = document.documentElement;
    this.#scrollLock = { overflow: root.style.overflow };
    root.style.overflow = 'hidden';
  }

  #unlockScroll(): void {
    if (!this.#scrollLock) return;
    document.documentElement.style.overflow = this.#scrollLock.overflow;
    this.#scrollLock = null;
  }
}

/** The focused element, looking inside shadow roots (a trigger may live in another component). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}
