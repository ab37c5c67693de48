import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium, noChromiumMessage } from '../scripts/chromium.mjs';

const executablePath = findChromium();
if (!executablePath) throw new Error(noChromiumMessage);

// The server gets a fresh data dir each run, so the e2e never depends on what a dev left behind.
const dataDir = '.test-output/e2e-data';

export default defineConfig({
  testDir: '.',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json']],
  outputDir: '../test-results',
  use: {
    baseURL: 'http://localhost:5173',
    browserName: 'chromium',
    launchOptions: { executablePath, args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: `rm -rf ${dataDir} && pnpm --silent server --dev --port 3000 --data ${dataDir}`,
      cwd: '..',
      url: 'http://127.0.0.1:3000/.well-known/openid-configuration',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'pnpm exec vite',
      cwd: '..',
      url: 'http://127.0.0.1:5173',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
