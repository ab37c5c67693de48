import { defineConfig, type Connect, type Plugin } from 'vite';

/**
 * The policy of issue 5 for the demo's strict page, sent as a real response header (a `<meta>`
 * policy starts late and cannot carry every directive), plus where the page may connect: the auth
 * server and Vite's own HMR socket.
 */
const strictPolicy = [
  "default-src 'self'",
  "connect-src 'self' ws://localhost:5173 ws://127.0.0.1:5173 http://localhost:3000",
  "img-src 'self' data: https:",
  "require-trusted-types-for 'script'",
].join('; ');

function strictCspPage(): Plugin {
  const sendPolicy: Connect.NextHandleFunction = (request, response, next) => {
    if (new URL(request.url ?? '/', 'http://x').pathname === '/csp.html') {
      response.setHeader('Content-Security-Policy', strictPolicy);
    }
    next();
  };
  return {
    name: 'demo:strict-csp-page',
    configureServer: (server) => void server.middlewares.use(sendPolicy),
    configurePreviewServer: (server) => void server.middlewares.use(sendPolicy),
  };
}

// `pnpm start` serves the demo pages; the auth server runs beside it on :3000.
export default defineConfig({
  root: 'demo',
  plugins: [strictCspPage()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
});
