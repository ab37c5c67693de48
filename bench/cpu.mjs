// Where a server run's CPU goes, per request: the time each process of the run (our server's
// main thread and its other threads, the mail sink, the load generator in this process) spent
// on a core, from Linux's /proc accounting. On 2 cores their sum bounds the rate: a run whose
// requests cost 2 core-ms each cannot pass 1,000/s however the work is spread.
import { readFile, readdir } from 'node:fs/promises';

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every common platform). */
const TICKS_PER_MS = 100 / 1000;

/** A thread's or process's user + system CPU in ms, from its `stat` file; null once it is gone. */
async function statCpuMs(path) {
  try {
    const stat = await readFile(path, 'utf8');
    // Fields after the command name (which may hold spaces, hence the last ')'); utime and
    // stime are the 14th and 15th of the whole line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_MS;
  } catch {
    return null;
  }
}

/** CPU of `pid` so far: its main thread (the event loop) and all its threads, in ms. */
async function processCpu(pid) {
  const main = await statCpuMs(`/proc/${pid}/task/${pid}/stat`);
  let all = 0;
  for (const task of await readdir(`/proc/${pid}/task`).catch(() => [])) {
    all += (await statCpuMs(`/proc/${pid}/task/${task}/stat`)) ?? 0;
  }
  return { main, all };
}

/**
 * Starts counting: `stop(requests)` gives each part's CPU per request in ms. A process's other
 * threads are libuv's pool (signing, syncs) and V8's (GC, compiling). `loadGenerator` is this
 * process (autocannon and the bench's own code), from `process.cpuUsage()`.
 * @param {{ server: number, sink?: number }} pids
 */
export async function cpuMeter(pids) {
  const read = async () => ({
    server: await processCpu(pids.server),
    sink: pids.sink ? await processCpu(pids.sink) : null,
  });
  const before = await read();
  const ownBefore = process.cpuUsage();
  return async (requests) => {
    const after = await read();
    const own = process.cpuUsage(ownBefore);
    const per = (ms) => (requests ? Math.round((ms / requests) * 1000) / 1000 : null);
    const serverMain = after.server.main - before.server.main;
    const serverAll = after.server.all - before.server.all;
    const parts = {
      serverMain: per(serverMain),
      serverOther: per(serverAll - serverMain),
      sink: after.sink ? per(after.sink.all - before.sink.all) : null,
      loadGenerator: per((own.user + own.system) / 1000),
    };
    const total = Object.values(parts).reduce((sum, ms) => sum + (ms ?? 0), 0);
    return { requests, ...parts, total: Math.round(total * 1000) / 1000 };
  };
}
