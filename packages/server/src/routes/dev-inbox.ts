import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyInstance } from 'fastify';
import type { DevInboxStore, InboxMessage } from '../store/dev-inbox.js';

const inboxQuerySchema = {
  type: 'object',
  properties: { to: { type: 'string', maxLength: 320 } },
} as const;

/** `--dev` only: the mail the in-process SMTP server received, newest first. */
export async function devInboxRoutes(
  fastify: FastifyInstance,
  { inbox }: { inbox: DevInboxStore },
): Promise<void> {
  const app = fastify.withTypeProvider<JsonSchemaToTsProvider>();

  app.get('/dev/inbox.json', { schema: { querystring: inboxQuerySchema } }, async (request) => {
    const to = request.query.to || undefined;
    return { messages: await inbox.listInboxMessages(to) };
  });

  app.get('/dev/inbox', { schema: { querystring: inboxQuerySchema } }, async (request, reply) => {
    const messages = await inbox.listInboxMessages(request.query.to || undefined);
    return (
      reply
        .type('text/html; charset=utf-8')
        // Mail HTML is shown in a sandboxed srcdoc frame; nothing on this page may run scripts.
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'",
        )
        .send(inboxPage(messages))
    );
  });
}

function inboxPage(messages: InboxMessage[]): string {
  const items = messages.map(
    (message) => `<article>
  <h2>${escapeHtml(message.subject || '(no subject)')}</h2>
  <p class="meta">To <b>${escapeHtml(message.to)}</b> from ${escapeHtml(message.from)} · <time>${escapeHtml(message.date)}</time></p>
  <pre>${escapeHtml(message.text)}</pre>
  ${message.html ? `<iframe sandbox title="HTML part" srcdoc="${escapeHtml(message.html)}"></iframe>` : ''}
</article>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dev inbox · passwordless-lock</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
  article { border: 1px solid #d1d9e0; border-radius: 8px; padding: 1rem; margin: 1rem 0; }
  h2 { font-size: 1.1rem; margin: 0 0 .25rem; }
  .meta { color: #59636e; margin: 0 0 .75rem; }
  pre { white-space: pre-wrap; background: #f6f8fa; padding: .75rem; border-radius: 6px; }
  iframe { width: 100%; height: 16rem; border: 1px solid #d1d9e0; border-radius: 6px; }
</style>
</head>
<body>
<h1>Dev inbox</h1>
<p>Mail sent by this server in <code>--dev</code> mode, newest first. Reload to see new messages. JSON: <a href="/dev/inbox.json">/dev/inbox.json</a></p>
${items.length > 0 ? items.join('\n') : '<p>No messages yet.</p>'}
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}
