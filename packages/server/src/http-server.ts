import http from 'node:http';
import net from 'node:net';
import { AuthError } from './errors.js';

/** How long a client may take to send a request before it gets 408 and is disconnected. */
export interface HttpTimeouts {
  /** The whole request: request line, headers and body. */
  requestMs: number;
  /** The request line and headers; at most `requestMs` (Node refuses more). */
  headersMs: number;
}

/**
 * Node's own limits (300 s for a request, 60 s for its headers) let a client that trickles its
 * bytes hold a connection, and the memory behind it, for five minutes. Bodies here are at most
 * 16 KB: an honest client sends one in well under a second.
 */
export const HTTP_TIMEOUTS: Readonly<HttpTimeouts> = { requestMs: 30_000, headersMs: 10_000 };

/**
 * Node looks for expired requests only every `connectionsCheckingInterval` (30 s by default),
 * so a timeout fires up to that much late. Checking every second costs one pass over the open
 * connections; small timeouts (tests) are checked a few times within their length.
 */
const MAX_CHECK_INTERVAL_MS = 1_000;

/**
 * The one place the HTTP server is created (by the CLI, and by `buildApp` when it is not handed
 * one), so its timeouts hold however the server is started. Fastify sets timeouts only on the
 * servers it creates itself, and the CLI hands it one (`serverFactory`).
 */
export function createHttpServer(
  timeouts: HttpTimeouts = HTTP_TIMEOUTS,
  listener?: http.RequestListener,
): http.Server {
  const options: http.ServerOptions = {
    requestTimeout: timeouts.requestMs,
    headersTimeout: timeouts.headersMs,
    connectionsCheckingInterval: Math.min(MAX_CHECK_INTERVAL_MS, Math.ceil(timeouts.headersMs / 4)),
  };
  return listener ? http.createServer(options, listener) : http.createServer(options);
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before any route sees it (a
 * malformed request line or header, headers too large, a request that took too long) gets the
 * Auth0 error shape like every other refusal, and the connection is closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: net.Socket): void {
  // The peer is gone: there is no one to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // As Node does: never write into an answer that has already started on this connection.
  const inFlight = (socket as { _httpMessage?: http.ServerResponse })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    const refusal = clientErrorRefusal(error.code);
    const body = JSON.stringify(refusal.toJSON());
    socket.write(
      `HTTP/1.1 ${refusal.statusCode} ${http.STATUS_CODES[refusal.statusCode]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy();
}

/** The statuses Node itself gives these errors (`_http_server.js` socketOnError). */
function clientErrorRefusal(code: string | undefined): AuthError {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new AuthError(408, 'request_timeout', 'The request took too long to arrive.');
    case 'HPE_HEADER_OVERFLOW':
      return new AuthError(431, 'invalid_request', 'The request line or headers are too large.');
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return new AuthError(413, 'invalid_request', 'The chunk extensions are too large.');
    default:
      return new AuthError(400, 'invalid_request', 'The request is not valid HTTP.');
  }
}

const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * Whether listening on `host` keeps the server on this machine: `localhost`, 127.0.0.0/8 or
 * ::1 (also written as an IPv4-mapped address). `0.0.0.0` and `::` are every interface.
 */
export function isLoopbackHost(host: string): boolean {
  if (host.toLowerCase() === 'localhost') return true;
  const family = net.isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}
