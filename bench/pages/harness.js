/* global window, document, requestAnimationFrame, HTMLInputElement */
// In-page timing shared by every subject, so start and end conditions are the same for all.
//
// A subject is { create(), show(), hide(), emailInput(), closed() }:
// - emailInput(): the email <input> of the open widget, or null (both widgets keep it in the
//   document, not in a shadow root, so focus is document.activeElement);
// - closed(): true once the widget's own close has finished (ours: the dialog is closed;
//   Auth0 Lock: unmounted, which it does 1 s after hide()).
//
// Two end conditions, each followed by rAF inside rAF (the second callback runs once the frame
// after the condition has been painted):
// - visible: the email input exists and is rendered (checkVisibility with CSS visibility);
// - focused: it also has focus.

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const paintedFrame = async () => {
  await nextFrame();
  await nextFrame();
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when `condition()` holds: checked on every focusin (capture) and every frame. */
function whenTrue(condition, timeoutMs = 15000) {
  let cancel = () => {};
  const promise = new Promise((resolve, reject) => {
    let done = false;
    const finish = (error) => {
      if (done) return;
      done = true;
      document.removeEventListener('focusin', check, true);
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      if (!done && condition()) finish();
    };
    const frame = () => {
      check();
      if (!done) requestAnimationFrame(frame);
    };
    const timer = setTimeout(() => finish(new Error('timed out')), timeoutMs);
    cancel = () => finish(new Error('cancelled'));
    document.addEventListener('focusin', check, true);
    requestAnimationFrame(frame);
    queueMicrotask(check);
  });
  return { promise, cancel };
}

let opens = 0;

/** Installs `window.bench` for the Playwright driver. */
export function install(subject) {
  let created = false;
  const visibleInput = () => {
    const input = subject.emailInput();
    return input instanceof HTMLInputElement &&
      input.isConnected &&
      input.checkVisibility({ checkVisibilityCSS: true })
      ? input
      : null;
  };
  const focusedInput = () => {
    const input = visibleInput();
    return input && document.activeElement === input ? input : null;
  };

  /** Marks when `condition` holds and when the frame after it has painted. */
  const track = (id, name, condition, timeoutMs) => {
    const waiting = whenTrue(condition, timeoutMs);
    const promise = waiting.promise.then(async () => {
      const at = performance.now();
      await paintedFrame();
      return {
        ms: at - performance.getEntriesByName(`show-${id}`)[0].startTime,
        paintedMs: performance.measure(`${name}-${id}`, `show-${id}`).duration,
      };
    });
    return { promise, cancel: waiting.cancel };
  };

  window.bench = {
    /**
     * Creates the widget (first call only) and opens it; the time starts at show(). Resolves
     * once the input is visible and painted, and either focused and painted or `focusGraceMs`
     * later (focus is then null).
     */
    async open({ focusGraceMs = 0 } = {}) {
      let createMs = 0;
      if (!created) {
        const start = performance.now();
        subject.create();
        createMs = performance.now() - start;
        created = true;
      }
      const id = ++opens;
      const visible = track(id, 'visible', () => visibleInput() !== null, 15000);
      const focused = track(id, 'focused', () => focusedInput() !== null, 60000);
      performance.mark(`show-${id}`);
      subject.show();
      const shown = await visible.promise;
      const focus = await Promise.race([
        focused.promise,
        sleep(focusGraceMs).then(() => null),
      ]).catch(() => null);
      focused.cancel();
      focused.promise.catch(() => {});
      return { createMs, visible: shown, focused: focus };
    },
    /** Closes and waits until the close has settled and a frame has painted. */
    async close() {
      subject.hide();
      await whenTrue(() => subject.closed()).promise;
      await paintedFrame();
      performance.clearMarks();
      performance.clearMeasures();
    },
  };
  window.benchReady = true;
}
