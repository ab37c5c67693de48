// The published builds: ESM with dependencies left to the page's bundler, and one script-tag file.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LOCALE_LOADERS } from '../src/i18n/locales.js';
import { buildCdn, chunksOf } from './cdn-build.js';

describe('builds', () => {
  it('ESM: index and define entries, locale chunks, dependencies as imports', async () => {
    const chunks = await chunksOf('production');
    const entries = chunks.filter((c) => c.isEntry).map((c) => c.fileName);
    expect(entries.sort()).toEqual(['define.js', 'index.js']);
    const imports = new Set(chunks.flatMap((c) => c.imports));
    for (const dependency of ['lit', 'i18next', '@passwordless-lock/client']) {
      expect(imports, dependency).toContain(dependency);
    }
    const lazy = chunks.filter((c) => c.isDynamicEntry);
    expect(lazy.map((c) => c.name).sort()).toEqual(
      [
        // Each locale but English, and the registry of them (locales.ts) that loads them.
        ...Object.keys(LOCALE_LOADERS),
        'locales',
        // Finishing a magic link: only pages a link lands on load it.
        'auth-response',
        'language-menu-controller',
        // Sessions (`useRefreshTokens`): pages that do not keep the user logged in never load it.
        'session',
      ].sort(),
    );
    // No hash in chunk names: the page's bundler adds its own, once.
    expect(lazy.map((c) => c.fileName)).toContain('chunks/de.js');
    for (const chunk of chunks) expect(chunk.fileName).toMatch(/^(chunks\/)?[\w-]+\.js$/);
    expect(
      chunks.filter((c) => !c.isEntry).every((c) => c.fileName === `chunks/${c.name}.js`),
    ).toBe(true);
    // floating-ui loads only when something is anchored (an error hint, the language menu).
    const eager = chunks.filter((c) => !c.isDynamicEntry);
    expect(eager.flatMap((c) => c.imports)).not.toContain('@floating-ui/dom');
    expect(eager.flatMap((c) => c.dynamicImports)).toContain('@floating-ui/dom');
    // Chrome compiles the element's chunk as it loads, not inside the first show(); only that one.
    const hinted = chunks.filter((c) => c.code.startsWith('//# allFunctionsCalledOnLoad\n'));
    expect(hinted.map((c) => c.fileName)).toEqual(['chunks/passwordless-lock.js']);
  }, 60_000);

  it('script tag: one IIFE that defines the tag and window.LockPasswordless, without eval', async () => {
    const chunks = await chunksOf('script-tag');
    expect(chunks.map((c) => c.fileName)).toEqual(['passwordless-lock.iife.js']);
    const code = chunks[0]!.code;
    expect(code).toMatch(/^(?:var \w+\s*=\s*)?\(function/);
    expect(code).toContain('LockPasswordless');
    expect(code).not.toMatch(/\beval\(|new Function\(/);
    console.log(
      `script-tag file: ${gzipSync(code, { level: 9 }).length} B min+gzip, English inline`,
    );
  }, 60_000);

  it('script tag: English inline, every other locale imported from the CDN folder beside it', async () => {
    const [code, cdn] = await Promise.all([
      chunksOf('script-tag').then((chunks) => chunks[0]!.code),
      buildCdn(),
    ]);
    expect(/(["'`])Log in\1/.test(code), 'the English strings').toBe(true);
    for (const heading of ['Connexion', 'Anmelden', 'ログイン'])
      expect(code).not.toContain(heading);
    const imported = [...code.matchAll(/\bimport\((["'`])([^"'`]+)\1\)/g)].map((m) => m[2]);
    const locales = Object.keys(LOCALE_LOADERS);
    expect(imported.sort()).toEqual(locales.map((tag) => `./cdn/chunks/${tag}.js`).sort());
    // dist/cdn/chunks/<tag>.js, each a module whose default export is the locale's strings.
    const files = new Map(cdn.map((c) => [`./cdn/${c.fileName}`, c]));
    for (const path of imported) {
      expect(files.get(path!)?.exports, path).toEqual(['default']);
    }
  }, 60_000);
});
