import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host once a second while a deadline it watches (the resend cooldown, the code's
 * expiry) lies ahead, and stops ticking when none does or the host leaves the page.
 */
export class CountdownController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #now: () => number;
  readonly #deadlines = new Set<number>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #connected = false;

  /** @param now - The clock deadlines are read on, in ms; tests pass a fake one. */
  constructor(host: ReactiveControllerHost, now: () => number = Date.now) {
    this.#host = host;
    this.#now = now;
    host.addController(this);
  }

  /** Whole seconds until `deadline` (a time of the clock), rounded up; 0 once it has passed. */
  secondsUntil(deadline: number | null): number {
    return deadline === null ? 0 : Math.max(0, Math.ceil((deadline - this.#now()) / 1000));
  }

  /** Starts ticking until `deadline` (a time of the clock). */
  watch(deadline: number): void {
    this.#deadlines.add(deadline);
    this.#start();
  }

  /** Forgets every deadline. */
  clear(): void {
    this.#deadlines.clear();
    this.#stop();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#start();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #start(): void {
    if (this.#timer !== undefined || !this.#connected || this.#deadlines.size === 0) return;
    this.#timer = setInterval(() => this.#tick(), 1000);
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #tick(): void {
    const now = this.#now();
    for (const deadline of this.#deadlines)
      if (deadline <= now - 1000) this.#deadlines.delete(deadline);
    this.#host.requestUpdate();
    if (this.#deadlines.size === 0) this.#stop();
  }
}
