// The root README's size and speed table is written from bench/results.json; this fails when
// someone edits the numbers by hand or reruns the bench without committing the README it wrote.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatted, withReadmeSummary } from './report.mjs';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the README summary', () => {
  it('is what bench/results.json renders', async () => {
    const readme = read('../README.md');
    const results = JSON.parse(read('results.json'));
    expect(readme).toBe(await formatted(withReadmeSummary(readme, results), 'markdown'));
  });

  it('lists the CDN module, the script-tag file and the widget, from results.json', async () => {
    const results = JSON.parse(read('results.json'));
    const text = await formatted(withReadmeSummary(read('../README.md'), results), 'markdown');
    for (const id of ['ours-widget', 'ours-cdn', 'ours-script-tag']) {
      const row = results.sizes.rows.find((r) => r.id === id);
      expect(text, id).toContain(` ${(row.gzip / 1024).toFixed(1)} KB `);
    }
  });
});
