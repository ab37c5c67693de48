import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../src/app.js';
import { clientSettingsScript, scriptSafeJson } from '../src/routes/lock.js';
import { startTestServer } from './helpers.js';

/** What a page gets when it runs the script: the argument of every `Auth0.setClient` call. */
function runScript(body: string): unknown[] {
  const calls: unknown[] = [];
  vm.runInNewContext(body, { Auth0: { setClient: (settings: unknown) => calls.push(settings) } });
  return calls;
}

const clients = [{ client_id: 'app' }, { client_id: 'app.js' }, { client_id: 'other' }];

describe('GET /client/<client_id>.js (Auth0 Lock client settings)', () => {
  it('is a script that hands Lock the client id and its email connection, nothing more', async () => {
    const server = await startTestServer({ clients });
    const response = await server.inject({ url: '/client/app.js?t1733550000000' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(
      'Auth0.setClient({"id":"app","strategies":[{"name":"email","connections":[{"name":"email"}]}]});',
    );
    expect(runScript(response.body)).toEqual([
      { id: 'app', strategies: [{ name: 'email', connections: [{ name: 'email' }] }] },
    ]);
    expect(response.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.headers.pragma).toBeUndefined();
  });

  it('names the configured connection', async () => {
    const server = await startTestServer({ clients, connections: { email: { name: 'mail' } } });
    const response = await server.inject({ url: '/client/other.js' });
    expect(runScript(response.body)).toEqual([
      { id: 'other', strategies: [{ name: 'email', connections: [{ name: 'mail' }] }] },
    ]);
  });

  it('matches the client id exactly, with ".js" stripped once', async () => {
    const server = await startTestServer({ clients });
    const idIn = async (url: string) => {
      const response = await server.inject({ url });
      return response.statusCode === 200 ? (runScript(response.body)[0] as { id: string }).id : 404;
    };
    expect(await idIn('/client/app.js')).toBe('app');
    expect(await idIn('/client/app.js.js')).toBe('app.js');
    expect(await idIn('/client/app')).toBe(404);
    expect(await idIn('/client/other.js.js')).toBe(404);
    expect(await idIn('/client/APP.js')).toBe(404);
    expect(await idIn('/client/app.json')).toBe(404);
    expect(await idIn('/client/app.js%20')).toBe(404);
    expect(await idIn('/client/x%2Fapp.js')).toBe(404);
    expect(await idIn('/client/..%2Fapp.js')).toBe(404);
    expect(await idIn('/client/app.js/')).toBe(404);
    expect(await idIn('/client/sub/app.js')).toBe(404);
    expect(await idIn('/client/.js')).toBe(404);
  });

  it('answers an unknown client with a 404 in the API error shape that repeats nothing', async () => {
    const server = await startTestServer({ clients });
    const response = await server.inject({ url: '/client/alert(1)%3C%2Fscript%3E.js?callback=x' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual({ error: 'not_found', error_description: 'Unknown client.' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('never repeats the query (no JSONP callback, no cache buster)', async () => {
    const server = await startTestServer({ clients });
    const plain = await server.inject({ url: '/client/app.js' });
    for (const query of ['?callback=evil', '?t1733550000000', '?cb=</script><b>&t=1', '?%3Cx%3E']) {
      const response = await server.inject({ url: `/client/app.js${query}` });
      expect(response.body).toBe(plain.body);
    }
  });

  it("keeps a connection name that holds </script>, quotes or line separators inside the script's string", async () => {
    const name = '</script><script>alert("x")</script>\u2028\u2029 & \'<!--';
    const server = await startTestServer({ clients, connections: { email: { name } } });
    const response = await server.inject({ url: '/client/app.js' });
    expect(response.body).not.toMatch(/[<>&\u2028\u2029]/);
    expect(runScript(response.body)).toEqual([
      { id: 'app', strategies: [{ name: 'email', connections: [{ name }] }] },
    ]);
  });

  it('serves a client id made only of the characters client ids may have', () => {
    // The config refuses anything else in a client id, so only the connection name above can
    // carry markup into the script.
    expect(() => resolveConfig({ clients: [{ client_id: 'a</script>' }] }, runtime)).toThrow(
      ConfigError,
    );
    expect(() => resolveConfig({ clients: [{ client_id: 'a"b' }] }, runtime)).toThrow(ConfigError);
    const script = clientSettingsScript('a</script>"\u2028', 'email');
    expect(script).not.toMatch(/[<>\u2028]/);
    expect(runScript(script)).toEqual([
      {
        id: 'a</script>"\u2028',
        strategies: [{ name: 'email', connections: [{ name: 'email' }] }],
      },
    ]);
  });

  it('escapes exactly <, >, &, U+2028 and U+2029, and stays JSON that decodes to the same value', () => {
    const value = { text: '<a href="x">&amp;</a>\u2028\u2029 ok' };
    const json = scriptSafeJson(value);
    expect(json).toBe(
      '{"text":"\\u003ca href=\\"x\\"\\u003e\\u0026amp;\\u003c/a\\u003e\\u2028\\u2029 ok"}',
    );
    expect(JSON.parse(json)).toEqual(value);
  });
});

const runtime = { dev: true, port: 3000, dataDir: '/tmp/unused' };

describe('GET /user/geoloc/country', () => {
  it('names "US" by default, the country Lock falls back to', async () => {
    const server = await startTestServer();
    const response = await server.inject({ url: '/user/geoloc/country' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ country_code: 'US' });
  });

  it('names the configured lock.country_code', async () => {
    const server = await startTestServer({ lock: { country_code: 'FR' } });
    const response = await server.inject({ url: '/user/geoloc/country' });
    expect(response.json()).toEqual({ country_code: 'FR' });
  });

  it('refuses a lock.country_code that is not two capital letters', () => {
    expect(() => resolveConfig({ lock: { country_code: 'fr' } }, runtime)).toThrow(
      /lock\.country_code.*ISO 3166-1 alpha-2/,
    );
  });
});
