// Size: every subject bundled with the same Vite settings, then raw, gzip -9 and brotli -11 bytes.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { SUBJECTS, bundle, entryOf, ourLocales, packageBundle } from './build.mjs';

/**
 * Budgets (min+gzip bytes) the tests enforce; shown beside the figures. The CDN module's first
 * load has the widget's budget (packages/lock/test-node/size.test.ts).
 */
const BUDGETS = { widget: 36 * 1024, cdn: 36 * 1024, client: 6.25 * 1024, locale: 1.5 * 1024 };

/** Bytes of some text: raw, gzip level 9, brotli quality 11. */
function measure(code) {
  const raw = Buffer.from(code);
  return {
    bytes: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }).length,
  };
}

/** The sum of `measure` over files that are fetched and compressed one by one. */
function measureFiles(codes) {
  const total = { bytes: 0, gzip: 0, brotli: 0 };
  for (const sizes of codes.map(measure)) {
    for (const key of Object.keys(total)) total[key] += sizes[key];
  }
  return total;
}

/**
 * Builds and measures every subject and our locale chunks.
 *
 * @returns {Promise<{ rows: object[], locales: object[], bundles: Record<string, object> }>}
 *   `bundles` keeps the built code for the browser benches.
 */
export async function measureSizes() {
  const bundles = {};
  const rows = [];
  for (const subject of SUBJECTS) {
    const started = performance.now();
    try {
      const built = subject.packageBuild
        ? await packageBundle(subject.packageBuild)
        : await bundle(entryOf(subject), {
            format: subject.format ?? 'es',
            name: 'PasswordlessLockBundle',
          });
      bundles[subject.id] = built;
      rows.push({
        ...subject,
        ...measureFiles(built.loaded),
        buildMs: Math.round(performance.now() - started),
      });
    } catch (error) {
      rows.push({ ...subject, error: String(error.message ?? error).split('\n')[0] });
    }
  }

  // Locale chunks: the lazy chunks of the widget build when it splits them, else each locale
  // bundled alone (what such a chunk would hold).
  const locales = [];
  const widgetChunks = bundles['ours-widget']?.chunks ?? [];
  for (const { locale, path } of ourLocales()) {
    const chunk = widgetChunks.find((c) => c.facade === path);
    try {
      const code = chunk ? chunk.code : (await bundle(path)).code;
      locales.push({ locale, lazyChunk: Boolean(chunk), ...measure(code) });
    } catch (error) {
      locales.push({ locale, error: String(error.message ?? error).split('\n')[0] });
    }
  }

  // Ratios: each peer to our line of the same role (widget or client).
  const ours = Object.fromEntries(
    rows.filter((r) => r.group === 'ours' && !r.error).map((r) => [r.role, r]),
  );
  for (const row of rows) {
    const base = ours[row.role];
    if (row.group === 'peer' && base && !row.error) {
      row.ratio = {
        bytes: round2(row.bytes / base.bytes),
        gzip: round2(row.gzip / base.gzip),
        brotli: round2(row.brotli / base.brotli),
      };
    }
    if (row.group === 'ours' && BUDGETS[row.role] && !row.error) {
      row.budget = { gzip: BUDGETS[row.role], within: row.gzip <= BUDGETS[row.role] };
    }
  }
  for (const locale of locales) {
    if (!locale.error)
      locale.budget = { gzip: BUDGETS.locale, within: locale.gzip <= BUDGETS.locale };
  }
  return { rows, locales, bundles };
}

const round2 = (x) => Math.round(x * 100) / 100;
