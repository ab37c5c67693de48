import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { describedBy, type Field, type ScreenProps } from './types.js';

/** What the email screen shows and what it reports back. */
export interface EmailScreenProps extends ScreenProps {
  email: string;
  method: 'code' | 'link';
  allowAutocomplete: boolean;
  mustAcceptTerms: boolean;
  termsAccepted: boolean;
  /** Which field the current error is about, if any. */
  invalidField: Field | null;
  hasError: boolean;
  onEmailInput: (event: InputEvent) => void;
  onTermsChange: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
}

/** The first screen: the email address (and the terms, when they must be accepted). */
export function emailScreen(p: EmailScreenProps): TemplateResult {
  const { t, id } = p;
  const instructions = p.method === 'link' ? 'email.instructionsLink' : 'email.instructions';
  return html`<form class="pl-email-form" novalidate @submit=${p.onSubmit}>
    <p id=${id('instructions')} class="pl-instructions">${t(instructions)}</p>
    <label for=${id('email')}>${t('email.label')}</label>
    <input
      id=${id('email')}
      class="pl-email-input"
      name="email"
      type="email"
      autocomplete=${p.allowAutocomplete ? 'email' : 'off'}
      autocapitalize="off"
      spellcheck="false"
      required
      .value=${p.email}
      @input=${p.onEmailInput}
      aria-invalid=${p.invalidField === 'email' ? 'true' : nothing}
      aria-describedby=${ifDefined(describedBy(id, 'instructions', p.hasError && 'error'))}
    />
    ${
      p.mustAcceptTerms
        ? html`<label class="pl-terms">
            <input
              id=${id('terms')}
              type="checkbox"
              .checked=${p.termsAccepted}
              @change=${p.onTermsChange}
              aria-invalid=${p.invalidField === 'terms' ? 'true' : nothing}
              aria-describedby=${ifDefined(describedBy(id, p.invalidField === 'terms' && 'error'))}
            />
            <span>${t('email.terms')}</span>
          </label>`
        : nothing
    }
    ${p.error}
    <button type="submit" class="pl-submit-button" ?disabled=${p.busy}>
      ${t(p.method === 'link' ? 'email.submitLink' : 'email.submit')}
    </button>
  </form>`;
}
