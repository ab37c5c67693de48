import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps a floating element (the language menu) anchored to its reference with @floating-ui/dom,
 * following scroll, resize and layout changes, and stops following when told to or when the host
 * leaves the page. floating-ui is loaded on first use, so pages that never open a menu never
 * download it.
 */
export class FloatingController implements ReactiveController {
  #cleanup: (() => void) | null = null;
  /** Bumped by every anchor/release, so a release during the lazy import wins. */
  #generation = 0;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Whether an element is being kept in place right now. */
  get anchored(): boolean {
    return this.#cleanup !== null;
  }

  /**
   * Places `floating` below the end of `reference` (flipping above, shifting inside the viewport)
   * and keeps it there until {@link release}.
   */
  async anchor(reference: HTMLElement, floating: HTMLElement): Promise<void> {
    this.release();
    const generation = ++this.#generation;
    const { autoUpdate, computePosition, flip, offset, shift } = await import('@floating-ui/dom');
    if (generation !== this.#generation) return;
    const place = async () => {
      const { x, y } = await computePosition(reference, floating, {
        placement: 'bottom-end',
        strategy: 'fixed',
        middleware: [offset(4), flip(), shift({ padding: 8 })],
      });
      // The CSSOM, not a style attribute: allowed under a strict style-src.
      floating.style.setProperty('left', `${x}px`);
      floating.style.setProperty('top', `${y}px`);
    };
    this.#cleanup = autoUpdate(reference, floating, () => void place());
  }

  /** Stops following. */
  release(): void {
    this.#generation++;
    this.#cleanup?.();
    this.#cleanup = null;
  }

  hostDisconnected(): void {
    this.release();
  }
}
