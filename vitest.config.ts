import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/server/test/**/*.test.ts',
      'packages/client/test/**/*.test.ts',
      'packages/lock/test-node/**/*.test.ts',
      'bench/*.test.mjs',
    ],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
