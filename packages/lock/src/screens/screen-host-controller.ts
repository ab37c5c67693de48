import {
  render,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { FloatingController } from '../floating-controller.js';
import { adoptScreenStyles } from './screen.styles.js';
import type { Field } from './types.js';

/** Numbers the elements of a page, so the ids of their screens never collide. */
let hostCount = 0;

/** What the screen host needs from its element. */
export type ScreenHostElement = ReactiveControllerHost & HTMLElement;

/**
 * The current screen (form, labels, fields, hints, error) lives in the element's light DOM, in a
 * `div.pl-screen` slotted into the panel: browsers and password managers look for fields in the
 * page's DOM, and Safari's autofill does not reach into shadow roots. This controller owns that
 * container: creating it on first connection (never on a server), rendering into it, the ids of
 * its parts, focus, and the error bubble anchored under the field it is about.
 */
export class ScreenHostController implements ReactiveController {
  readonly #host: ScreenHostElement;
  readonly #idPrefix = `pl${++hostCount}-`;
  /** Keeps the error message anchored under the field it is about. */
  readonly #hint: FloatingController;
  #screen: HTMLElement | null = null;

  constructor(host: ScreenHostElement) {
    this.#host = host;
    this.#hint = new FloatingController(host);
    host.addController(this);
  }

  /** The id in the page of the screen's `name` (`email`, `error`, …). */
  readonly idOf = (name: string): string => this.#idPrefix + name;

  /** The container, once created. */
  get element(): HTMLElement | null {
    return this.#screen;
  }

  hostConnected(): void {
    adoptScreenStyles(this.#host.getRootNode());
    this.#attach();
  }

  /**
   * Renders `screen` into the container (kept up to date while the element is out of the page),
   * and anchors the error message under `errorField`.
   */
  render(screen: TemplateResult, lang: string, dir: string, errorField: Field | null): void {
    const container = this.#host.isConnected ? this.#attach() : this.#screen;
    if (!container) return;
    container.lang = lang;
    container.dir = dir;
    render(screen, container, { host: this.#host });
    this.#anchorError(errorField);
  }

  /** The screen's element named `name`, if it shows now. */
  field(name: string): HTMLElement | null {
    return this.#screen?.querySelector<HTMLElement>(`#${this.idOf(name)}`) ?? null;
  }

  /** Puts focus on the screen's `name`, once the host has rendered. */
  async focus(name: string): Promise<void> {
    await this.#host.updateComplete;
    this.field(name)?.focus();
  }

  /**
   * Creates the container, or puts it back: a framework that owns the element's children (React
   * when it hydrates, say) may remove it, and the next update returns it.
   */
  #attach(): HTMLElement {
    if (!this.#screen) {
      this.#screen = document.createElement('div');
      this.#screen.className = 'pl-screen';
      this.#screen.slot = 'screen';
    }
    if (this.#screen.parentNode !== this.#host) this.#host.append(this.#screen);
    return this.#screen;
  }

  /**
   * Shows an error about a field as a bubble right under that field (in room of its own, so it
   * covers nothing), and other errors (network, server) in the flow. floating-ui loads with the
   * first such error.
   */
  #anchorError(errorField: Field | null): void {
    const message = this.field('error');
    const name = message?.textContent?.trim() ? errorField : null;
    const field = name ? this.field(name) : null;
    const reference = name === 'terms' ? (field?.closest('label') ?? null) : field;
    if (reference === this.#hint.reference) return;
    this.#hint.release();
    if (!reference || !message) return;
    void this.#hint.anchor(reference, message, {
      placement: 'bottom-start',
      strategy: 'absolute',
      // Clear of the field's focus ring (3 px outline, 2 px offset) and of the arrow.
      offset: 12,
      arrow: message.querySelector<HTMLElement>('.pl-arrow') ?? undefined,
      reserveSpace: true,
    });
  }
}
