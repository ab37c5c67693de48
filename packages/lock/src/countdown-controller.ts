import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host once a second while a deadline it watches (the resend cooldown, the code's
 * expiry) lies ahead, and stops ticking when none does or the host leaves the page.
 */
export class CountdownController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #deadlines = new Set<number>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Whole seconds until `deadline` (a `Date.now()` time), rounded up; 0 once it has passed. */
  static secondsUntil(deadline: number | null): number {
    return deadline === null ? 0 : Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
  }

  /** Starts ticking until `deadline` (a `Date.now()` time). */
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
    const now = Date.now();
    for (const deadline of this.#deadlines)
      if (deadline <= now - 1000) this.#deadlines.delete(deadline);
    this.#host.requestUpdate();
    if (this.#deadlines.size === 0) this.#stop();
  }
}
