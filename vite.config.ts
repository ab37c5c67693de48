import { defineConfig } from 'vite';

// `pnpm start` serves the demo pages; the auth server runs beside it on :3000.
export default defineConfig({
  root: 'demo',
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
});
