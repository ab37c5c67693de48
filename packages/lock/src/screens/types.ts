import type { TOptions } from 'i18next';

/** Looks up a string in the widget's language (see `I18nController.t`). */
export type Translate = (key: string | string[], options?: TOptions) => string;

/** Joins the ids of the elements that describe a field, leaving out the absent ones. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}
