import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/app.js';
import { DEFAULTS } from '../src/config/defaults.js';

/** The ```json block under "## Config file" in the server README. */
function readmeConfigExample(): unknown {
  const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Config file\n'));
  const block = /```json\n([\s\S]*?)\n```/.exec(section);
  if (!block) throw new Error('no ```json block under "## Config file" in the README');
  return JSON.parse(block[1]!);
}

/** Every number in `value` with its path, array entries as `clients[]` (as DEFAULTS names them). */
function numbersIn(value: unknown, path: string[] = []): Array<[string[], number]> {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) {
    const [parent = '', ...up] = [...path].reverse();
    const itemPath = [...up.reverse(), `${parent}[]`];
    return value.flatMap((item) => numbersIn(item, itemPath));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => numbersIn(item, [...path, key]));
  }
  return [];
}

function defaultAt(path: readonly string[]): unknown {
  let node: unknown = DEFAULTS;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}

describe("the README's config example", () => {
  const example = readmeConfigExample();

  it('is a valid config', () => {
    const config = resolveConfig(example, { dev: false, port: 3000, dataDir: '/tmp/x' });
    expect(config.clients.map((client) => client.clientId)).toEqual(['my-app']);
  });

  it('shows the default of every number in it', () => {
    const numbers = numbersIn(example);
    expect(numbers.length).toBeGreaterThan(10);
    for (const [path, value] of numbers) {
      expect({ key: path.join('.'), value }).toEqual({
        key: path.join('.'),
        value: defaultAt(path),
      });
    }
  });
});
