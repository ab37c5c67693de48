// The start rows' proof of work: after a run, every accepted start's mail must reach the mail
// sink (mail-sink.mjs), once. Start answers once the mail is queued, so the server may still be
// sending when the run ends; it is given a bounded time to finish.
import { deliveredTo } from './mail-sink.mjs';

/** How long the server has, after the run, to hand the sink the mail it queued. */
export const DRAIN_LIMIT_MS = 60_000;

/**
 * Waits until the sink at `sinkUrl` holds a mail for each of `accepted` (the addresses whose
 * start was answered 200), or until {@link DRAIN_LIMIT_MS} has passed.
 * @returns {Promise<{ accepted: number, delivered: number, twice: number, drainMs: number, valid: boolean }>}
 *   `valid`: each accepted start's mail arrived, and none twice
 */
export async function awaitDelivery(sinkUrl, accepted) {
  const began = performance.now();
  let counts = await deliveredTo(sinkUrl, accepted);
  while (counts.delivered < accepted.length && performance.now() - began < DRAIN_LIMIT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    counts = await deliveredTo(sinkUrl, accepted);
  }
  const drainMs = Math.round(performance.now() - began);
  // A moment more, so that a mail sent twice shows.
  await new Promise((resolve) => setTimeout(resolve, 200));
  counts = await deliveredTo(sinkUrl, accepted);
  return {
    accepted: accepted.length,
    delivered: counts.delivered,
    twice: counts.twice,
    drainMs,
    valid: counts.delivered === accepted.length && counts.twice === 0,
  };
}
