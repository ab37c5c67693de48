import type { FastifyInstance } from 'fastify';
import type { Readiness } from '../readiness.js';

/** Polled every second or so by balancers: their successful answers are logged at debug only. */
export const PROBE_ROUTES: ReadonlySet<string> = new Set(['/healthz', '/readyz']);

const readyzStates = (values: string[]) => ({ type: 'string', enum: values }) as const;
const readinessReport = {
  type: 'object',
  properties: {
    status: readyzStates(['ok', 'unavailable']),
    checks: {
      type: 'object',
      properties: {
        store: readyzStates(['ok', 'unreachable', 'timeout', 'error']),
        migrations: readyzStates(['ok', 'pending', 'unknown']),
        signing_keys: readyzStates(['ok', 'missing']),
        serving: readyzStates(['ok', 'draining']),
      },
    },
  },
} as const;

/**
 * Probes for a load balancer or orchestrator (no CORS: they are not for browsers). Like every
 * answer they are `Cache-Control: no-store` (no-store.ts): a cached "ok" would hide an outage.
 */
export async function healthRoutes(
  app: FastifyInstance,
  { readiness }: { readiness: Readiness },
): Promise<void> {
  /** Liveness: the process answers HTTP. Touches nothing else, so a database outage never restarts it. */
  app.get(
    '/healthz',
    { schema: { response: { 200: { type: 'object', properties: { status: { const: 'ok' } } } } } },
    async () => ({ status: 'ok' }),
  );

  /** Readiness: 200 when this node can serve logins, else 503 naming what is wrong. */
  app.get(
    '/readyz',
    { schema: { response: { 200: readinessReport, 503: readinessReport } } },
    async (_request, reply) => {
      const report = await readiness.check();
      return reply.code(report.status === 'ok' ? 200 : 503).send(report);
    },
  );
}
