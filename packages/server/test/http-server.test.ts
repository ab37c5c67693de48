import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { HTTP_TIMEOUTS, type HttpTimeouts } from '../src/app.js';
import { listenOnLoopback, startTestServer } from './helpers.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** From connecting until the server closed the connection. */
  elapsedMs: number;
}

/**
 * Writes `parts` to a raw TCP connection, `gapMs` apart (stopping once the server hangs up),
 * and reads everything the server sends until it closes the connection.
 */
async function rawExchange(port: number, parts: string[], gapMs = 0): Promise<RawAnswer> {
  const began = Date.now();
  const socket = net.connect(port, '127.0.0.1');
  let text = '';
  let closed = false;
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => (text += chunk));
  // Writing after the server hung up fails with EPIPE / ECONNRESET: that is the server's answer.
  socket.on('error', () => {});
  const done = new Promise<void>((resolve) =>
    socket.on('close', () => {
      closed = true;
      resolve();
    }),
  );
  for (const part of parts) {
    if (closed) break;
    socket.write(part, 'latin1');
    if (gapMs > 0) await sleep(gapMs);
  }
  await done;
  const [head = '', ...rest] = text.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: rest.join('\r\n\r\n'),
    elapsedMs: Date.now() - began,
  };
}

/** A closed connection after an answer in the Auth0 error shape, as JSON. */
function expectAuth0Refusal(answer: RawAnswer, status: number, error: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(answer.headers.connection).toBe('close');
  expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
  expect(JSON.parse(answer.body)).toEqual({ error, error_description: expect.any(String) });
}

async function listeningServer(httpTimeouts?: HttpTimeouts) {
  const server = await startTestServer(undefined, httpTimeouts ? { deps: { httpTimeouts } } : {});
  return { server, port: await listenOnLoopback(server.app) };
}

describe('what the HTTP parser refuses gets an Auth0-shaped answer', () => {
  it.each([
    ['a garbage request line', 'GARBAGE\r\n\r\n'],
    ['a header line without a colon', 'GET /userinfo HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n'],
    [
      'a control character in a header value',
      'GET /userinfo HTTP/1.1\r\nHost: x\r\nX-A: a\x01b\r\n\r\n',
    ],
    ['a space in the path', 'GET /user info HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['an unknown method', 'BREW /userinfo HTTP/1.1\r\nHost: x\r\n\r\n'],
    [
      'both Content-Length and chunked',
      'POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc',
    ],
  ])('%s → 400 invalid_request', async (_name, request) => {
    const { port } = await listeningServer();
    expectAuth0Refusal(await rawExchange(port, [request]), 400, 'invalid_request');
  });

  it.each([
    ['headers', `GET /userinfo HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
    ['a URL', `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
  ])('%s over 16 KB → 431 invalid_request', async (_name, request) => {
    const { port } = await listeningServer();
    expectAuth0Refusal(await rawExchange(port, [request]), 431, 'invalid_request');
  });
});

describe('slow clients', () => {
  const timeouts = { requestMs: 900, headersMs: 300 };

  it('gets 408 when its headers take longer than the headers timeout', async () => {
    const { port } = await listeningServer(timeouts);
    const answer = await rawExchange(port, [
      'POST /passwordless/start HTTP/1.1\r\nHost: x\r\nContent-Ty',
    ]);
    expectAuth0Refusal(answer, 408, 'request_timeout');
    expect(answer.elapsedMs).toBeGreaterThanOrEqual(timeouts.headersMs);
    expect(answer.elapsedMs).toBeLessThan(timeouts.requestMs);
  });

  it('gets 408 when its body takes longer than the request timeout, and others are still served', async () => {
    const { port } = await listeningServer(timeouts);
    const headers =
      'POST /passwordless/start HTTP/1.1\r\nHost: x\r\n' +
      'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n';
    // One byte every 100 ms: the body would take 10 s.
    const answer = await rawExchange(port, [headers, ...'{"client_id":"demo"'], 100);
    expectAuth0Refusal(answer, 408, 'request_timeout');
    expect(answer.elapsedMs).toBeGreaterThanOrEqual(timeouts.requestMs);
    expect(answer.elapsedMs).toBeLessThan(timeouts.requestMs + 1_500);

    const healthy = await fetch(`http://127.0.0.1:${port}/.well-known/jwks.json`);
    expect(healthy.status).toBe(200);
  });

  it('are cut off after 30 s for a request and 10 s for its headers by default', async () => {
    expect(HTTP_TIMEOUTS).toEqual({ requestMs: 30_000, headersMs: 10_000 });
    const { server } = await listeningServer();
    expect(server.app.server.requestTimeout).toBe(30_000);
    expect(server.app.server.headersTimeout).toBe(10_000);
  });
});
