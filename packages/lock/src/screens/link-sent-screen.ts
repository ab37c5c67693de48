import { html, type TemplateResult } from 'lit';
import { changeEmailButton, resendButton } from './code-screen.js';
import type { IdOf, Translate } from './types.js';

/** What the "check your inbox" screen of magic-link mode needs. */
export interface LinkSentScreenProps {
  t: Translate;
  id: IdOf;
  resendIn: number;
  busy: boolean;
  error: TemplateResult;
  onResend: () => void;
  onChangeEmail: () => void;
}

/** Magic-link mode after sending: what to do next, resend, or change the email. */
export function linkSentScreen(p: LinkSentScreenProps): TemplateResult {
  const { t } = p;
  return html`<div class="pl-link-sent">
    <p class="pl-instructions">${t('link.instructions')}</p>
    ${p.error} ${resendButton(t, p.id, 'link.resend', p.resendIn, p.busy, p.onResend)}
    ${changeEmailButton(t, p.busy, p.onChangeEmail)}
  </div>`;
}
