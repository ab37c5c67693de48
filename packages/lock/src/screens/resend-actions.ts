import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { describedBy, type ScreenProps } from './types.js';

/** What the screens after sending (the code, the magic link's "check your inbox") offer. */
export interface ResendProps extends ScreenProps {
  /** Seconds until a new code (or link) may be asked for (0: now). */
  resendIn: number;
  onResend: () => void;
  onChangeEmail: () => void;
}

/**
 * "Send a new code" (or link), disabled with a countdown while the server's cooldown runs, then
 * "Use a different email", back to the email screen.
 *
 * @param resendLabel - The key of the resend button's text (`code.resend`, `link.resend`).
 */
export function resendActions(p: ResendProps, resendLabel: string): TemplateResult {
  const { t, id, busy, resendIn } = p;
  return html`<button
      type="button"
      class="pl-secondary pl-resend-button"
      ?disabled=${busy || resendIn > 0}
      aria-describedby=${ifDefined(describedBy(id, resendIn > 0 && 'resend-countdown'))}
      @click=${p.onResend}
    >
      ${t(resendLabel)}
    </button>
    ${
      resendIn > 0
        ? html`<p id=${id('resend-countdown')} class="pl-hint pl-resend-countdown">
            ${t('code.resendIn', { count: resendIn })}
          </p>`
        : nothing
    }
    <button
      type="button"
      class="pl-secondary pl-back-button"
      ?disabled=${busy}
      @click=${p.onChangeEmail}
    >
      ${t('code.changeEmail')}
    </button>`;
}
