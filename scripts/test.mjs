// `pnpm test`: every suite in order, then one line summing them all: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium, noChromiumMessage } from './chromium.mjs';

const outDir = '.test-output';

const suites = [
  { name: 'lint', command: ['pnpm', 'run', 'lint'] },
  { name: 'types', command: ['pnpm', 'run', 'typecheck'] },
  {
    name: 'unit',
    command: ['pnpm', 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json'],
    args: [`--outputFile.json=${outDir}/unit.json`],
    count: () => {
      const report = readJson(`${outDir}/unit.json`);
      return { passed: report.numPassedTests, failed: report.numFailedTests };
    },
  },
  {
    name: 'components',
    command: ['pnpm', 'exec', 'web-test-runner'],
    count: () => readJson(`${outDir}/components.json`),
  },
  {
    name: 'e2e',
    command: ['pnpm', 'exec', 'playwright', 'test', '--config', 'e2e/playwright.config.ts'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: resolve(outDir, 'e2e.json') },
    count: () => {
      const { stats } = readJson(`${outDir}/e2e.json`);
      return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
    },
  },
];

if (!findChromium()) {
  console.error(noChromiumMessage);
  process.exit(1);
}

rmSync(outDir, { recursive: true, force: true });
const totals = { passed: 0, failed: 0 };
const lines = [];
for (const suite of suites) {
  console.log(`\n── ${suite.name} ──`);
  const { status } = spawnSync(
    suite.command[0],
    [...suite.command.slice(1), ...(suite.args ?? [])],
    {
      stdio: 'inherit',
      env: { ...process.env, ...suite.env },
    },
  );
  const counts = countOf(suite, status);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  lines.push(`${suite.name}: ${counts.passed} passed, ${counts.failed} failed`);
}

console.log(`\n${lines.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);

/** A suite without a report counts as one check; a runner that failed with none passing is a failure. */
function countOf(suite, status) {
  let counts;
  try {
    counts = suite.count ? suite.count() : undefined;
  } catch {
    counts = undefined;
  }
  counts ??= status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  if (status !== 0 && counts.failed === 0) counts = { ...counts, failed: 1 };
  if (status === 0 && counts.passed + counts.failed === 0) counts = { passed: 0, failed: 1 };
  return counts;
}

function readJson(path) {
  if (!existsSync(path)) throw new Error(`no report at ${path}`);
  return JSON.parse(readFileSync(path, 'utf8'));
}
