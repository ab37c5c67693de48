// The package's builds (vite.config.ts) in memory, for the tests that read what they ship: the CDN
// folder's size and import specifiers, a browser loading it and the script-tag file.
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every chunk of the lock package's build in `mode` (vite.config.ts), built in memory. */
export async function chunksOf(mode: string): Promise<Rollup.OutputChunk[]> {
  // Vitest sets NODE_ENV=test, which would make Vite pick lit's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const result = await build({
    root,
    configFile: `${root}/vite.config.ts`,
    mode,
    logLevel: 'silent',
    build: { write: false },
  }).finally(() => {
    process.env.NODE_ENV = nodeEnv;
  });
  return ((Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[])
    .flatMap((o) => o.output)
    .filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
}

/** Every chunk of dist/cdn/, file names relative to that folder. */
export const buildCdn = () => chunksOf('cdn');

/** The chunks a page loads for `entries`: them and what they import statically, transitively. */
export function staticClosure(
  chunks: readonly Rollup.OutputChunk[],
  entries: readonly Rollup.OutputChunk[],
): Rollup.OutputChunk[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const reached = new Set<Rollup.OutputChunk>();
  const reach = (chunk: Rollup.OutputChunk) => {
    if (reached.has(chunk)) return;
    reached.add(chunk);
    for (const file of chunk.imports) reach(byFile.get(file)!);
  };
  entries.forEach(reach);
  return chunks.filter((c) => reached.has(c));
}
