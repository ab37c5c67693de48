import { html, nothing, type TemplateResult } from 'lit';
import type { LoginFlowController } from './login/login-flow-controller.js';
import type { FlashMessage } from './options.js';
import type { Translate } from './screens/types.js';

/** What the panel (in the shadow root, around the slotted screen) shows. */
export interface PanelProps {
  t: Translate;
  /** Whether the locale is written right to left. */
  rtl: boolean;
  flow: LoginFlowController;
  logo: string;
  flashMessage: FlashMessage | null;
  /** The language menu, when there is one. */
  languageMenu: TemplateResult | typeof nothing;
  /** The close button's click; `null` for no close button (inline, or not closable). */
  onClose: (() => void) | null;
}

/** The box: the header (logo, heading, language menu, close button), the status line, the screen. */
export function panel(p: PanelProps): TemplateResult {
  const { t } = p;
  return html`
    <div class="panel" part="panel">
      <header part="header">
        ${p.logo ? html`<img class="logo" part="logo" src=${p.logo} alt="" />` : nothing}
        <h2 id="heading" part="heading">${t('heading')}</h2>
        ${p.languageMenu}
        ${
          p.onClose
            ? html`<button
                type="button"
                class="close"
                part="button close-button"
                aria-label=${t('close')}
                @click=${p.onClose}
              >
                <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                  <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" />
                </svg>
              </button>`
            : nothing
        }
      </header>
      <p class="status" role="status" part="status">${statusText(p)}</p>
      <slot name="screen"></slot>
    </div>
  `;
}

/** The polite live region: what is under way, where the code went, or the flash message. */
function statusText({ t, rtl, flow, flashMessage: flash }: PanelProps): TemplateResult | string {
  const { pending, step } = flow;
  // An address reads left to right: isolated (FSI … PDI, UAX #9) in a right-to-left sentence,
  // its dots and the sentence's full stop stay where they belong.
  const email = rtl ? `\u2068${flow.email}\u2069` : flow.email;
  if (pending) return t(`status.${pending}`);
  if (step === 'code') return t(flow.sentAgain ? 'code.resent' : 'code.sent', { email });
  if (step === 'link-sent') return t('link.sent', { email });
  if (step === 'email' && flash && flash.type !== 'error') {
    return html`<span part="flash" class=${`flash ${flash.type}`}>${flash.text}</span>`;
  }
  return '';
}
