import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { listenOnLoopback, startTestServer, type TestServer } from './helpers.js';

const PROXY = '127.0.0.1';
const ELSEWHERE = '127.0.0.2';
/** One start per client IP and hour, so a second start shows whether two requests share an IP. */
const ONE_START = { rate_limits: { start_per_ip_per_hour: 1 } };

let emails = 0;
/** A fresh address each time, so the per-email resend cooldown never answers for the IP limit. */
const nextEmail = () => `user${++emails}@example.com`;

function startFrom(server: TestServer, remoteAddress: string, forwardedFor?: string) {
  return server.inject({
    method: 'POST',
    url: '/passwordless/start',
    remoteAddress,
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
    payload: { client_id: 'demo', connection: 'email', email: nextEmail(), send: 'code' },
  });
}

describe('trust_proxy', () => {
  it('limits each client behind a listed proxy on its own, by the address the proxy appended', async () => {
    const server = await startTestServer({ ...ONE_START, trust_proxy: [PROXY] });
    expect((await startFrom(server, PROXY, '203.0.113.1')).statusCode).toBe(200);
    expect((await startFrom(server, PROXY, '203.0.113.2')).statusCode).toBe(200);
    expect((await startFrom(server, PROXY, '203.0.113.1')).statusCode).toBe(429);
    // What the client wrote itself comes before the proxy's entry and changes nothing.
    expect((await startFrom(server, PROXY, '198.51.100.7, 203.0.113.2')).statusCode).toBe(429);
  });

  it('ignores X-Forwarded-For from an address that is not listed', async () => {
    const server = await startTestServer({ ...ONE_START, trust_proxy: [PROXY] });
    expect((await startFrom(server, ELSEWHERE, '203.0.113.1')).statusCode).toBe(200);
    expect((await startFrom(server, ELSEWHERE, '203.0.113.2')).statusCode).toBe(429);
    // The listed proxy's clients are not affected by that.
    expect((await startFrom(server, PROXY, '203.0.113.3')).statusCode).toBe(200);
  });

  it('accepts CIDR ranges', async () => {
    const server = await startTestServer({ ...ONE_START, trust_proxy: ['127.0.0.0/30', '::1'] });
    expect((await startFrom(server, ELSEWHERE, '203.0.113.1')).statusCode).toBe(200);
    expect((await startFrom(server, ELSEWHERE, '203.0.113.2')).statusCode).toBe(200);
  });

  it('is off by default: X-Forwarded-For is ignored', async () => {
    const server = await startTestServer(ONE_START);
    expect((await startFrom(server, PROXY, '203.0.113.1')).statusCode).toBe(200);
    expect((await startFrom(server, PROXY, '203.0.113.2')).statusCode).toBe(429);
  });

  it('works over real connections: only the listed proxy may name the client', async () => {
    const server = await startTestServer({ ...ONE_START, trust_proxy: [PROXY] });
    const port = await listenOnLoopback(server.app);
    const post = (localAddress: string, forwardedFor: string) =>
      new Promise<number>((resolve, reject) => {
        const body = JSON.stringify({
          client_id: 'demo',
          connection: 'email',
          email: nextEmail(),
          send: 'code',
        });
        http
          .request(
            {
              host: '127.0.0.1',
              port,
              localAddress,
              method: 'POST',
              path: '/passwordless/start',
              agent: false,
              headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
            },
            (response) => {
              response.resume();
              resolve(response.statusCode!);
            },
          )
          .on('error', reject)
          .end(body);
      });
    expect(await post(PROXY, '203.0.113.1')).toBe(200);
    expect(await post(PROXY, '203.0.113.2')).toBe(200);
    expect(await post(PROXY, '203.0.113.1')).toBe(429);
    expect(await post(ELSEWHERE, '203.0.113.3')).toBe(200);
    expect(await post(ELSEWHERE, '203.0.113.4')).toBe(429);
  });
});
