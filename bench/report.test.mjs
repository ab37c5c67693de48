// The root README's size and speed table and bench/results.md are written from bench/results.json;
// these fail when someone edits the numbers by hand or reruns the bench without committing what
// it wrote, and pin the server rows that compare SQLite with PostgreSQL on one node and on two.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  formatted,
  README_START,
  renderMarkdown,
  renderReadmeSummary,
  withReadmeSummary,
} from './report.mjs';

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

  it('catches a figure edited by hand between the markers', async () => {
    const readme = read('../README.md');
    const results = JSON.parse(read('results.json'));
    const widget = ` ${(results.sizes.rows.find((r) => r.id === 'ours-widget').gzip / 1024).toFixed(1)} KB `;
    const start = readme.indexOf(README_START);
    const edited = readme.slice(0, start) + readme.slice(start).replace(widget, ' 1.0 KB ');
    expect(edited).not.toBe(readme);
    expect(await formatted(withReadmeSummary(edited, results), 'markdown')).toBe(readme);
  });

  it("gives the server's start time and memory and the main-thread time of an open", () => {
    const results = JSON.parse(read('results.json'));
    const sample = (listenMs, rss) => ({ listenMs, rss, samples: [{ listenMs, rss }] });
    const busy = (total, script, style, layout) => ({
      total: { n: 5, median: total },
      script,
      style,
      layout,
    });
    const text = renderReadmeSummary({
      ...results,
      server: {
        ...results.server,
        startup: { ours: sample(812, 94.5 * 2 ** 20), bare: sample(305, 60 * 2 ** 20) },
        rss: { ...results.server.rss, afterRun: { rss: 131.25 * 2 ** 20 } },
      },
      open: {
        ...results.open,
        mainThread: {
          ours: { firstOpen: busy(9.1, 5, 2, 2.1), open: busy(2.5, 0.5, 1, 1) },
          'auth0-lock': { firstOpen: busy(120.4, 90, 20, 10.4), open: busy(12, 8, 2, 2) },
        },
      },
    });
    expect(text).toContain('listens 812 ms after the process starts (bare Fastify 305 ms)');
    expect(text).toContain('with 94.5 MiB RSS, and holds 131.3 MiB after the load');
    expect(text).toMatch(
      /\| Main thread during an open[^|]*\| +9\.1 ms \/ 2\.5 ms \| +120 ms \/ 12\.0 ms \(13×\) \|/,
    );
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

  it("gives each server run's CPU per request by process, and the rate it bounds", () => {
    const { server } = results;
    const cpu = (serverMain, serverOther, sink, loadGenerator) => ({
      serverMain,
      serverOther,
      sink,
      loadGenerator,
      total: serverMain + serverOther + (sink ?? 0) + loadGenerator,
    });
    const text = renderMarkdown({
      ...results,
      server: {
        ...server,
        cores: 2,
        ceilings: {
          ...server.ceilings,
          fastifyPost: { ...server.ceilings.fastifyPost, cpu: cpu(0.05, 0.01, null, 0.04) },
          jose: { ...server.ceilings.jose, cpuMsPerSign: 0.35 },
        },
        start: { ...server.start, cpu: cpu(1, 0.25, 0.5, 0.25) },
      },
    });
    const rows = rowsOf(text);
    expect(rows.find((r) => r[0] === 'bare Fastify `POST {}`' && r.length === 7)).toEqual([
      'bare Fastify `POST {}`',
      '0.050 ms',
      '0.010 ms',
      '–',
      '0.040 ms',
      '0.100 ms',
      '20,000/s',
    ]);
    expect(rows.find((r) => r[0] === '`POST /passwordless/start`, with its mail sent')).toEqual([
      '`POST /passwordless/start`, with its mail sent',
      '1.000 ms',
      '0.250 ms',
      '0.500 ms',
      '0.250 ms',
      '2.000 ms',
      '1,000/s',
    ]);
    expect(text).toContain('jose RS256 takes 0.350 ms of CPU per signature');
    const unmetered = { ...server, start: { ...server.start, cpu: undefined } };
    expect(renderMarkdown({ ...results, server: unmetered })).not.toContain('Where the CPU goes');
  });

  it('leaves the PostgreSQL rows out of a run that has none', () => {
    const { postgres, ...sqliteOnly } = results.server;
    expect(postgres).toBeDefined();
    const text = renderMarkdown({ ...results, server: sqliteOnly });
    expect(text).toContain('`POST /passwordless/start`');
    expect(text).not.toContain('PostgreSQL');
  });
});
