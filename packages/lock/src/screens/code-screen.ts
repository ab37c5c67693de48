import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { describedBy, type IdOf, type Translate } from './types.js';

/** What the code screen shows and what it reports back. */
export interface CodeScreenProps {
  t: Translate;
  id: IdOf;
  code: string;
  /** Seconds until the code expires; `null` when the server did not say. */
  expiresIn: number | null;
  /** Seconds until a new code may be asked for (0: now). */
  resendIn: number;
  invalid: boolean;
  hasError: boolean;
  busy: boolean;
  error: TemplateResult;
  onCodeInput: (event: InputEvent) => void;
  onCodePaste: (event: ClipboardEvent) => void;
  onSubmit: (event: SubmitEvent) => void;
  onResend: () => void;
  onChangeEmail: () => void;
}

/** `m:ss`, the way a countdown reads in every shipped language. */
export function minutesAndSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The code screen: one field (no digit boxes, which break autofill and paste), the code's expiry,
 * resend with the server's cooldown, and a way back to change the email.
 */
export function codeScreen(p: CodeScreenProps): TemplateResult {
  const { t, id } = p;
  return html`<form class="pl-code-form" novalidate @submit=${p.onSubmit}>
    <label for=${id('code')}>${t('code.label')}</label>
    <input
      id=${id('code')}
      class="pl-code-input"
      name="code"
      type="text"
      inputmode="numeric"
      autocomplete="one-time-code"
      spellcheck="false"
      required
      .value=${p.code}
      @input=${p.onCodeInput}
      @paste=${p.onCodePaste}
      aria-invalid=${p.invalid ? 'true' : nothing}
      aria-describedby=${ifDefined(
        describedBy(id, 'code-hint', p.expiresIn !== null && 'expiry', p.hasError && 'error'),
      )}
    />
    <p id=${id('code-hint')} class="pl-hint">${t('code.hint')}</p>
    ${
      p.expiresIn === null
        ? nothing
        : html`<p id=${id('expiry')} class="pl-hint pl-expiry">
            ${
              p.expiresIn > 0
                ? t('code.expiresIn', { time: minutesAndSeconds(p.expiresIn) })
                : t('code.expired')
            }
          </p>`
    }
    ${p.error}
    <button type="submit" class="pl-submit-button" ?disabled=${p.busy}>${t('code.submit')}</button>
    ${resendButton(t, id, 'code.resend', p.resendIn, p.busy, p.onResend)}
    ${changeEmailButton(t, p.busy, p.onChangeEmail)}
  </form>`;
}

/** "Use a different email": back to the email screen. */
export function changeEmailButton(
  t: Translate,
  busy: boolean,
  onChangeEmail: () => void,
): TemplateResult {
  return html`<button
    type="button"
    class="pl-secondary pl-back-button"
    ?disabled=${busy}
    @click=${onChangeEmail}
  >
    ${t('code.changeEmail')}
  </button>`;
}

/** "Send a new code", disabled with a countdown while the server's cooldown runs. */
export function resendButton(
  t: Translate,
  id: IdOf,
  label: string,
  resendIn: number,
  busy: boolean,
  onResend: () => void,
): TemplateResult {
  return html`<button
      type="button"
      class="pl-secondary pl-resend-button"
      ?disabled=${busy || resendIn > 0}
      aria-describedby=${ifDefined(describedBy(id, resendIn > 0 && 'resend-countdown'))}
      @click=${onResend}
    >
      ${t(label)}
    </button>
    ${
      resendIn > 0
        ? html`<p id=${id('resend-countdown')} class="pl-hint pl-resend-countdown">
            ${t('code.resendIn', { count: resendIn })}
          </p>`
        : nothing
    }`;
}
