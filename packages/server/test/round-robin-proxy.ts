import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server behind the proxy. */
export interface Upstream {
  name: string;
  /** `http://127.0.0.1:<port>` */
  base: string;
}

export interface RoundRobinProxy {
  /** `http://127.0.0.1:<port>`, the one address clients use. */
  url: string;
  /** The servers requests go to, in turn; may be filled after the proxy started. */
  upstreams: Upstream[];
  close(): Promise<void>;
}

/** Names the upstream that answered, so a test can tell which node served a request. */
export const SERVED_BY_HEADER = 'x-served-by';

// Hop-by-hop: about the client's connection to the proxy, not the proxy's to the server.
const HOP_HEADERS = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade'];

/**
 * A load balancer for tests on 127.0.0.1: each request goes to the next upstream in turn, on a
 * new connection. When that connection cannot be made (the server is gone), the request goes to
 * the next one instead, as a health-checking balancer would; a server that fails after it got
 * the request is answered 502, since the request may have taken effect there.
 */
export async function startRoundRobinProxy(): Promise<RoundRobinProxy> {
  const upstreams: Upstream[] = [];
  let turn = 0;

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const first = turn++;
      const forward = (tries: number) => {
        const upstream = upstreams[(first + tries) % upstreams.length]!;
        const headers = { ...request.headers };
        for (const name of HOP_HEADERS) delete headers[name];
        const outgoing = http.request(`${upstream.base}${request.url}`, {
          method: request.method,
          headers: { ...headers, 'content-length': String(body.length) },
          agent: false,
        });
        outgoing.on('response', (answer) => {
          const answerHeaders = { ...answer.headers };
          for (const name of HOP_HEADERS) delete answerHeaders[name];
          response.writeHead(answer.statusCode!, {
            ...answerHeaders,
            [SERVED_BY_HEADER]: upstream.name,
          });
          answer.pipe(response);
          // The server died while answering: the client must see a broken answer, not a short one.
          answer.on('error', () => response.destroy());
          answer.on('close', () => {
            if (!answer.complete) response.destroy();
          });
        });
        outgoing.on('error', (error: NodeJS.ErrnoException) => {
          if (response.headersSent) return response.destroy();
          if (error.code === 'ECONNREFUSED' && tries + 1 < upstreams.length) {
            return forward(tries + 1);
          }
          response.writeHead(502, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: 'bad_gateway', error_description: error.message }));
        });
        outgoing.end(body);
      };
      forward(0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    upstreams,
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
