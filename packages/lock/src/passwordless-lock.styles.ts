import { css } from 'lit';

export default css`
  :host {
    /* Each token is light-dark(light, dark); color-scheme below picks one (theme attribute). */
    --_primary: var(--pl-color-primary, light-dark(#3949ab, #9fa8da));
    --_on-primary: var(--pl-color-on-primary, light-dark(#fff, #10131a));
    --_text: var(--pl-color-text, light-dark(#1f2328, #e6edf3));
    --_muted: var(--pl-color-muted, light-dark(#57606a, #9da7b3));
    --_background: var(--pl-color-background, light-dark(#fff, #161b22));
    --_border: var(--pl-color-border, light-dark(#8c959f, #6e7681));
    --_error: var(--pl-color-error, light-dark(#b3261e, #ff8a80));
    --_radius: var(--pl-radius, 8px);
    --_width: var(--pl-width, 360px);
    --_spacing: var(--pl-spacing, 0.75rem);

    color-scheme: light;
    display: block;
    font-family: var(--pl-font-family, system-ui, sans-serif);
    font-size: 1rem;
    line-height: 1.5;
    color: var(--_text);
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  :host([theme='auto']) {
    color-scheme: light dark;
  }

  :host(:not([inline])) {
    /* The modal lives in the top layer; the host itself takes no room in the page. */
    display: contents;
  }

  [hidden] {
    display: none !important;
  }

  dialog {
    box-sizing: border-box;
    width: min(var(--_width), calc(100vw - 1rem));
    max-height: calc(100dvh - 1rem);
    padding: 0;
    border: none;
    border-radius: var(--_radius);
    background: var(--_background);
    color: inherit;
    font: inherit;
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  /* Motion only for those who have not asked for less (WCAG 2.3.3). */
  @media (prefers-reduced-motion: no-preference) {
    dialog[open] {
      animation: pl-enter 160ms ease-out;
    }
  }

  @keyframes pl-enter {
    from {
      opacity: 0;
      transform: translateY(0.5rem);
    }
  }

  .inline {
    box-sizing: border-box;
    max-width: var(--_width);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }

  .panel {
    display: flex;
    flex-direction: column;
    gap: var(--_spacing);
    padding: 1.25rem;
    color: var(--_text);
  }

  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }

  .logo {
    max-block-size: 48px;
    max-inline-size: 96px;
  }

  h2 {
    flex: 1;
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
  }

  /* The header's buttons (close, language) and the menu's items (language-menu.styles.ts): quiet
     controls. The screen's buttons are light DOM, styled by screen.styles.ts. */
  button {
    box-sizing: border-box;
    min-width: 24px;
    min-height: 32px;
    padding: 0 0.5rem;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_primary);
    font: inherit;
    cursor: pointer;
  }

  button.close {
    display: grid;
    place-items: center;
    min-width: 32px;
    padding: 0;
    color: var(--_muted);
  }

  button:focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }

  .status {
    margin: 0;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  .status:empty {
    /* Still in the accessibility tree (so the live region keeps working), just taking no room. */
    margin-block: -0.25rem;
  }

  @media (forced-colors: active) {
    button:focus-visible {
      outline-color: Highlight;
    }

    dialog,
    .inline {
      border: 1px solid CanvasText;
    }
  }
`;
