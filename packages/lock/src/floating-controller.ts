import type { MiddlewareState, Placement, Strategy } from '@floating-ui/dom';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How {@link FloatingController.anchor} places a floating element. */
export interface AnchorOptions {
  /** Side, then alignment; `start`/`end` follow the floating element's direction (RTL). */
  placement: Placement;
  /** `fixed` over the page (the menu); `absolute` in the offset parent (a hint in its form). */
  strategy: Strategy;
  /** Gap between the reference and the floating element, in px. Default 4. */
  offset?: number;
  /** Move to the opposite side when there is no room. Off: the placement side is kept. */
  flip?: boolean;
  /** An element inside the floating one that is moved to point at the reference. */
  arrow?: HTMLElement;
  /**
   * Give the reference a block-end margin as tall as the floating element plus the gap, so a
   * floating element below it has room of its own and pushes what follows down instead of
   * covering it (WCAG 2.4.11).
   */
  reserveSpace?: boolean;
}

/**
 * Keeps a floating element (the language menu, a field's error hint) anchored to its reference
 * with @floating-ui/dom, following scroll, resize and layout changes, and stops following when told
 * to or when the host leaves the page. floating-ui is loaded on first use, so pages that never
 * anchor anything never download it.
 *
 * While anchored, the floating element has a `data-anchored` attribute holding the placement in
 * use, so CSS can take it out of the flow; on release it goes back to the flow, with no placement
 * styles.
 */
export class FloatingController implements ReactiveController {
  #cleanup: (() => void) | null = null;
  #reference: HTMLElement | null = null;
  /** Bumped by every anchor/release, so a release during the lazy import (or a placement) wins. */
  #generation = 0;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** What the floating element is anchored to (or is being anchored to, while floating-ui loads). */
  get reference(): HTMLElement | null {
    return this.#reference;
  }

  /** Places `floating` next to `reference` and keeps it there until {@link release}. */
  async anchor(
    reference: HTMLElement,
    floating: HTMLElement,
    options: AnchorOptions,
  ): Promise<void> {
    this.release();
    this.#reference = reference;
    const generation = ++this.#generation;
    const floatingUi = await import('@floating-ui/dom');
    if (generation !== this.#generation) return;
    const { placement, strategy, offset = 4, arrow, reserveSpace } = options;
    const middleware = [
      floatingUi.offset(offset),
      options.flip && floatingUi.flip(),
      floatingUi.shift({ padding: 8 }),
      // After shift(), so it points at the reference wherever the bubble was moved to.
      arrow && floatingUi.arrow({ element: arrow, padding: 8 }),
      reserveSpace && {
        name: 'reserveSpace',
        // rects are in CSS px, unrounded (unlike offsetHeight) and untouched by transforms (an
        // opening animation).
        fn: ({ rects }: MiddlewareState) => {
          if (generation === this.#generation) {
            const room = rects.floating.height ? rects.floating.height + offset : 0;
            reference.style.setProperty('margin-block-end', `${room}px`);
          }
          return {};
        },
      },
    ];
    floating.setAttribute('data-anchored', placement);
    const place = async () => {
      const position = await floatingUi.computePosition(reference, floating, {
        placement,
        strategy,
        middleware,
      });
      if (generation !== this.#generation) return;
      // The CSSOM, not a style attribute: allowed under a strict style-src. Physical left/top are
      // what floating-ui computes, in RTL too.
      floating.style.setProperty('left', `${position.x}px`);
      floating.style.setProperty('top', `${position.y}px`);
      floating.setAttribute('data-anchored', position.placement);
      const pointer = position.middlewareData.arrow;
      if (arrow && pointer?.x != null) arrow.style.setProperty('left', `${pointer.x}px`);
      if (arrow && pointer?.y != null) arrow.style.setProperty('top', `${pointer.y}px`);
    };
    const stop = floatingUi.autoUpdate(reference, floating, () => void place());
    this.#cleanup = () => {
      stop();
      if (reserveSpace) reference.style.removeProperty('margin-block-end');
      for (const element of [floating, arrow]) {
        element?.style.removeProperty('left');
        element?.style.removeProperty('top');
      }
      floating.removeAttribute('data-anchored');
    };
  }

  /** Stops following and puts the floating element back in the flow. */
  release(): void {
    this.#generation++;
    this.#reference = null;
    this.#cleanup?.();
    this.#cleanup = null;
  }

  hostDisconnected(): void {
    this.release();
  }
}
