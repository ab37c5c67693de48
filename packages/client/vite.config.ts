import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `pnpm build`: dist/index.js (ESM, one file, no dependencies) for publishing; declarations come
// from `tsc -p tsconfig.build.json`. Inside the monorepo everything imports src/ directly.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // Vite keeps whitespace in ES library builds; strip it too, so dist/index.js is the file the
    // size budget (test/size.test.ts) measures.
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: fileURLToPath(new URL('src/index.ts', import.meta.url)),
      formats: ['es'],
      fileName: 'index',
    },
  },
});
