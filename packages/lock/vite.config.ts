// Library builds of the widget; `node scripts/build.mjs` runs all three and adds types and the
// manifest.
//   vite build                     → dist/: ESM entries `index.js` and `define.js`, one chunk per
//                                    extra locale; lit, i18next and the client stay imports.
//   vite build --mode script-tag   → dist/passwordless-lock.iife.js: everything in one file for a
//                                    <script> tag, English included; the other locales, ~1 KB
//                                    each, it imports from the CDN folder beside it (cdn/chunks/).
//   vite build --mode cdn          → dist/cdn/: the same ESM entries with every dependency bundled
//                                    in, for <script type="module" src=".../cdn/define.js"> with no
//                                    bundler or import map. Lazy chunks stay lazy, imported by
//                                    relative paths, so the folder works from any URL. It is what
//                                    a page really downloads: the size budget measures it.
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import {
  compileHint,
  minifyStyles,
  minifyTemplates,
  stripI18nextDebugLogs,
  stripUnusedI18nextMethods,
} from './scripts/build-plugins.mjs';
import pkg from './package.json' with { type: 'json' };

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));
const dependencies = Object.keys(pkg.dependencies);

const plugins = [
  minifyStyles(),
  minifyTemplates(),
  stripI18nextDebugLogs(),
  stripUnusedI18nextMethods(),
  compileHint(),
];
/**
 * `build.minify` alone keeps the whitespace of ES library builds (Vite only lets the minifier
 * compress and mangle them); this output option removes it too: about 3 KB gzipped.
 */
const output = { minify: true } as const;

/**
 * A locale other than English, as locales.ts imports it (`./locales/de.js`). Inlined in the
 * script-tag file, fifty of them would nearly double it (~1 KB each, min+gzip); a classic script
 * can `import()` a module too, resolved against the script's own URL, so it takes them from the
 * CDN folder that ships beside it (`dist/cdn/chunks/de.js`).
 */
const OTHER_LOCALE = /^.*\/locales\/(?!en\.js$)([\w-]+)\.js$/;

export default defineConfig(({ mode }): UserConfig =>
  mode === 'script-tag'
    ? {
        plugins,
        build: {
          emptyOutDir: false,
          minify: true,
          lib: {
            entry: src('global.ts'),
            formats: ['iife'],
            name: 'passwordlessLock',
            fileName: () => 'passwordless-lock.iife.js',
          },
          rolldownOptions: {
            external: (id: string) => OTHER_LOCALE.test(id),
            output: {
              ...output,
              paths: (id: string) => id.replace(OTHER_LOCALE, './cdn/chunks/$1.js'),
            },
          },
        },
      }
    : {
        plugins,
        build: {
          minify: true,
          outDir: mode === 'cdn' ? 'dist/cdn' : 'dist',
          lib: {
            entry: { index: src('index.ts'), define: src('define.ts') },
            formats: ['es'],
          },
          rolldownOptions: {
            external: (id: string) =>
              mode !== 'cdn' && dependencies.some((d) => id === d || id.startsWith(`${d}/`)),
            // No hash: the page's bundler hashes the chunks it emits; a second one doubles it
            // (`de-1zkx-0s2-1zkx-0s2.js`).
            output: {
              ...output,
              chunkFileNames: 'chunks/[name].js',
              // The element and everything it imports statically, in one chunk. Left to itself,
              // Rolldown splits the client modules that a lazy chunk (session.ts) also imports
              // into a chunk of their own: one more request, and ~600 B more gzipped.
              codeSplitting: {
                groups: [
                  { name: 'passwordless-lock', test: /[\\/]src[\\/]passwordless-lock\.ts$/ },
                ],
              },
            },
          },
        },
      },
);
