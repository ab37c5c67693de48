import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `pnpm build`: dist/index.js (ESM, no dependencies) and the chunk of the `cross-origin` transport
// that it imports on demand, for publishing; declarations come from `tsc -p tsconfig.build.json`.
// Inside the monorepo everything imports src/ directly.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // Vite keeps whitespace in ES library builds; strip it too, so dist/ holds the files the size
    // budget (test/size.test.ts) measures. `allow-extension` lets the modules the lazy chunk shares
    // with the entry stay in index.js (exported under extra names) instead of a third chunk.
    rolldownOptions: {
      preserveEntrySignatures: 'allow-extension',
      output: { minify: true, comments: false, chunkFileNames: '[name].js' },
    },
    lib: {
      entry: fileURLToPath(new URL('src/index.ts', import.meta.url)),
      formats: ['es'],
      fileName: 'index',
    },
  },
});
