// The manifest as published (pnpm swaps in `publishConfig.exports`), and the README as npm shows it.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createFilter } from 'vite';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFile(new URL(`../${path}`, import.meta.url), 'utf8');
const exportsMap = pkg.publishConfig.exports;

describe('published package.json', () => {
  it('has types and an ESM-only require stub on every module entry, and ./package.json', () => {
    for (const subpath of ['.', './define'] as const) {
      expect(Object.keys(exportsMap[subpath]), subpath).toEqual([
        'types',
        'module-sync',
        'import',
        'require',
      ]);
      expect(exportsMap[subpath].require).toBe('./esm-only.cjs');
    }
    expect(exportsMap['./react']).toEqual({ types: './dist/types/react.d.ts' });
    expect(exportsMap['./package.json']).toBe('./package.json');
    expect(pkg.files).toContain('esm-only.cjs');
  });

  it('answers require() with a clear ESM-only error', () => {
    expect(() => createRequire(import.meta.url)('../esm-only.cjs')).toThrow(
      expect.objectContaining({
        code: 'ERR_REQUIRE_ESM',
        message: expect.stringMatching(/^passwordless-lock is ESM only: use `import`/),
      }),
    );
  });

  it('marks as side effects the published define and script files, and define in the workspace', () => {
    expect(pkg.sideEffects.filter((pattern) => pattern.includes('src/'))).toEqual([]);
    // Matched as Vite matches them: a pattern without a slash anywhere in the package.
    const patterns = pkg.sideEffects.map((p) => (p.includes('/') ? p : `**/${p}`));
    const hasSideEffects = createFilter(patterns, null, { resolve: root });
    for (const file of ['dist/define.js', 'dist/passwordless-lock.iife.js', 'src/define.ts']) {
      expect(hasSideEffects(`${root}/${file}`), file).toBe(true);
    }
    for (const file of ['dist/index.js', 'dist/chunks/de.js', 'src/index.ts']) {
      expect(hasSideEffects(`${root}/${file}`), file).toBe(false);
    }
  });
});

describe('JSX typings (src/jsx.ts)', () => {
  it('can derive the attributes: each is its property in kebab case', async () => {
    const { PasswordlessLock } = await import('../src/passwordless-lock.js');
    const declarations = Object.entries(PasswordlessLock.properties);
    expect(declarations.length).toBeGreaterThan(10);
    for (const [name, declaration] of declarations) {
      const attribute = (declaration as { attribute?: unknown }).attribute;
      if (typeof attribute !== 'string') continue;
      expect(attribute).toBe(name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`));
    }
  });
});

describe('README', () => {
  it('has no relative links, which break on npm', async () => {
    expect((await read('README.md')).match(/\]\((?!#|https:\/\/)[^)]*\)/g)).toBeNull();
  });

  it.each(['react.tsx', 'vue.ts', 'svelte.ts', 'angular.ts'])(
    'shows types-test/%s (type-checked) verbatim',
    async (file) => {
      const readme = await read('README.md');
      const block = new RegExp(
        `<!-- example:${file.replace('.', '\\.')} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``,
      ).exec(readme);
      expect(block?.[1]).toContain(await read(`types-test/${file}`));
    },
  );
});
