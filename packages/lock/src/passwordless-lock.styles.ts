import { css } from 'lit';

export default css`
  :host {
    --_primary: var(--pl-color-primary, #3949ab);
    --_on-primary: var(--pl-color-on-primary, #fff);
    --_text: var(--pl-color-text, #1f2328);
    --_muted: var(--pl-color-muted, #57606a);
    --_background: var(--pl-color-background, #fff);
    --_border: var(--pl-color-border, #8c959f);
    --_error: var(--pl-color-error, #b3261e);
    --_radius: var(--pl-radius, 8px);
    --_width: var(--pl-width, 360px);

    display: block;
    font-family: var(--pl-font-family, system-ui, sans-serif);
    font-size: 1rem;
    line-height: 1.5;
    color: var(--_text);
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
    gap: 0.75rem;
    padding: 1.25rem;
  }

  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }

  h2 {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
  }

  form {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }

  label {
    font-weight: 600;
  }

  input {
    box-sizing: border-box;
    width: 100%;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: inherit;
    font: inherit;
  }

  input[inputmode='numeric'] {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.2em;
  }

  input[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }

  button {
    box-sizing: border-box;
    min-width: 24px;
    min-height: 44px;
    padding: 0.5rem 1rem;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }

  button.secondary {
    background: transparent;
    color: var(--_primary);
    border-color: transparent;
  }

  button.close {
    display: grid;
    place-items: center;
    min-height: 32px;
    min-width: 32px;
    padding: 0;
    background: transparent;
    color: var(--_muted);
    border-color: transparent;
  }

  :is(button, input):focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }

  .status,
  .error {
    margin: 0;
  }

  .status {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  .error {
    color: var(--_error);
    font-weight: 600;
  }

  .status:empty,
  .error:empty {
    /* Still in the accessibility tree (so the live regions keep working), just taking no room. */
    margin-block: -0.25rem;
  }

  .done {
    margin: 0;
  }

  @media (forced-colors: active) {
    :is(button, input):focus-visible {
      outline-color: Highlight;
    }
  }
`;
