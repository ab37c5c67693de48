import type http from 'node:http';
import net from 'node:net';

/** Requests in flight at a shutdown get this long to finish; connections still open are then cut. */
export const DRAIN_TIMEOUT_MS = 10_000;
/**
 * A keep-alive connection idle at the signal stays open this long, in case the client is
 * sending its next request on it at that very moment: closing it under that request would reset
 * it. A request that does arrive is answered (with `Connection: close`); connections still idle
 * after this are closed.
 */
export const IDLE_GRACE_MS = 1_000;
/**
 * The listener and idle connections are closed at the end of an event-loop turn no longer than
 * this, so the loop polled every socket at most this long before: see {@link atQuietTurn}.
 */
const QUIET_TURN_MS = 5;

/**
 * Lets a server stop without cutting anyone off: once {@link drain} starts, it accepts the
 * connections already waiting and then no more, answers every request it has or still gets on
 * an open connection with `Connection: close`, closes connections once they are idle, and cuts
 * what is left after {@link DRAIN_TIMEOUT_MS}. Create it before the server's request handler is
 * attached.
 */
export class GracefulShutdown {
  readonly #server: http.Server;
  readonly #answering = new Set<http.ServerResponse>();
  #draining = false;
  #accepted = 0;

  constructor(server: http.Server) {
    this.#server = server;
    server.on('connection', () => this.#accepted++);
    server.on('request', (_request: http.IncomingMessage, response: http.ServerResponse) => {
      if (this.#draining) response.setHeader('connection', 'close');
      this.#answering.add(response);
      response.once('close', () => this.#answering.delete(response));
    });
  }

  /** Whether {@link drain} has started: `/readyz` answers 503 `draining` from then on. */
  get draining(): boolean {
    return this.#draining;
  }

  /** Resolves once every connection is closed: all answered, or cut after `timeoutMs`. */
  async drain(timeoutMs = DRAIN_TIMEOUT_MS): Promise<void> {
    this.#draining = true;
    for (const response of this.#answering) {
      if (!response.headersSent) response.setHeader('connection', 'close');
    }
    const stop = new AbortController();
    const listening = new AbortController();
    let stopListening!: () => void;
    const closed = new Promise<void>((resolve) => {
      // http.Server.close() would also close every idle keep-alive connection at once (Node ≥ 19),
      // resetting a request a client is just sending on one; only the listener is closed here.
      stopListening = () => {
        if (listening.signal.aborted) return;
        listening.abort();
        net.Server.prototype.close.call(this.#server, () => resolve());
      };
    });
    // Closing the listener resets the connections still in its accept queue, whose clients have
    // already sent their requests (the kernel completed them), and Node accepts one connection
    // per event-loop turn (libuv ≥ 1.45, libuv/libuv#3696), so a busy loop leaves many waiting.
    // So the kernel stops queueing new ones, and the listener is closed after a turn that
    // accepted none (its poll found the queue empty), or at the cut.
    refuseNewConnections(this.#server);
    let accepted: number | undefined;
    atQuietTurn(listening.signal, stopListening, () => {
      const none = accepted === this.#accepted;
      accepted = this.#accepted;
      return none;
    });
    const idleGrace = setTimeout(
      () => atQuietTurn(stop.signal, () => this.#server.closeIdleConnections()),
      IDLE_GRACE_MS,
    );
    const cut = setTimeout(() => {
      stopListening();
      this.#server.closeAllConnections();
    }, timeoutMs);
    try {
      await closed;
    } finally {
      stop.abort();
      clearTimeout(idleGrace);
      clearTimeout(cut);
    }
  }
}

/**
 * Has the kernel queue no more connections for `server` than it already has (at most one more
 * once those are accepted): it drops the other clients' SYNs, they send them again a second
 * later, and by then the port is closed and refuses them, so none of them is reset after sending
 * a request. Linux sets the backlog of a listening socket again on a second listen(); Node has no
 * public call for that, so this uses its handle's, where there is one.
 */
function refuseNewConnections(server: net.Server): void {
  if (process.platform !== 'linux') return;
  const handle = (server as unknown as { _handle?: { listen?: (backlog: number) => number } })
    ._handle;
  handle?.listen?.(0);
}

/**
 * Runs `action` at the end of the first event-loop turn that took at most {@link QUIET_TURN_MS}
 * and after which `settled()` holds (asked once a turn). Each turn polls every socket and reads
 * what is readable before it runs immediates, so a quick turn leaves unread only what arrived in
 * its last few milliseconds: a request sitting in a socket Node counts idle (its parser has no
 * request started), or a connection waiting to be accepted, would otherwise be reset by the close
 * (the kernel answers unread bytes with RST) while the loop is busy with other work (mail being
 * built and sent, a descheduled process). What arrives in those milliseconds is the race every
 * close has (RFC 9112 §9.3.1: clients retry). A busy turn waits for the next.
 */
function atQuietTurn(
  signal: AbortSignal,
  action: () => void,
  settled: () => boolean = () => true,
): void {
  let turnStartedAt = performance.now();
  const check = () => {
    if (signal.aborted) return;
    const now = performance.now();
    if (now - turnStartedAt <= QUIET_TURN_MS && settled()) {
      action();
    } else {
      turnStartedAt = now;
      setImmediate(check);
    }
  };
  setImmediate(check);
}

/**
 * On SIGTERM or SIGINT: drains `shutdown`, then runs `close` (the app: outbox, store, mail
 * transport) and exits 0, or 1 when closing fails. A second signal while draining is ignored.
 */
export function exitGracefullyOnSignals(
  shutdown: GracefulShutdown,
  close: () => Promise<void>,
): void {
  const stop = () => {
    if (shutdown.draining) return;
    shutdown
      .drain()
      .then(close)
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
