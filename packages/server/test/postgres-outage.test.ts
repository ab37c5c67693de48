import { describe, expect, it } from 'vitest';
import { startTestServer, usePostgresCluster } from './helpers.js';

const cluster = usePostgresCluster();

/** Far below the 30 s request timeout: an answer later than this is a hang, not an outage answer. */
const HANG_BOUND_MS = 10_000;

describe('the server on PostgreSQL, when the database goes away', () => {
  it('answers 503 temporarily_unavailable while it is down, and logs in again once it is back, without a restart', async () => {
    const url = await cluster.freshSchemaUrl();
    const logLines: string[] = [];
    const logger = { level: 'warn', stream: { write: (line: string) => logLines.push(line) } };
    const server = await startTestServer({ database: url }, { deps: { logger } });
    const email = 'outage@example.com';
    expect((await server.start(email)).statusCode).toBe(200);
    const jwksBefore = (await server.inject({ url: '/.well-known/jwks.json' })).json();

    await cluster.shutDown();
    try {
      const requests = {
        start: () => server.start(email),
        token: () => server.token(email, '123456'),
      };
      for (const [name, send] of Object.entries(requests)) {
        const sentAt = Date.now();
        const response = await send();
        expect(Date.now() - sentAt, name).toBeLessThan(HANG_BOUND_MS);
        expect(response.statusCode, name).toBe(503);
        expect(response.headers['retry-after'], name).toBe('5');
        expect(response.json(), name).toEqual({
          error: 'temporarily_unavailable',
          error_description: 'The service is temporarily unavailable. Try again shortly.',
        });
      }
      const warnings = logLines
        .map((line) => JSON.parse(line) as { level: number; msg: string; reason?: string })
        .filter((entry) => entry.msg === 'store unavailable; answered 503');
      // Once per request, at warn (40), with a reason and never the database URL.
      expect(warnings).toEqual([
        expect.objectContaining({ level: 40, reason: expect.any(String) }),
        expect.objectContaining({ level: 40, reason: expect.any(String) }),
      ]);
      expect(logLines.join('')).not.toContain(new URL(url).host);
      // The keys are served from memory: verifiers keep working through the outage.
      const jwks = await server.inject({ url: '/.well-known/jwks.json' });
      expect(jwks.statusCode).toBe(200);
      expect(jwks.json()).toEqual(jwksBefore);
    } finally {
      await cluster.startAgain();
    }

    server.clock.now += 60_000; // past the resend wait of the first start
    expect((await server.start(email)).statusCode).toBe(200);
    const login = await server.token(email, await server.codeFromInbox(email));
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ token_type: 'Bearer' });
  }, 60_000);
});
