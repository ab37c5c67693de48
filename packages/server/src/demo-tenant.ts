import type { ClientConfig } from './config.js';
import { SUPPORTED_GRANTS } from './grants/index.js';

// The tenant `--dev` runs without a config file: the demo's pages (`pnpm start`, Vite on 5173).

const DEMO_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];
/** The demo's pages; magic links and redirects come back to the page that started them. */
const DEMO_PAGES = [
  '/',
  '/index.html',
  '/csp.html',
  '/custom-ui.html',
  '/inline.html',
  '/js-api.html',
  '/magic-link.html',
];
const DEMO_URLS = DEMO_ORIGINS.flatMap((origin) => DEMO_PAGES.map((page) => origin + page));

export const DEMO_CLIENT: ClientConfig = {
  clientId: 'demo',
  name: 'Passwordless Demo',
  allowedOrigins: DEMO_ORIGINS,
  webOrigins: DEMO_ORIGINS,
  callbacks: DEMO_URLS,
  grantTypes: [...SUPPORTED_GRANTS],
  logoutUrls: DEMO_URLS,
};
