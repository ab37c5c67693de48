// The root README's size and speed table and bench/results.md are written from bench/results.json;
// these fail when someone edits the numbers by hand or reruns the bench without committing what
// it wrote, and pin the server rows that compare SQLite with PostgreSQL on one node and on two.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatted, renderMarkdown, withReadmeSummary } from './report.mjs';

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

describe('bench/results.md', () => {
  const results = JSON.parse(read('results.json'));
  /** The cells of the report's table rows, trimmed, each row an array. */
  const rowsOf = (markdown) =>
    markdown
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .map((line) =>
        line
          .slice(1, -1)
          .split('|')
          .map((cell) => cell.trim()),
      );

  it('is what bench/results.json renders', async () => {
    expect(read('results.md')).toBe(await formatted(renderMarkdown(results), 'markdown'));
  });

  it('puts SQLite, PostgreSQL on one node and on two nodes side by side for start and token', () => {
    const rows = rowsOf(renderMarkdown(results));
    const [oneNode, twoNodes] = results.server.postgres.runs;
    expect([oneNode.nodes, twoNodes.nodes]).toEqual([1, 2]);
    const rps = (r) => Math.round(r.rps).toLocaleString('en-US');
    for (const [key, endpoint] of [
      ['start', '`POST /passwordless/start`'],
      ['token', '`POST /oauth/token` (OTP grant)'],
    ]) {
      const at = rows.findIndex((cells) => cells[0] === endpoint && cells[1] === 'SQLite, 1 node');
      expect(at, endpoint).toBeGreaterThan(0);
      const [sqlite, pg1, pg2] = rows.slice(at, at + 3);
      expect(sqlite.slice(1, 4)).toEqual([
        'SQLite, 1 node',
        rps(results.server[key]),
        `${results.server[key].latencyMs.p50} ms`,
      ]);
      expect(pg1.slice(0, 4)).toEqual([
        '',
        'PostgreSQL, 1 node',
        rps(oneNode[key]),
        `${oneNode[key].latencyMs.p50} ms`,
      ]);
      expect(pg2.slice(0, 4)).toEqual([
        '',
        'PostgreSQL, 2 nodes',
        rps(twoNodes[key]),
        `${twoNodes[key].latencyMs.p50} ms`,
      ]);
      // Two nodes: both nodes' own req/s, and the connections split to the SQLite run's total.
      expect(pg2[6]).toBe(twoNodes[key].nodes.map(rps).join(' + '));
      const connections = twoNodes[key].nodes.reduce((sum, node) => sum + node.connections, 0);
      expect(connections).toBe(results.server.connections);
    }
  });

  it('gives first logins and returning users a row each, against the same signing ceiling', () => {
    const { server } = results;
    const tokenReturning = { ...server.token, rps: 1234, ratio: 0.56, codes: 99 };
    const rows = rowsOf(renderMarkdown({ ...results, server: { ...server, tokenReturning } }));
    const cells = (endpoint) => rows.find((r) => r[0] === endpoint);
    const jose = Math.round(server.ceilings.jose.opsPerSecond).toLocaleString('en-US');
    expect(cells('`POST /oauth/token` (OTP grant, first login)').slice(1, 7)).toEqual([
      Math.round(server.token.rps).toLocaleString('en-US'),
      `${server.token.latencyMs.p50} ms`,
      `${server.token.latencyMs.p99} ms`,
      'jose RS256 sign',
      jose,
      `${Math.round(server.token.ratio * 100)}%`,
    ]);
    expect(cells('`POST /oauth/token` (OTP grant, returning user)').slice(1, 7)).toEqual([
      '1,234',
      `${server.token.latencyMs.p50} ms`,
      `${server.token.latencyMs.p99} ms`,
      'jose RS256 sign',
      jose,
      '56%',
    ]);
  });

  it('leaves the PostgreSQL rows out of a run that has none', () => {
    const { postgres, ...sqliteOnly } = results.server;
    expect(postgres).toBeDefined();
    const text = renderMarkdown({ ...results, server: sqliteOnly });
    expect(text).toContain('`POST /passwordless/start`');
    expect(text).not.toContain('PostgreSQL');
  });
});
