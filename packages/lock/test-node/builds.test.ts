// The published builds: ESM with dependencies left to the page's bundler, and one script-tag file.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const nodeEnv = process.env.NODE_ENV;

async function chunksOf(mode: string): Promise<Rollup.OutputChunk[]> {
  const result = await build({
    root,
    configFile: `${root}/vite.config.ts`,
    mode,
    logLevel: 'silent',
    build: { write: false },
  });
  return ((Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[])
    .flatMap((o) => o.output)
    .filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
}

// Vitest sets NODE_ENV=test, which would make Vite pick lit's development build.
beforeAll(() => {
  process.env.NODE_ENV = 'production';
});
afterAll(() => {
  process.env.NODE_ENV = nodeEnv;
});

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
    expect(lazy.map((c) => c.name).sort()).toEqual([
      'ar',
      // Finishing a magic link: only pages a link lands on load it.
      'auth-response',
      'de',
      'es',
      'fr',
      'he',
      'ja',
      'language-menu-controller',
      // Sessions (`useRefreshTokens`): pages that do not keep the user logged in never load it.
      'session',
    ]);
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
    console.log(`script-tag file: ${gzipSync(code, { level: 9 }).length} B min+gzip, all locales`);
  }, 60_000);
});
