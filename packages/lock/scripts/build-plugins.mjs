// Build-time transforms of the widget's bundle, shared by vite.config.ts and `pnpm bench` (so the
// bench measures the widget as it ships). Each is a Vite plugin.

/**
 * Squeezes the whitespace and comments out of the `css` literals in `*.styles.ts` (they hold no
 * `${}` expressions). A JS minifier leaves template text alone; this is about 0.3 KB gzipped.
 */
export function minifyStyles() {
  return {
    name: 'passwordless-lock:minify-styles',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      return code.replace(/css`([^`]*)`/g, (_, text) => {
        const css = text
          .replace(/\/\*[^]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          // After a colon only: in a selector a space before one is a descendant combinator.
          .replace(/:\s+/g, ':')
          .replace(/\s*(\/|!important)/g, '$1')
          .replace(/\/\s+/g, '/')
          .replace(/(^|[^\w.#])0\.(\d)/g, '$1.$2')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${css}\``;
      });
    },
  };
}

/** Visits every node of an ESTree AST, depth first; `visit` returns false to skip a subtree. */
function walk(node, visit) {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
  } else if (typeof node?.type === 'string') {
    if (!visit(node)) return;
    for (const value of Object.values(node)) {
      if (value && typeof value === 'object') walk(value, visit);
    }
  }
}

const nameOf = (node) => node?.name;

/**
 * Replaces i18next's debug-only log calls (`this.logger.warn(…)`, `.log`, `.deprecate`) with
 * `void 0`. i18next prints them only with its `debug` option, which the widget's private instance
 * never sets, so they can never print; their messages are about 0.9 KB of the bundle gzipped.
 * `logger.error` (printed without `debug`) stays.
 */
export function stripI18nextDebugLogs() {
  const debugOnly = new Set(['warn', 'log', 'deprecate']);
  return {
    name: 'passwordless-lock:strip-i18next-debug-logs',
    transform(code, id) {
      if (!/[\\/]i18next[\\/]dist[\\/]esm[\\/]i18next\.js$/.test(id)) return null;
      const calls = [];
      walk(this.parse(code), (node) => {
        const callee = node.type === 'CallExpression' ? node.callee : undefined;
        const logger = callee?.type === 'MemberExpression' ? callee.object : undefined;
        const isDebugLog =
          logger?.type === 'MemberExpression' &&
          logger.object.type === 'ThisExpression' &&
          nameOf(logger.property) === 'logger' &&
          debugOnly.has(nameOf(callee.property));
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
 * Methods of i18next's API that the widget never calls on its private instance, and i18next never
 * calls itself: making instances from it (`cloneInstance`), plugins (`use`), loading from a
 * backend (`loadNamespaces`, `loadLanguages`), server-side hydration, `getFixedT`,
 * `setDefaultNamespace`, `toJSON`.
 */
const UNUSED_I18NEXT_METHODS = [
  'cloneInstance',
  'use',
  'loadNamespaces',
  'loadLanguages',
  'hydrate',
  'getFixedT',
  'setDefaultNamespace',
  'toJSON',
];

/**
 * Removes {@link UNUSED_I18NEXT_METHODS} from i18next's `I18n` class: about 1 KB of the bundle
 * gzipped. Only where i18next is bundled in (the CDN and script-tag files, the bench), where the
 * widget's instance is the only one; a page's own i18next is never this copy. The build fails if
 * one of them is missing (i18next changed) or is still used anywhere in i18next but its own
 * module-level exports of the default instance (`const use = instance.use`).
 */
export function stripUnusedI18nextMethods() {
  const unused = new Set(UNUSED_I18NEXT_METHODS);
  return {
    name: 'passwordless-lock:strip-unused-i18next-methods',
    transform(code, id) {
      if (!/[\\/]i18next[\\/]dist[\\/]esm[\\/]i18next\.js$/.test(id)) return null;
      const methods = [];
      const uses = [];
      walk(this.parse(code), (node) => {
        if (node.type === 'ClassDeclaration' && nameOf(node.id) === 'I18n') {
          methods.push(
            ...node.body.body.filter(
              (m) => m.type === 'MethodDefinition' && !m.static && unused.has(nameOf(m.key)),
            ),
          );
        }
        const isUse =
          node.type === 'MemberExpression' &&
          unused.has(nameOf(node.property)) &&
          nameOf(node.object) !== 'instance';
        if (isUse) uses.push(nameOf(node.property));
        return true;
      });
      const found = new Set(methods.map((m) => nameOf(m.key)));
      const missing = UNUSED_I18NEXT_METHODS.filter((name) => !found.has(name));
      if (missing.length || uses.length) {
        throw new Error(
          `i18next changed: review UNUSED_I18NEXT_METHODS (missing: ${missing.join(', ') || 'none'}; used: ${uses.join(', ') || 'none'})`,
        );
      }
      let stripped = code;
      for (const { start, end } of methods.sort((a, b) => b.start - a.start)) {
        stripped = `${stripped.slice(0, start)}${stripped.slice(end)}`;
      }
      return { code: stripped, map: null };
    },
  };
}

/**
 * Collapses every run of whitespace with a line break in the text of `html`/`svg` templates to one
 * space, as HTML rendering does anyway (the templates hold no `<pre>` or `<textarea>` text).
 */
export function minifyTemplates() {
  return {
    name: 'passwordless-lock:minify-templates',
    transform(code, id) {
      if (!/[\\/]lock[\\/]src[\\/].*\.ts$/.test(id) || !/\b(html|svg)`/.test(code)) return null;
      const texts = [];
      walk(this.parse(code), (node) => {
        if (node.type === 'TaggedTemplateExpression' && /^(html|svg)$/.test(nameOf(node.tag))) {
          texts.push(...node.quasi.quasis);
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

/**
 * Chrome's explicit compile hint (https://v8.dev/blog/explicit-compile-hints) on the file that
 * holds the element: V8 compiles its functions as the file loads (off the main thread for a module
 * script) instead of lazily inside the first `show()`, where compiling was about a third of the
 * first open's script time. Other engines read a comment. Added after minifying, which drops
 * comments; module builds only (the script-tag file inlines every locale, and starts with its IIFE).
 */
export function compileHint() {
  return {
    name: 'passwordless-lock:compile-hint',
    generateBundle({ format }, bundle) {
      if (format !== 'es') return;
      for (const chunk of Object.values(bundle)) {
        const element = chunk.moduleIds?.some((id) =>
          /[\\/]src[\\/]passwordless-lock\.ts$/.test(id),
        );
        if (element) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
      }
    },
  };
}
