import type { Locator, Page } from '@playwright/test';

/**
 * Everything the widget shows: its frame (shadow root: header, status) and its current screen
 * (light DOM, slotted into the dialog so that autofill finds the fields). Playwright scopes a
 * locator to DOM descendants, and a slotted field is not a descendant of the `<dialog>` it shows
 * in, so the element, which holds both, is the scope for the fields.
 */
export function widget(page: Page): Locator {
  return page.locator('passwordless-lock');
}
