import { addressReadElsewhere } from './address.js';
import type { PasswordlessLock } from './passwordless-lock.js';

/**
 * Does at idle, with `spare` (an element that never joins the page), what a page's first `show()`
 * would otherwise do for the first time, so that the first open takes about as many frames as the
 * next ones: running and compiling the code, parsing the templates and the style sheets, the first
 * read of localStorage and the lookups of the fonts. The last two wait on the browser process
 * (synchronous round trips), which can cost a frame on their own.
 */
export function warmUp(spare: PasswordlessLock): void {
  addressReadElsewhere.add(spare);
  // English is bundled: no chunk is fetched for it. A client id makes it read its remembered email.
  spare.language = 'en';
  spare.clientId = '-';
  // Renders into its shadow root and its screen container as if connected; it is garbage after.
  spare.connectedCallback();
  // The default font at the sizes and weights the email screen shows (1rem, labels and buttons
  // semibold, the 1.25rem bold heading): a canvas looks them up as layout would.
  const canvas = document.createElement('canvas').getContext('2d');
  if (canvas) {
    for (const font of ['16px', '600 16px', 'bold 20px']) {
      canvas.font = `${font} system-ui,sans-serif`;
      canvas.measureText('a');
    }
  }
}
