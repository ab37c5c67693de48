// Main-thread time of an open: what Chromium's Performance domain counts as script, style and
// layout from just before the widget is created (first open) or shown (warm) until the email
// input is visible and a frame has painted after it. Beside the frame-quantized time to open,
// this says how much of those frames the widget itself keeps the main thread busy.
import { PAGES } from './browser.mjs';
import { summarize } from './stats.mjs';

/** Performance.getMetrics names (cumulative seconds) → our names. */
const PARTS = { script: 'ScriptDuration', style: 'RecalcStyleDuration', layout: 'LayoutDuration' };

/**
 * @param {Awaited<ReturnType<import('./browser.mjs').startBrowserBench>>} bench
 * @param {{ firstLoads: number, opens: number }} counts fresh pages (one first open each), then
 *   warm opens on the last of them
 */
export async function measureMainThread(bench, { firstLoads, opens }) {
  const result = {};
  for (const subject of Object.keys(PAGES)) {
    const first = [];
    const warm = [];
    for (let i = 0; i < firstLoads; i++) {
      const { page, context } = await bench.openPage(subject);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      const sample = async () => {
        const before = await metrics(cdp);
        await page.evaluate(() => globalThis.bench.open({ focusGraceMs: 0 }));
        const after = await metrics(cdp);
        return Object.fromEntries(
          Object.keys(PARTS).map((part) => [part, (after[part] - before[part]) * 1000]),
        );
      };
      first.push(await sample());
      await page.evaluate(() => globalThis.bench.close());
      if (i === firstLoads - 1) {
        for (let j = 0; j < opens; j++) {
          warm.push(await sample());
          await page.evaluate(() => globalThis.bench.close());
        }
      }
      await context.close();
    }
    result[subject] = { firstOpen: describe(first), open: describe(warm) };
  }
  return result;
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const value = (name) => list.find((m) => m.name === name)?.value ?? 0;
  return Object.fromEntries(Object.entries(PARTS).map(([part, name]) => [part, value(name)]));
}

/** Medians of each part and of their sum, in milliseconds. */
function describe(samples) {
  const total = samples.map((s) => s.script + s.style + s.layout);
  return {
    total: summarize(total),
    ...Object.fromEntries(
      Object.keys(PARTS).map((part) => [part, summarize(samples.map((s) => s[part])).median]),
    ),
    samples: samples.map((s) =>
      Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Math.round(v * 10) / 10])),
    ),
  };
}
