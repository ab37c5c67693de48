// The Fastify ceiling: a bare app with the same Fastify as the server, one GET and one POST
// route answering {}. Run as a child process; prints its URL on stdout.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../packages/server/package.json', import.meta.url));
const Fastify = require('fastify');

const app = Fastify({ logger: false });
app.get('/get', async () => ({}));
app.post('/post', async () => ({}));
await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening on http://127.0.0.1:${app.server.address().port}`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
