// A loopback HTTP server for the browser benches: pages from bench/pages, bundles from memory.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGES = fileURLToPath(new URL('pages/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
};

/**
 * Serves `files` (path → text) first, then bench/pages/*. Query strings are ignored (Auth0 Lock
 * adds a cache buster to its client settings URL). Listens on 127.0.0.1, port 0.
 *
 * @param {Map<string, string>} files
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function serveStatic(files) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    let body = files.get(path);
    if (body === undefined && /^\/[\w.-]+\.(html|js)$/.test(path)) {
      body = await readFile(PAGES + path.slice(1), 'utf8').catch(() => undefined);
    }
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
