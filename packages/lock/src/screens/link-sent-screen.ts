import { html, type TemplateResult } from 'lit';
import { resendActions, type ResendProps } from './resend-actions.js';

/** What the "check your inbox" screen reports back besides resending. */
export interface LinkSentScreenProps extends ResendProps {
  /** "Enter the code instead": the link mail carries its code, for a link opened elsewhere. */
  onEnterCode: () => void;
}

/**
 * Magic-link mode after sending: what to do next, type the mail's code instead (a page hides
 * that with `.pl-enter-code { display: none }`), resend, or change the email.
 */
export function linkSentScreen(p: LinkSentScreenProps): TemplateResult {
  return html`<div class="pl-link-sent">
    <p class="pl-instructions">${p.t('link.instructions')}</p>
    ${p.error}
    <button
      type="button"
      class="pl-secondary pl-enter-code"
      ?disabled=${p.busy}
      @click=${p.onEnterCode}
    >
      ${p.t('link.enterCode')}
    </button>
    ${resendActions(p, 'link.resend')}
  </div>`;
}
