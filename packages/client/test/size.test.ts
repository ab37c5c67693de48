import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { expect, it } from 'vitest';

/** The budget of issue 4: the whole client, minified and gzipped. */
const BUDGET = 6144;

it('bundles to at most 6 KB min+gzip, with no imports left', async () => {
  // The package's own build (vite.config.ts: ESM, fully minified), kept in memory.
  const output = (await build({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    logLevel: 'silent',
    build: { write: false, sourcemap: false, emptyOutDir: false },
  })) as Rollup.RollupOutput[];
  const chunks = output.flatMap((result) => result.output).filter((file) => file.type === 'chunk');
  expect(chunks).toHaveLength(1);
  const code = chunks[0]!.code;
  const bytes = gzipSync(code).length;
  console.log(
    `@passwordless-lock/client: ${code.length} B min, ${bytes} B min+gzip (budget ${BUDGET})`,
  );
  expect(code).not.toMatch(/^\s*import\b|\bimport\(|\brequire\(/m);
  expect(code).toContain('passwordlessLogin');
  expect(bytes).toBeLessThanOrEqual(BUDGET);
});
