// Time to open: show() → email input visible / focused → a frame painted after it, in Chromium.
import { PAGES } from './browser.mjs';
import { summarize } from './stats.mjs';

/**
 * @param {Awaited<ReturnType<import('./browser.mjs').startBrowserBench>>} bench
 * @param {object} counts
 * @param {number} counts.firstLoads first opens, each on a fresh page
 * @param {number} counts.opens warm opens on one page per subject, alternating in rounds of `round`
 * @param {number} counts.focusGraceMs how long after the input shows an open waits for focus
 * @param {number} counts.focusProbes warm opens that wait for focus; after them a subject that
 *   never focused is no longer waited on
 */
export async function measureOpenTime(
  bench,
  { firstLoads, opens, round, focusGraceMs, focusProbes },
) {
  const subjects = Object.keys(PAGES);
  const runs = {};
  for (const subject of subjects) {
    const first = [];
    for (let i = 0; i < firstLoads; i++) {
      const { page, context } = await bench.openPage(subject);
      first.push(await openOnce(page, focusGraceMs));
      await context.close();
    }
    runs[subject] = { first, warm: [] };
  }

  // Warm opens: the page's first open is left out; subjects alternate so drift hits both.
  const pages = {};
  for (const subject of subjects) {
    pages[subject] = await bench.openPage(subject);
    await openOnce(pages[subject].page, 0);
    await pages[subject].page.evaluate(() => globalThis.bench.close());
  }
  while (subjects.some((subject) => runs[subject].warm.length < opens)) {
    for (const subject of subjects) {
      const { page } = pages[subject];
      const { warm } = runs[subject];
      for (let i = 0; i < round && warm.length < opens; i++) {
        const probing = warm.length < focusProbes || warm.some((r) => r.focused);
        warm.push(await openOnce(page, probing ? focusGraceMs : 0));
        await page.evaluate(() => globalThis.bench.close());
      }
    }
  }
  for (const { context } of Object.values(pages)) await context.close();

  const summary = {};
  for (const subject of subjects) {
    const { first, warm } = runs[subject];
    summary[subject] = {
      firstOpen: describe(first),
      open: describe(warm),
      createMs: summarize(first.map((r) => r.createMs)),
    };
  }
  return summary;
}

async function openOnce(page, focusGraceMs) {
  const result = await page.evaluate(
    (grace) => globalThis.bench.open({ focusGraceMs: grace }),
    focusGraceMs,
  );
  return { ...result, probed: focusGraceMs > 0 || Boolean(result.focused) };
}

/** Visible+painted and focused+painted statistics; how many opens ever reached focus. */
function describe(samples) {
  const focused = samples.filter((r) => r.focused);
  return {
    visible: summarize(samples.map((r) => r.visible.paintedMs)),
    focused: focused.length ? summarize(focused.map((r) => r.focused.paintedMs)) : null,
    focusedCount: focused.length,
    /** Opens that waited for focus (a subject that never focuses stops being waited on). */
    focusProbed: samples.filter((r) => r.probed).length,
    count: samples.length,
    samples: samples.map((r) => ({
      visible: round1(r.visible.paintedMs),
      focused: r.focused ? round1(r.focused.paintedMs) : null,
    })),
  };
}

const round1 = (x) => Math.round(x * 10) / 10;
