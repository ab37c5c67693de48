import { css } from 'lit';

/**
 * A field's error message, `p.pl-error` (the form's live region, so always in the DOM), with an
 * `aria-hidden` `span.pl-arrow` inside. In the flow it is plain error text, and empty it takes no
 * room. While FloatingController anchors it under its field (`[data-anchored]`), it is a bubble
 * pointing up at the field, positioned in the form (`position: relative`), in room that the
 * controller reserves below the field, so it covers neither the field, its label nor any control.
 * Colours come from the widget's `--_*` tokens, inherited through the slot.
 */
export default css`
  .pl-error {
    margin: 0;
    color: var(--_error);
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .pl-error > .pl-arrow {
    display: none;
  }

  .pl-error[data-anchored] {
    /* Physical on purpose: floating-ui writes left/top in the form's coordinates, in RTL too. */
    position: absolute;
    top: 0;
    left: 0;
    z-index: 1;
    box-sizing: border-box;
    width: max-content;
    max-width: 100%;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_error);
    border-radius: var(--_radius);
    background: var(--_background);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
  }

  /* Anchored but cleared: no empty bubble (the controller then reserves no room either). */
  .pl-error[data-anchored]:empty {
    display: none;
  }

  .pl-error[data-anchored] > .pl-arrow {
    /* A square turned 45° and cut to its upper half: a triangle with the bubble's border on its
       two sides. Centred on the bubble's top edge, so it hides the border under its base. */
    display: block;
    position: absolute;
    top: -5px;
    left: 0;
    box-sizing: border-box;
    width: 10px;
    height: 10px;
    border-style: solid;
    border-color: inherit;
    border-width: 1px 0 0 1px;
    background: inherit;
    clip-path: polygon(0 0, 100% 0, 0 100%);
    transform: rotate(45deg);
  }

  @media (forced-colors: active) {
    /* The shadow is dropped and the background is the page's: the border (the arrow inherits it)
       is what outlines the bubble. */
    .pl-error[data-anchored] {
      border-color: CanvasText;
    }
  }

  /* Motion only for those who have not asked for less (WCAG 2.3.3). Opacity only: the bubble never
     moves over what is around it. */
  @media (prefers-reduced-motion: no-preference) {
    .pl-error[data-anchored] {
      animation: pl-error-in 150ms ease-out;
    }

    @keyframes pl-error-in {
      from {
        opacity: 0;
      }
    }
  }
`;
