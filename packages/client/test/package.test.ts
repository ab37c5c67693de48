// The manifest as published (pnpm swaps in `publishConfig.exports`), and the README as npm shows it.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };

it('exports the ESM build with types, an ESM-only require stub, and ./package.json', () => {
  const exportsMap = pkg.publishConfig.exports;
  expect(exportsMap['.']).toEqual({
    types: './dist/index.d.ts',
    'module-sync': './dist/index.js',
    import: './dist/index.js',
    require: './esm-only.cjs',
  });
  expect(exportsMap['./package.json']).toBe('./package.json');
  expect(pkg.files).toContain('esm-only.cjs');
  expect(pkg.sideEffects).toBe(false);
});

it('answers require() with a clear ESM-only error', () => {
  expect(() => createRequire(import.meta.url)('../esm-only.cjs')).toThrow(
    expect.objectContaining({
      code: 'ERR_REQUIRE_ESM',
      message: expect.stringMatching(/^@passwordless-lock\/client is ESM only: use `import`/),
    }),
  );
});

it('has no relative links in the README, which break on npm', async () => {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  expect(readme.match(/\]\((?!#|https:\/\/)[^)]*\)/g)).toBeNull();
});
