import { css } from 'lit';
import errorHintStyles from '../error-hint.styles.js';

/**
 * The screens' styles. The screens live in the page's DOM (slotted into the element's dialog), so
 * these rules go into the page's (or the enclosing shadow root's) adopted style sheets, scoped to
 * `.pl-screen`: a class plus an element beats the page's own element rules (`button { … }`), and a
 * page that wants to restyle a screen can. The colours are the element's `--_*` tokens, which the
 * screen inherits through its slot.
 */
const screenStyles = css`
  .pl-screen {
    form,
    .pl-link-sent {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      margin: 0;
    }

    form {
      /* The containing block of an error hint anchored to its field. */
      position: relative;
    }

    p {
      margin: 0;
    }

    label {
      display: block;
      margin: 0;
      font-weight: 600;
    }

    /* Fields and buttons alike: 44 px tall at least (WCAG 2.5.5 target size), in the widget's radius
       and font. */
    input,
    button {
      box-sizing: border-box;
      min-height: 44px;
      margin: 0;
      border-radius: var(--_radius);
      font: inherit;
    }

    input {
      width: 100%;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      background: var(--_background);
      color: inherit;
    }

    .pl-code-input {
      font-variant-numeric: tabular-nums;
      letter-spacing: 0.2em;
    }

    input[aria-invalid='true'] {
      border-color: var(--_error);
      border-width: 2px;
    }

    button {
      min-width: 24px;
      padding: 0.5rem 1rem;
      border: 1px solid var(--_primary);
      background: var(--_primary);
      color: var(--_on-primary);
      font-weight: 600;
      cursor: pointer;
    }

    button:disabled {
      opacity: 0.6;
      cursor: progress;
    }

    .pl-secondary {
      background: transparent;
      color: var(--_primary);
      border-color: transparent;
    }

    :is(button, input):focus-visible {
      outline: 3px solid var(--_primary);
      outline-offset: 2px;
    }

    .pl-error:empty {
      /* Still in the accessibility tree (so the live region keeps working), just taking no room. */
      margin-block: -0.25rem;
    }

    .pl-hint {
      color: var(--_muted);
      font-size: 0.875rem;
    }

    .pl-terms {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      font-weight: normal;
    }

    .pl-terms input {
      inline-size: 24px;
      block-size: 24px;
      min-height: 24px;
    }

    .pl-done:focus {
      outline: none;
    }
  }

  ${errorHintStyles}

  @media (forced-colors: active) {
    .pl-screen {
      :is(button, input):focus-visible {
        outline-color: Highlight;
      }

      input[aria-invalid='true'] {
        border-color: Mark;
      }

      button:disabled {
        color: GrayText;
        border-color: GrayText;
        opacity: 1;
      }
    }
  }
`;

/**
 * Adds the screens' styles to the document or shadow root the element is in, once. Adopted
 * sheets are built by script, so a strict `style-src` (no inline styles) allows them.
 */
export function adoptScreenStyles(root: Node): void {
  const sheet = screenStyles.styleSheet;
  if (!sheet || !('adoptedStyleSheets' in root)) return;
  const scope = root as Document | ShadowRoot;
  if (!scope.adoptedStyleSheets.includes(sheet)) {
    scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
  }
}
