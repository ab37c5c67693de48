#!/usr/bin/env node
// `pnpm bench`: sizes, time to open, memory and server throughput in one run, written to
// bench/results.md and bench/results.json (quick mode: bench/.out/results-quick.*), and the
// summary table into the root README.
//
//   node bench/run.mjs [--quick] [--only sizes,open,memory,server]
//
// A full run with `--only` keeps the other sections from the last results.json, each marked in
// `carriedOver` with the run it was measured in, so results.json and the README stay complete.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBrowserBench } from './browser.mjs';
import { measureMainThread } from './main-thread.mjs';
import { measureMemory } from './memory.mjs';
import { measureOpenTime } from './open-time.mjs';
import { measurePostgresNodes } from './postgres-nodes.mjs';
import { renderMarkdown, formatted, withReadmeSummary } from './report.mjs';
import { measureServer } from './server.mjs';
import { measureSizes } from './sizes.mjs';

const SECTIONS = ['sizes', 'open', 'memory', 'server'];

/** Counts per mode: full stays within a few minutes on 2 cores; quick within seconds. */
const MODES = {
  full: {
    open: { firstLoads: 5, opens: 40, round: 10, focusGraceMs: 1000, focusProbes: 5, traced: 10 },
    memory: { cycles: 100 },
    server: { seconds: 5, codes: 1000, connections: 10, joseSeconds: 4, startups: 5 },
  },
  quick: {
    open: { firstLoads: 1, opens: 4, round: 2, focusGraceMs: 300, focusProbes: 2, traced: 2 },
    memory: { cycles: 4 },
    server: { seconds: 1, codes: 40, connections: 4, joseSeconds: 1, startups: 1 },
  },
};

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
});
const mode = values.quick ? 'quick' : 'full';
const only = values.only ? values.only.split(',').map((s) => s.trim()) : SECTIONS;
for (const section of only) {
  if (!SECTIONS.includes(section)) {
    console.error(`unknown section "${section}"; use ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
}
const counts = MODES[mode];
const began = Date.now();
const log = (line) =>
  console.log(`[bench] ${((Date.now() - began) / 1000).toFixed(0).padStart(3)} s  ${line}`);

const results = { mode, meta: meta(), counts, sections: only };

// Sizes come first: they also build the bundles the browser pages load.
log('building and measuring sizes');
const sizes = await measureSizes();
if (only.includes('sizes')) results.sizes = { rows: sizes.rows, locales: sizes.locales };
for (const row of sizes.rows) if (row.error) log(`  ${row.id}: build failed: ${row.error}`);

// A section that fails is recorded and the others still run (other packages change under us).
results.failures = {};
const attempt = async (section, work) => {
  try {
    await work();
  } catch (error) {
    results.failures[section] = String(error?.message ?? error).split('\n')[0];
    log(`  ${section} failed: ${results.failures[section]}`);
  }
};

const browserSections = ['open', 'memory'].filter((section) => only.includes(section));
if (browserSections.length) {
  await attempt(browserSections.join('+'), async () => {
    const missing = ['ours-widget', 'auth0-lock-passwordless'].filter((id) => !sizes.bundles[id]);
    if (missing.length) throw new Error(`${missing.join(', ')} did not build`);
    const bench = await startBrowserBench({
      'ours-widget': sizes.bundles['ours-widget'],
      'auth0-lock-passwordless': sizes.bundles['auth0-lock-passwordless'],
    });
    results.meta.chromium = bench.browser.version();
    try {
      if (only.includes('open')) {
        log('time to open');
        await attempt('open', async () => {
          results.open = await measureOpenTime(bench, counts.open);
          results.open.mainThread = await measureMainThread(bench, {
            firstLoads: counts.open.firstLoads,
            opens: counts.open.traced,
          });
        });
      }
      if (only.includes('memory')) {
        log('memory');
        await attempt('memory', async () => {
          results.memory = await measureMemory(bench, counts.memory);
        });
      }
    } finally {
      results.browser = { offlineRequests: bench.offline, pageErrors: bench.errors };
      await bench.close();
    }
  });
}

if (only.includes('server')) {
  log('server');
  await attempt('server', async () => {
    results.server = await measureServer(counts.server);
  });
  // Its own attempt, so that SQLite's rows survive a PostgreSQL that cannot start.
  if (results.server) {
    log('server on PostgreSQL: one node, then two');
    await attempt('server on PostgreSQL', async () => {
      results.server.postgres = await measurePostgresNodes(counts.server);
    });
  }
}

results.meta.elapsedS = Math.round((Date.now() - began) / 1000);
const dir = fileURLToPath(new URL(mode === 'full' ? '.' : '.out/', import.meta.url));
const base = mode === 'full' ? 'results' : 'results-quick';
await mkdir(dir, { recursive: true });
if (mode === 'full') carryOver(`${dir}${base}.json`);
const markdown = await formatted(renderMarkdown(results), 'markdown');
await writeFile(`${dir}${base}.md`, markdown);
await writeFile(`${dir}${base}.json`, await formatted(JSON.stringify(results), 'json'));
console.log(`\n${markdown}`);
log(`wrote ${dir}${base}.md and .json in ${results.meta.elapsedS} s`);
if (mode === 'full') {
  const readme = fileURLToPath(new URL('../README.md', import.meta.url));
  try {
    const text = withReadmeSummary(readFileSync(readme, 'utf8'), results);
    await writeFile(readme, await formatted(text, 'markdown'));
    log('wrote the summary table into README.md');
  } catch (error) {
    log(`README.md not updated: ${error.message}`);
    process.exitCode = 1;
  }
}
if (Object.keys(results.failures).length) process.exitCode = 1;

/** Fills the sections this run skipped from the previous full run's results, if there is one. */
function carryOver(file) {
  let previous;
  try {
    previous = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return;
  }
  const carried = {};
  for (const section of SECTIONS) {
    if (only.includes(section) || !previous[section]) continue;
    results[section] = previous[section];
    carried[section] = previous.carriedOver?.[section] ?? {
      date: previous.meta.date,
      git: previous.meta.git.commit,
      chromium: previous.meta.chromium,
    };
  }
  if (!browserSections.length && previous.browser) results.browser = previous.browser;
  if (Object.keys(carried).length) results.carriedOver = carried;
}

/** Date, machine, versions: what a reader needs to compare runs. */
function meta() {
  // Read from each workspace's node_modules: some packages do not export package.json.
  const version = (workspace, name) => {
    const file = new URL(`../${workspace}/node_modules/${name}/package.json`, import.meta.url);
    try {
      return JSON.parse(readFileSync(file, 'utf8')).version;
    } catch {
      return null;
    }
  };
  const git = (...args) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim();
    } catch {
      return null;
    }
  };
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus[0]?.model ?? 'unknown',
      cores: cpus.length,
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    },
    node: process.version,
    git: {
      commit: git('rev-parse', '--short', 'HEAD'),
      dirty: Boolean(git('status', '--porcelain')),
    },
    versions: {
      'passwordless-lock': JSON.parse(
        readFileSync(new URL('../packages/lock/package.json', import.meta.url), 'utf8'),
      ).version,
      'auth0-lock': version('bench', 'auth0-lock'),
      '@teamhanko/hanko-elements': version('bench', '@teamhanko/hanko-elements'),
      'auth0-js': version('bench', 'auth0-js'),
      lit: version('packages/lock', 'lit'),
      i18next: version('packages/lock', 'i18next'),
      '@floating-ui/dom': version('packages/lock', '@floating-ui/dom'),
      vite: version('.', 'vite'),
      autocannon: version('bench', 'autocannon'),
      fastify: version('packages/server', 'fastify'),
      jose: version('packages/server', 'jose'),
    },
  };
}
