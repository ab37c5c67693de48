// Memory: JS heap after opening and closing each widget many times (a leak check), via CDP.
import { PAGES } from './browser.mjs';

/**
 * For each subject, in a fresh page: heap after load, after the first open/close and after
 * `cycles` open/close cycles, each after a forced full GC.
 */
export async function measureMemory(bench, { cycles }) {
  const result = {};
  for (const subject of Object.keys(PAGES)) {
    const { page, context } = await bench.openPage(subject);
    const cdp = await context.newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
      return { usedSize, totalSize };
    };
    const loaded = await heap();
    await page.evaluate(() => globalThis.bench.open());
    await page.evaluate(() => globalThis.bench.close());
    const afterFirst = await heap();
    for (let i = 1; i < cycles; i++) {
      await page.evaluate(() => globalThis.bench.open());
      await page.evaluate(() => globalThis.bench.close());
    }
    const afterAll = await heap();
    const dom = await cdp.send('Memory.getDOMCounters').catch(() => null);
    await context.close();
    result[subject] = {
      cycles,
      loaded,
      afterFirst,
      afterAll,
      growth: afterAll.usedSize - afterFirst.usedSize,
      growthPerCycle: Math.round(
        (afterAll.usedSize - afterFirst.usedSize) / Math.max(1, cycles - 1),
      ),
      domCounters: dom,
    };
  }
  return result;
}
