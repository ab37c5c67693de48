import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { AuthError } from '../errors.js';

/** Lock may load its client settings from a cache for a few minutes; a config change waits that long. */
const CLIENT_SCRIPT_MAX_AGE_S = 300;

/**
 * `\u` escapes for what could end a `<script>` element or an HTML comment around it (`<`, `>`,
 * `&`) and for U+2028/U+2029, which end a line in older JavaScript engines. JSON keeps its
 * meaning: these escapes decode to the same characters.
 */
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/** JSON that can be pasted into a script (or a `<script>` element) and never leave its string. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    SCRIPT_UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * What Lock reads from its client settings (`core/client/index.js`: `id`, `strategies[].name`,
 * `strategies[].connections[].name`): the one passwordless email connection. Nothing else: no
 * callbacks, origins or secrets, since any page may load this script.
 */
export function clientSettingsScript(clientId: string, connectionName: string): string {
  const settings = {
    id: clientId,
    strategies: [{ name: 'email', connections: [{ name: connectionName }] }],
  };
  return `Auth0.setClient(${scriptSafeJson(settings)});`;
}

/**
 * What unmodified Auth0 Lock 14 loads from the server besides the authentication API, when
 * `configurationBaseUrl` points here.
 */
export async function lockRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Built once from the config, keyed by the exact file name: a request can only pick one of
  // these bodies, never add to one (this script runs on every page that embeds Lock).
  const scripts = new Map(
    ctx.config.clients.map((client) => [
      `${client.clientId}.js`,
      clientSettingsScript(client.clientId, ctx.config.connections.email.name),
    ]),
  );

  /**
   * Lock's client settings, loaded as a script (`/client/<client_id>.js?t<ms>`, a JSONP that
   * calls `Auth0.setClient`). The query is a cache buster and is ignored.
   */
  app.get<{ Params: { file: string } }>('/client/:file', async (request, reply) => {
    const script = scripts.get(request.params.file);
    if (script === undefined) throw new AuthError(404, 'not_found', 'Unknown client.');
    // Only the script may be cached (a 404 stays `no-store`, like every other answer).
    return reply
      .removeHeader('pragma')
      .type('application/javascript; charset=utf-8')
      .headers({
        'x-content-type-options': 'nosniff',
        'cache-control': `public, max-age=${CLIENT_SCRIPT_MAX_AGE_S}`,
      })
      .send(script);
  });

  /**
   * Lock asks where the user is (even in email mode, for its phone field) and falls back to
   * "US" when this fails; the server locates no one, so it names the configured country.
   */
  app.get(
    '/user/geoloc/country',
    {
      schema: {
        response: { 200: { type: 'object', properties: { country_code: { type: 'string' } } } },
      },
    },
    async () => ({ country_code: ctx.config.lock.countryCode }),
  );
}
