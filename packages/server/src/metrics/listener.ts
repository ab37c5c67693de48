import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { createHttpServer } from '../http-server.js';
import type { OutboxStore } from '../store/outbox.js';
import type { ServerMetrics } from './metrics.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** `http://host:port/metrics` once the app is ready, with `metrics.port` set; else undefined. */
    readonly metricsUrl: string | undefined;
  }
}

/**
 * With `metrics.port` set: the app serves its metrics, with the process's and the outbox's,
 * on their own listener from when it is ready until it is closed.
 */
export function serveMetrics(
  app: FastifyInstance,
  metrics: ServerMetrics,
  outbox: Pick<OutboxStore, 'countMail'>,
  host: string,
  port: number,
): void {
  metrics.collectProcessMetrics();
  const warn = (error: unknown) => app.log.warn({ err: error }, 'metrics: cannot read a value');
  metrics.trackOutbox(outbox, warn);
  let server: http.Server | undefined;
  app.decorate('metricsUrl', { getter: () => (server ? listenerUrl(server) : undefined) });
  app.addHook('onReady', async () => {
    server = await startMetricsListener(metrics.registry, host, port, warn);
    app.log.info({ event: 'metrics_listening', url: listenerUrl(server) }, 'metrics listening');
  });
  app.addHook('onClose', async () => {
    if (!server) return;
    const closed = new Promise((resolve) => server!.close(resolve));
    server.closeAllConnections();
    await closed;
  });
}

/** The metrics listener's port is in use or cannot be bound; the message says which, in one line. */
export class MetricsListenError extends Error {
  override readonly name = 'MetricsListenError';
}

/**
 * Serves the registry as Prometheus text at `GET /metrics` on a listener of its own, apart from
 * the public port: metrics tell how many logins fail and which limits bite, which is for the
 * operator. Anything else gets 404.
 */
async function startMetricsListener(
  registry: Registry,
  host: string,
  port: number,
  onError: (error: unknown) => void,
): Promise<http.Server> {
  const server = createHttpServer(undefined, (request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response
        .writeHead(404, { 'content-type': 'text/plain' })
        .end('Not found: try GET /metrics\n');
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: unknown) => {
        onError(error);
        response.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics unavailable\n');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'EADDRINUSE' ? 'is already in use' : `cannot be bound (${error.code})`;
      reject(new MetricsListenError(`metrics port ${port} on ${host} ${why}`));
    });
    server.listen(port, host, resolve);
  });
  return server;
}

/** The address the listener took: with `metrics.port` 0, the port the OS picked. */
function listenerUrl(server: http.Server): string {
  const { address, family, port } = server.address() as AddressInfo;
  return `http://${family === 'IPv6' ? `[${address}]` : address}:${port}/metrics`;
}
