// Library builds of the widget; `node scripts/build.mjs` runs both and adds types and the manifest.
//   vite build                     → dist/: ESM entries `index.js` and `define.js`, one chunk per
//                                    extra locale; lit, i18next and the client stay imports.
//   vite build --mode script-tag   → dist/passwordless-lock.iife.js: everything in one file for a
//                                    <script> tag (no module loader, so the locales are inlined).
//   vite build --mode bundle       → dist-bundle/: the ESM build with its dependencies bundled in,
//                                    what a page really downloads; the size budget measures it.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
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

interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** Visits every node of an ESTree AST, depth first; `visit` returns false to skip a subtree. */
function walk(node: unknown, visit: (node: AstNode) => boolean): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
  } else if (typeof (node as AstNode | null)?.type === 'string') {
    if (!visit(node as AstNode)) return;
    for (const value of Object.values(node as AstNode)) {
      if (value && typeof value === 'object') walk(value, visit);
    }
  }
}

const nameOf = (node: unknown) => (node as { name?: unknown } | undefined)?.name;

/**
 * Replaces i18next's debug-only log calls (`this.logger.warn(…)`, `.log`, `.deprecate`) with
 * `void 0`. i18next prints them only with its `debug` option, which the widget's private instance
 * never sets, so they can never print; their messages are about 0.9 KB of the bundle gzipped.
 * `logger.error` (printed without `debug`) stays.
 */
function stripI18nextDebugLogs(): Plugin {
  const debugOnly = new Set(['warn', 'log', 'deprecate']);
  return {
    name: 'passwordless-lock:strip-i18next-debug-logs',
    transform(code, id) {
      if (!/[\\/]i18next[\\/]dist[\\/]esm[\\/]i18next\.js$/.test(id)) return null;
      const calls: AstNode[] = [];
      walk(this.parse(code), (node) => {
        const callee = node.type === 'CallExpression' ? (node.callee as AstNode) : undefined;
        const logger = callee?.type === 'MemberExpression' ? (callee.object as AstNode) : undefined;
        const isDebugLog =
          logger?.type === 'MemberExpression' &&
          (logger.object as AstNode).type === 'ThisExpression' &&
          nameOf(logger.property) === 'logger' &&
          debugOnly.has(nameOf(callee!.property) as string);
        if (isDebugLog) calls.push(node);
        return !isDebugLog;
      });
      let stripped = code;
      for (const { start, end } of calls.reverse()) {
        stripped = `${stripped.slice(0, start)}void 0${stripped.slice(end)}`;
      }
      return { code: stripped, map: null };
    },
  };
}

/**
 * Collapses every run of whitespace with a line break in the text of `html`/`svg` templates to one
 * space, as HTML rendering does anyway (the templates hold no `<pre>` or `<textarea>` text).
 */
function minifyTemplates(): Plugin {
  return {
    name: 'passwordless-lock:minify-templates',
    transform(code, id) {
      if (!/[\\/]lock[\\/]src[\\/].*\.ts$/.test(id) || !/\b(html|svg)`/.test(code)) return null;
      const texts: AstNode[] = [];
      walk(this.parse(code), (node) => {
        if (
          node.type === 'TaggedTemplateExpression' &&
          /^(html|svg)$/.test(nameOf(node.tag) as string)
        ) {
          texts.push(...((node.quasi as AstNode).quasis as AstNode[]));
        }
        return true;
      });
      let minified = code;
      for (const { start, end } of texts.sort((a, b) => b.start - a.start)) {
        const text = minified.slice(start, end).replace(/\s*\n\s*/g, ' ');
        minified = `${minified.slice(0, start)}${text}${minified.slice(end)}`;
      }
      return { code: minified, map: null };
    },
  };
}

const plugins = [minifyStyles(), minifyTemplates(), stripI18nextDebugLogs()];
/**
 * `build.minify` alone keeps the whitespace of ES library builds (Vite only lets the minifier
 * compress and mangle them); this output option removes it too: about 3 KB gzipped.
 */
const output = { minify: true } as const;

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
          rolldownOptions: { output },
        },
      }
    : {
        plugins,
        build: {
          minify: true,
          outDir: mode === 'bundle' ? 'dist-bundle' : 'dist',
          lib: {
            entry: { index: src('index.ts'), define: src('define.ts') },
            formats: ['es'],
          },
          rolldownOptions: {
            external: (id: string) =>
              mode !== 'bundle' && dependencies.some((d) => id === d || id.startsWith(`${d}/`)),
            output: { ...output, chunkFileNames: 'chunks/[name]-[hash].js' },
          },
        },
      },
);
