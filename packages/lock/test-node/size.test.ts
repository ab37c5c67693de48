// The size budget of issue 5, by byte count of what a page downloads: the ESM build with every
// dependency bundled in, minified, each file gzipped. That build is the CDN folder (vite.config.ts,
// mode `cdn`), so the same numbers hold for `<script type="module" src=".../cdn/define.js">`.
//
// "The full bundle" is every chunk a page loads as soon as it imports `passwordless-lock` and
// `passwordless-lock/define`: the two entries and everything they import statically, English
// included. A chunk reached only through `import()` (another language, the language menu and its
// floating-ui, other optional paths) loads when that feature is used, and is reported apart.
import { gzipSync } from 'node:zlib';
import type { Rollup } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_LOADERS } from '../src/i18n/locales.js';
import { buildCdn, staticClosure } from './cdn-build.js';

const KB = 1024;
/** The budget for the full bundle with its dependencies and English. */
export const FULL_BUNDLE_BUDGET = 36 * KB;
const LOCALE_BUDGET = 1.5 * KB;
/** The registry chunk: every locale's loader and the matcher, loaded before any non-English one. */
const REGISTRY_BUDGET = 1 * KB;
/** Every locale but English, from the registry: each is a lazy chunk of its own. */
const LOCALES = Object.keys(LOCALE_LOADERS).sort();

const gzipped = (code: string) => gzipSync(code, { level: 9 }).length;
const sizeOf = (chunks: readonly Rollup.OutputChunk[]) =>
  chunks.reduce((total, chunk) => total + gzipped(chunk.code), 0);
/** `node_modules/.pnpm/lit-html@3/node_modules/lit-html/x.js` → `lit-html/x.js`. */
const shortId = (id: string) =>
  id.replace(/^.*[\\/]node_modules[\\/]/, '').replace(/^.*[\\/]packages[\\/]/, '');

let chunks: Rollup.OutputChunk[];
/** The entries and the chunks they import statically, transitively. */
let eager: Rollup.OutputChunk[];
/** The chunks only `import()` reaches. */
let lazy: Rollup.OutputChunk[];

beforeAll(async () => {
  chunks = await buildCdn();
  eager = staticClosure(
    chunks,
    chunks.filter((c) => c.isEntry),
  );
  lazy = chunks.filter((c) => !eager.includes(c));
}, 60_000);

describe('bundle size (min+gzip)', () => {
  it('measures what importing the two entries loads', () => {
    expect(chunks.filter((c) => c.isEntry).map((c) => c.name)).toEqual(
      expect.arrayContaining(['index', 'define']),
    );
    expect(chunks.filter((c) => c.isEntry)).toHaveLength(2);
    expect(eager.flatMap((c) => c.imports).filter((file) => !file.endsWith('.js'))).toEqual([]);
    const modules = eager.flatMap((c) => c.moduleIds).map(shortId);
    for (const module of [
      'lock/src/index.ts',
      'lock/src/define.ts',
      'lock/src/passwordless-lock.ts',
      'lock/src/i18n/locales/en.ts',
      'client/src/passwordless-start.ts',
      'client/src/passwordless-login.ts',
      'i18next/dist/esm/i18next.js',
      'lit-html/lit-html.js',
      '@lit/reactive-element/reactive-element.js',
    ]) {
      expect(modules, module).toContain(module);
    }
    const code = eager.map((c) => c.code).join('\n');
    expect(/(["'`])Log in\1/.test(code), 'the English strings').toBe(true);
    // lit's development build (picked without the `production` condition) is larger and warns.
    expect(code.includes('dev mode'), "lit's development build").toBe(false);
  });

  it('the full ESM bundle with its dependencies and English is at most 36 KB', () => {
    const bytes = sizeOf(eager);
    console.log(
      [
        `full ESM bundle: ${bytes} B min+gzip (budget ${FULL_BUNDLE_BUDGET}, ${FULL_BUNDLE_BUDGET - bytes} B left)`,
        ...eager.map((c) => `  ${c.fileName}: ${gzipped(c.code)} B`),
        'lazy, loaded only when used:',
        ...lazy.map(
          (c) => `  ${c.fileName}: ${gzipped(c.code)} B (${c.moduleIds.map(shortId).join(', ')})`,
        ),
      ].join('\n'),
    );
    expect(bytes).toBeLessThanOrEqual(FULL_BUNDLE_BUDGET);
  });

  it('each extra locale is its own chunk of at most 1.5 KB', () => {
    const locales = lazy.filter((c) => LOCALES.includes(c.name));
    expect(locales.map((c) => c.name).sort()).toEqual(LOCALES);
    for (const chunk of locales) {
      expect(chunk.moduleIds.map(shortId), chunk.name).toEqual([
        `lock/src/i18n/locales/${chunk.name}.ts`,
      ]);
      expect(gzipped(chunk.code), chunk.name).toBeLessThanOrEqual(LOCALE_BUDGET);
    }
    const [smallest, largest] = [Math.min, Math.max].map((pick) => {
      const bytes = pick(...locales.map((c) => gzipped(c.code)));
      return `${locales.find((c) => gzipped(c.code) === bytes)!.name} ${bytes} B`;
    });
    console.log(
      `${locales.length} locale chunks: smallest ${smallest}, largest ${largest} (budget ${LOCALE_BUDGET})`,
    );
  });

  it('loads the registry of locales (loaders and matcher) lazily, in one small chunk', () => {
    const registry = lazy.find((c) =>
      c.moduleIds.map(shortId).includes('lock/src/i18n/locales.ts'),
    );
    expect(registry?.moduleIds.map(shortId).sort()).toEqual([
      'lock/src/i18n/locales.ts',
      'lock/src/i18n/match-locale.ts',
    ]);
    expect(gzipped(registry!.code)).toBeLessThanOrEqual(REGISTRY_BUDGET);
    const modules = eager.flatMap((c) => c.moduleIds).map(shortId);
    expect(modules).not.toContain('lock/src/i18n/locales.ts');
    expect(modules).not.toContain('lock/src/i18n/match-locale.ts');
    // Each locale chunk is reached from the registry, not from the first load.
    expect(registry!.dynamicImports.length).toBe(LOCALES.length);
    console.log(
      `registry chunk: ${gzipped(registry!.code)} B min+gzip (budget ${REGISTRY_BUDGET})`,
    );
  });

  it('loads floating-ui (the language menu) only when a menu opens', () => {
    expect(eager.some((c) => c.moduleIds.some((id) => id.includes('@floating-ui')))).toBe(false);
    expect(lazy.some((c) => c.moduleIds.some((id) => id.includes('@floating-ui')))).toBe(true);
  });

  it('loads the session code (refresh, revoke, cache, tab lock) only with useRefreshTokens', () => {
    const session = lazy.find((c) => c.name === 'session');
    expect(session?.moduleIds.map(shortId).sort()).toEqual([
      'client/src/refresh.ts',
      'lock/src/session/refresh-lock.ts',
      'lock/src/session/session.ts',
      'lock/src/session/token-cache.ts',
    ]);
    const code = eager.map((c) => c.code).join('\n');
    for (const marker of ['/oauth/revoke', 'grant_type:`refresh_token`', 'navigator.locks']) {
      expect(session!.code.includes(marker), marker).toBe(true);
      expect(code.includes(marker), marker).toBe(false);
    }
    // It imports only what the first load already has: no third chunk for the shared client code.
    expect(session!.imports.every((file) => eager.some((c) => c.fileName === file))).toBe(true);
    console.log(`session chunk: ${gzipped(session!.code)} B min+gzip`);
  });

  it('keeps the other locales out of the eager bundle', () => {
    const code = eager.map((c) => c.code).join('\n');
    for (const heading of ['Connexion', 'Anmelden', 'Iniciar sesión', 'ログイン', 'התחברות']) {
      expect(code.includes(heading), heading).toBe(false);
    }
  });
});

/**
 * Every module specifier in minified code: `from"…"`, `import"…"` and `import(…)` with a literal,
 * which is all the syntax a browser resolves.
 */
const specifiersIn = (code: string) =>
  [...code.matchAll(/\b(?:from|import)\s*\(?\s*(["'`])([^"'`]+)\1/g)].map((m) => m[2]!);

describe('the CDN folder, dist/cdn/', () => {
  it('loads at most 36 KB for <script type="module" src=".../cdn/define.js">', () => {
    const define = chunks.find((c) => c.isEntry && c.fileName === 'define.js');
    expect(define, 'dist/cdn/define.js').toBeDefined();
    const firstLoad = staticClosure(chunks, [define!]);
    const bytes = sizeOf(firstLoad);
    console.log(
      `CDN define.js first load: ${bytes} B min+gzip (budget ${FULL_BUNDLE_BUDGET}); ` +
        firstLoad.map((c) => `${c.fileName} ${gzipped(c.code)} B`).join(', '),
    );
    expect(bytes).toBeLessThanOrEqual(FULL_BUNDLE_BUDGET);
  });

  it('imports only its own files, by relative paths, so it runs without an import map', () => {
    const files = new Set(chunks.map((c) => c.fileName));
    expect(files.size).toBeGreaterThan(2);
    for (const chunk of chunks) {
      const specifiers = specifiersIn(chunk.code);
      for (const specifier of specifiers) expect(specifier, chunk.fileName).toMatch(/^\.\.?\//);
      // Each resolves to a file of the folder, and none of the chunk's imports is missed.
      const targets = specifiers.map((specifier) =>
        new URL(specifier, `https://cdn.test/${chunk.fileName}`).pathname.slice(1),
      );
      expect(new Set(targets), chunk.fileName).toEqual(
        new Set([...chunk.imports, ...chunk.dynamicImports]),
      );
      for (const target of targets) expect(files, chunk.fileName).toContain(target);
      // Library builds leave `process.env.NODE_ENV` for the page's bundler; a browser has none.
      expect(chunk.code, chunk.fileName).not.toContain('process.env');
    }
  });
});
