import { css } from 'lit';

/**
 * The language menu's own styles, loaded with it: pages without `language-menu` never download
 * them. Its button is one of the header's buttons (passwordless-lock.styles.ts).
 */
export default css`
  .menu {
    /* Physical on purpose: floating-ui computes left/top in viewport coordinates, in RTL too. */
    position: fixed;
    top: 0;
    left: 0;
    width: max-content;
    z-index: 1;
    display: flex;
    flex-direction: column;
    min-inline-size: 10rem;
    padding: 0.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.25);
    /* Fifty languages are taller than most screens: the list scrolls. */
    max-block-size: min(24rem, 50vh);
    overflow-y: auto;
  }

  .menu button {
    flex: none;
    min-height: 36px;
    padding: 0.5rem 1rem;
    border: none;
    color: var(--_text);
    text-align: start;
  }

  .menu button[aria-checked='true'] {
    font-weight: 700;
  }

  .menu button[aria-checked='true']::after {
    content: ' ✓' / '';
  }
`;
