import { html, type TemplateResult } from 'lit';
import { resendActions, type ResendProps } from './resend-actions.js';

/** Magic-link mode after sending: what to do next, resend, or change the email. */
export function linkSentScreen(p: ResendProps): TemplateResult {
  return html`<div class="pl-link-sent">
    <p class="pl-instructions">${p.t('link.instructions')}</p>
    ${p.error} ${resendActions(p, 'link.resend')}
  </div>`;
}
