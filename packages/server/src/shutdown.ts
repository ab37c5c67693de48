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
 * Idle connections are closed at the end of an event-loop turn no longer than this, so the
 * loop read every socket at most this long before: see {@link closeIdleAfterQuietTurn}.
 */
const QUIET_TURN_MS = 5;

/**
 * Lets a server stop without cutting anyone off: once {@link drain} starts, it accepts no new
 * connection, answers every request it has or still gets on an open connection with
 * `Connection: close`, closes connections once they are idle, and cuts what is left after
 * {@link DRAIN_TIMEOUT_MS}. Create it before the server's request handler is attached.
 */
export class GracefulShutdown {
  readonly #server: http.Server;
  readonly #answering = new Set<http.ServerResponse>();
  #draining = false;

  constructor(server: http.Server) {
    this.#server = server;
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
    // http.Server.close() would also close every idle keep-alive connection at once (Node ≥ 19),
    // resetting a request a client is just sending on one; only the listener is closed here.
    const closed = new Promise<void>((resolve) =>
      net.Server.prototype.close.call(this.#server, () => resolve()),
    );
    const closeIdle = new AbortController();
    const grace = setTimeout(
      () => closeIdleAfterQuietTurn(this.#server, closeIdle.signal),
      IDLE_GRACE_MS,
    );
    const cut = setTimeout(() => this.#server.closeAllConnections(), timeoutMs);
    try {
      await closed;
    } finally {
      clearTimeout(grace);
      closeIdle.abort();
      clearTimeout(cut);
    }
  }
}

/**
 * Closes the server's idle connections from the end of the first event-loop turn that took at
 * most {@link QUIET_TURN_MS}. Node counts a connection idle when its parser has no request
 * started, but a request can sit unread in the socket while the loop is busy with other
 * callbacks (mail being built and sent, a descheduled process): destroying that socket resets
 * the request (the kernel answers unread bytes with RST). Each turn reads every readable socket
 * (its poll) before it runs immediates, so a quick turn leaves unread only what arrived in its
 * last few milliseconds, which is the race every keep-alive close has (RFC 9112 §9.3.1: clients
 * retry). A busy turn waits for the next.
 */
function closeIdleAfterQuietTurn(server: http.Server, signal: AbortSignal): void {
  let turnStartedAt = performance.now();
  const check = () => {
    if (signal.aborted) return;
    const now = performance.now();
    if (now - turnStartedAt > QUIET_TURN_MS) {
      turnStartedAt = now;
      setImmediate(check);
    } else {
      server.closeIdleConnections();
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
