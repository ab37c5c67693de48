import type { TOptions } from 'i18next';
import type { TemplateResult } from 'lit';

/** Looks up a string in the widget's language (see `I18nController.t`). */
export type Translate = (key: string | string[], options?: TOptions) => string;

/**
 * Turns a name (`email`, `error`, …) into the id it has in the page. The screens live in the
 * page's DOM (so autofill reaches their fields), where two widgets must not share ids.
 */
export type IdOf = (name: string) => string;

/** The fields an error can be about; the one it is about gets `aria-invalid`. */
export type Field = 'email' | 'code' | 'terms';

/** What every screen gets. */
export interface ScreenProps {
  t: Translate;
  id: IdOf;
  /** A request is under way: the screen's buttons are disabled. */
  busy: boolean;
  /** The error message, always in the DOM (it is the live region for errors). */
  error: TemplateResult;
}

/** Joins the ids of the elements that describe a field, leaving out the absent ones. */
export function describedBy(
  id: IdOf,
  ...names: (string | false | null | undefined)[]
): string | undefined {
  const list = names.filter(Boolean).map((name) => id(name as string));
  return list.length ? list.join(' ') : undefined;
}
