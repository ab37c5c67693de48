// Library builds of the widget; `node scripts/build.mjs` runs both and adds types and the manifest.
//   vite build                     → dist/: ESM entries `index.js` and `define.js`, one chunk per
//                                    extra locale; lit, i18next and the client stay imports.
//   vite build --mode script-tag   → dist/passwordless-lock.iife.js: everything in one file for a
//                                    <script> tag (no module loader, so the locales are inlined).
//   vite build --mode bundle       → dist-bundle/: the ESM build with its dependencies bundled in,
//                                    what a page really downloads; the size budget measures it.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));
const dependencies = Object.keys(pkg.dependencies);

/**
 * Squeezes the whitespace and comments out of the `css` literals in `*.styles.ts` (they hold no
 * `${}` expressions). A JS minifier leaves template text alone; this is about 0.3 KB gzipped.
 */
function minifyStyles(): Plugin {
  return {
    name: 'passwordless-lock:minify-styles',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      return code.replace(/css`([^`]*)`/g, (_, text: string) => {
        const css = text
          .replace(/\/\*[^]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${css}\``;
      });
    },
  };
}

export default defineConfig(({ mode }) =>
  mode === 'script-tag'
    ? {
        plugins: [minifyStyles()],
        build: {
          emptyOutDir: false,
          minify: true,
          lib: {
            entry: src('global.ts'),
            formats: ['iife'],
            name: 'passwordlessLock',
            fileName: () => 'passwordless-lock.iife.js',
          },
        },
      }
    : {
        plugins: [minifyStyles()],
        build: {
          minify: true,
          outDir: mode === 'bundle' ? 'dist-bundle' : 'dist',
          lib: {
            entry: { index: src('index.ts'), define: src('define.ts') },
            formats: ['es'],
          },
          rollupOptions: {
            external: (id: string) =>
              mode !== 'bundle' && dependencies.some((d) => id === d || id.startsWith(`${d}/`)),
            output: { chunkFileNames: 'chunks/[name]-[hash].js' },
          },
        },
      },
);
