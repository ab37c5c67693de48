// Bundles every subject with Vite's JS API and the same settings, in memory (write: false). The
// CDN folder is the exception: it is a published file set, so it is measured as the package
// builds it (packages/lock/vite.config.ts, mode `cdn`), not rebuilt here.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import {
  compileHint,
  minifyStyles,
  minifyTemplates,
  stripI18nextDebugLogs,
  stripUnusedI18nextMethods,
} from '../packages/lock/scripts/build-plugins.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const LOCALES_DIR = here('../packages/lock/src/i18n/locales/');
const LOCK_ROOT = here('../packages/lock/');

/**
 * What the size table lists. `group`: ours / peer. `format`: es (default) or iife.
 * `role` ties a peer to the line of ours it compares with. `packageBuild`: measured from the lock
 * package's own build in that mode, from that entry file, instead of from `entries/`.
 */
export const SUBJECTS = [
  { id: 'ours-widget', name: 'passwordless-lock (widget ESM)', group: 'ours', role: 'widget' },
  {
    id: 'ours-script-tag',
    name: 'passwordless-lock (script-tag IIFE)',
    group: 'ours',
    role: 'script',
    // As the package builds it: English inline, the other locales imported from dist/cdn/chunks/.
    packageBuild: { mode: 'script-tag', entry: 'passwordless-lock.iife.js' },
  },
  {
    id: 'ours-cdn',
    name: 'passwordless-lock (CDN module, `cdn/define.js`)',
    group: 'ours',
    role: 'cdn',
    packageBuild: { mode: 'cdn', entry: 'define.js' },
  },
  { id: 'ours-client', name: '@passwordless-lock/client', group: 'ours', role: 'client' },
  {
    id: 'auth0-lock-passwordless',
    name: 'auth0-lock (passwordless entry)',
    group: 'peer',
    role: 'widget',
    pkg: 'auth0-lock',
  },
  {
    id: 'hanko-elements',
    name: '@teamhanko/hanko-elements',
    group: 'peer',
    role: 'widget',
    pkg: '@teamhanko/hanko-elements',
  },
  { id: 'auth0-js', name: 'auth0-js', group: 'peer', role: 'client', pkg: 'auth0-js' },
];

/** Our locale sources other than English (English ships inside the widget). */
export function ourLocales() {
  let files = [];
  try {
    files = readdirSync(LOCALES_DIR);
  } catch {
    return [];
  }
  return files
    .filter((file) => file.endsWith('.ts') && file !== 'en.ts')
    .map((file) => ({ locale: file.replace(/\.ts$/, ''), path: LOCALES_DIR + file }));
}

/**
 * One bundle: ESM (or IIFE), minified, es2022, NODE_ENV production, every dependency inlined.
 * Dynamic imports become separate chunks, reported beside the entry; `loaded` is the code of the
 * entry and of every chunk it imports statically (shared chunks), which is what the sizes count.
 *
 * @returns {Promise<{ code: string, loaded: string[], chunks: { fileName: string, code: string, facade?: string }[] }>}
 */
export async function bundle(entryPath, { format = 'es', name = 'Bundle' } = {}) {
  const result = await build({
    configFile: false,
    envFile: false,
    logLevel: 'silent',
    root: here('.'),
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    // Our widget's own build transforms, so it is measured as it ships; they touch only its
    // sources and i18next, which no peer bundles.
    plugins: [
      minifyStyles(),
      minifyTemplates(),
      stripI18nextDebugLogs(),
      stripUnusedI18nextMethods(),
      compileHint(),
    ],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      sourcemap: false,
      modulePreload: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: entryPath,
        // An app build would drop the entry's exports; a library keeps them all (and, as our packages'
        // builds do, may add some, so shared code need not become a chunk of its own).
        preserveEntrySignatures: 'allow-extension',
        output: {
          // Strips the whitespace Vite's minify keeps when entry signatures are preserved.
          minify: true,
          format,
          ...(format === 'iife' ? { name } : {}),
          entryFileNames: '[name].js',
          chunkFileNames: '[name]-[hash].js',
        },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunks = outputs.filter((o) => o.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry);
  if (!entry) throw new Error(`no entry chunk for ${entryPath}`);
  return {
    code: entry.code,
    loaded: staticClosure(entry, chunks).map((chunk) => chunk.code),
    chunks: chunks
      .filter((c) => !c.isEntry)
      .map((c) => ({ fileName: c.fileName, code: c.code, facade: c.facadeModuleId ?? undefined })),
  };
}

/**
 * One entry of the lock package's own build (its vite.config.ts in `mode`), shaped as `bundle`
 * returns it.
 */
export async function packageBundle({ mode, entry: fileName }) {
  const result = await build({
    root: LOCK_ROOT,
    configFile: `${LOCK_ROOT}vite.config.ts`,
    mode,
    logLevel: 'silent',
    build: { write: false, reportCompressedSize: false },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunks = outputs.filter((o) => o.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry && c.fileName === fileName);
  if (!entry) throw new Error(`no ${fileName} in the lock package's ${mode} build`);
  return {
    code: entry.code,
    loaded: staticClosure(entry, chunks).map((chunk) => chunk.code),
    chunks: chunks
      .filter((c) => c !== entry)
      .map((c) => ({ fileName: c.fileName, code: c.code, facade: c.facadeModuleId ?? undefined })),
  };
}

/** The entry and every chunk it imports statically: what a page loads on import. */
function staticClosure(entry, chunks) {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const loaded = new Map();
  const visit = (chunk) => {
    if (loaded.has(chunk.fileName)) return;
    loaded.set(chunk.fileName, chunk);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  visit(entry);
  return [...loaded.values()];
}

/** The entry file of a subject. */
export function entryOf(subject) {
  return here(`entries/${subject.id}.js`);
}
