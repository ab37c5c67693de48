import { html, nothing, type TemplateResult } from 'lit';
import type { LoginFlowController, Step } from '../login/login-flow-controller.js';
import { errorMessage } from '../login/messages.js';
import type { FlashMessage } from '../options.js';
import { codeScreen } from './code-screen.js';
import { emailScreen } from './email-screen.js';
import { linkSentScreen } from './link-sent-screen.js';
import type { IdOf, Translate } from './types.js';

/** What the user does on the screens, turned into calls of the login flow. */
export interface ScreenHandlers {
  onEmailInput: (event: InputEvent) => void;
  onTermsChange: (event: Event) => void;
  onEmailSubmit: (event: SubmitEvent) => void;
  onCodeInput: (event: InputEvent) => void;
  onCodePaste: (event: ClipboardEvent) => void;
  onCodeSubmit: (event: SubmitEvent) => void;
  onResend: () => void;
  onChangeEmail: () => void;
  onEnterCode: () => void;
}

/** What the current screen shows besides the flow's state: the element's options and texts. */
export interface CurrentScreenProps {
  t: Translate;
  id: IdOf;
  flow: LoginFlowController;
  handlers: ScreenHandlers;
  method: 'code' | 'link';
  allowAutocomplete: boolean;
  mustAcceptTerms: boolean;
  /** Lock's `flashMessage`: one of type `error` shows as the email screen's error. */
  flashMessage: FlashMessage | null;
}

/**
 * The screens' handlers, made once per element so that renders keep the same listeners.
 *
 * @param onChangeEmail - "Use a different email": the element resets the flow and moves focus.
 */
export function screenHandlers(
  flow: LoginFlowController,
  onChangeEmail: () => void,
): ScreenHandlers {
  return {
    onEmailInput: (event) => flow.setEmail((event.target as HTMLInputElement).value),
    onTermsChange: (event) => flow.acceptTerms((event.target as HTMLInputElement).checked),
    onEmailSubmit: (event) => {
      event.preventDefault();
      const input = (event.target as HTMLFormElement).elements.namedItem('email');
      void flow.send(!(input instanceof HTMLInputElement) || input.checkValidity());
    },
    /**
     * Keeps only digits, so "123 456" and "123-456" (typed, pasted or autofilled) become "123456",
     * and submits a complete code that did not come from typing it all at once: the last digit
     * typed, autofill from the mail or SMS (`insertReplacementText`, or a plain `Event`), a drop.
     */
    onCodeInput: (event) => {
      const input = event.target as HTMLInputElement;
      const digits = input.value.replace(/\D/g, '');
      if (digits !== input.value) input.value = digits;
      flow.setCode(digits);
      const typedOneKey = event.inputType === 'insertText' && (event.data ?? '').length === 1;
      const filled =
        !(event instanceof InputEvent) ||
        event.inputType === 'insertReplacementText' ||
        event.inputType === 'insertFromDrop';
      if (typedOneKey || filled) flow.submitIfComplete();
    },
    onCodePaste: (event) => {
      const text = event.clipboardData?.getData('text') ?? '';
      const input = event.target as HTMLInputElement;
      event.preventDefault();
      input.setRangeText(
        text.replace(/\D/g, ''),
        input.selectionStart ?? 0,
        input.selectionEnd ?? 0,
        'end',
      );
      flow.setCode(input.value.replace(/\D/g, ''));
      flow.submitIfComplete();
    },
    onCodeSubmit: (event) => {
      event.preventDefault();
      void flow.verify();
    },
    onResend: () => void flow.resend(),
    onChangeEmail,
    onEnterCode: () => flow.enterCode(),
  };
}

/** The screen of the flow's current step. */
export function currentScreen(p: CurrentScreenProps): TemplateResult {
  const { t, id, flow, handlers: on } = p;
  const busy = flow.pending !== null;
  const flash = p.flashMessage;
  const errorText = flow.error
    ? errorMessage(t, flow.error)
    : flow.step === 'email' && flash?.type === 'error'
      ? flash.text
      : '';
  const error = errorLine(id, errorText);
  const hasError = errorText !== '';
  const invalidField = flow.error?.field ?? null;
  switch (flow.step) {
    case 'email':
      return emailScreen({
        t,
        id,
        email: flow.email,
        method: p.method,
        allowAutocomplete: p.allowAutocomplete,
        mustAcceptTerms: p.mustAcceptTerms,
        termsAccepted: flow.termsAccepted,
        invalidField,
        hasError,
        busy,
        error,
        onEmailInput: on.onEmailInput,
        onTermsChange: on.onTermsChange,
        onSubmit: on.onEmailSubmit,
      });
    case 'code':
      return codeScreen({
        t,
        id,
        code: flow.code,
        codeLength: flow.codeLength,
        expiresIn: flow.expiresIn,
        resendIn: flow.resendIn,
        invalidField,
        hasError,
        busy,
        error,
        onCodeInput: on.onCodeInput,
        onCodePaste: on.onCodePaste,
        onSubmit: on.onCodeSubmit,
        onResend: on.onResend,
        onChangeEmail: on.onChangeEmail,
      });
    case 'link-sent':
      return linkSentScreen({
        t,
        id,
        resendIn: flow.resendIn,
        busy,
        error,
        onResend: on.onResend,
        onChangeEmail: on.onChangeEmail,
        onEnterCode: on.onEnterCode,
      });
    case 'done':
      return html`<p id=${id('done')} class="pl-done" tabindex="-1">${t('done')}</p>`;
  }
}

/** The name of what takes focus on the screen of `step` (the link-sent screen has no field). */
export function focusTarget(step: Step): string {
  return step === 'code' ? 'code' : step === 'done' ? 'done' : 'email';
}

/** Always in the DOM, so screen readers pick up the text when it appears. */
function errorLine(id: IdOf, text: string): TemplateResult {
  // The arrow only with a message, so an empty live region matches :empty and takes no room.
  // On one line: no whitespace inside, so :empty matches.
  const arrow = text ? html`<span class="pl-arrow" aria-hidden="true"></span>` : nothing;
  return html`<p id=${id('error')} class="pl-error" role="alert">${text}${arrow}</p>`;
}
