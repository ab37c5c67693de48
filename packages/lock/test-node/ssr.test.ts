// Importing the package on a server (SSR, a Node script) must not need or create a DOM.
import { describe, expect, it } from 'vitest';

// Lit's Node build adds its own minimal `customElements` and `HTMLElement` shims for SSR
// (@lit-labs/ssr-dom-shim); everything else a browser has must stay absent, and unneeded.
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'location'];

describe('importing in Node', () => {
  it('works without a DOM and defines no DOM global', async () => {
    for (const name of DOM_GLOBALS) expect(name in globalThis, name).toBe(false);
    const lock = await import('../src/index.js');
    expect(typeof lock.PasswordlessLock).toBe('function');
    expect(typeof lock.LockPasswordless).toBe('function');
    expect(await lock.supportedLanguages()).toContain('ar');
    for (const name of DOM_GLOBALS) expect(name in globalThis, name).toBe(false);
  });
});
