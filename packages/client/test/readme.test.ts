import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';

const read = (path: string) => readFile(new URL(path, import.meta.url), 'utf8');

it('shows examples/own-ui.ts (type-checked with the package) verbatim in the README', async () => {
  const readme = await read('../README.md');
  const block = /<!-- own-ui:start -->\s*```ts\n([\s\S]*?)```\s*<!-- own-ui:end -->/.exec(readme);
  expect(block?.[1]).toBe(await read('../examples/own-ui.ts'));
});

it('documents every export of the package', async () => {
  const [readme, index] = await Promise.all([read('../README.md'), read('../src/index.ts')]);
  const values = [...index.matchAll(/^export \{([^}]+)\}/gm)].flatMap((match) =>
    match[1]!.split(',').map((name) => name.trim()),
  );
  expect(values.length).toBeGreaterThan(10);
  for (const name of values.filter(Boolean)) expect(readme).toContain(name);
});
