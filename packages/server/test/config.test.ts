import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_CLIENT, resolveConfig } from '../src/app.js';
import { startTestServer } from './helpers.js';

const runtime = { dev: false, port: 3000, dataDir: '/tmp/x', smtpUrl: 'smtp://mail.example:587' };

describe('resolveConfig', () => {
  it('uses the documented defaults and the demo tenant in --dev without a file', () => {
    const config = resolveConfig(undefined, { dev: true, port: 4000, dataDir: 'data' });
    expect(config.issuer).toBe('http://localhost:4000/');
    expect(config.clients).toEqual([DEMO_CLIENT]);
    expect(config.connections.email.otp).toEqual({
      length: 6,
      lifetimeS: 180,
      maxAttempts: 3,
      resendAfterS: 30,
    });
    expect(config.rateLimits).toEqual({
      startPerIpPerHour: 50,
      failedVerificationsPerIpEmail: 10,
      lockoutS: 900,
      failedVerificationsPerEmail: 4,
      failedVerificationRefillS: 900,
      failedVerificationsPerIpPerHour: 100,
    });
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.smtp).toBeUndefined();
    expect(config.trustProxy).toBe(false);
    expect(config.database).toBe('sqlite');
  });

  it('takes a PostgreSQL URL for database, and DATABASE_URL over it', () => {
    const file = { clients: [{ client_id: 'a' }], database: 'postgres://pl@db.example/pl' };
    expect(resolveConfig(file, runtime).database).toBe('postgres://pl@db.example/pl');
    const fromEnv = { ...runtime, databaseUrl: 'postgresql://pl@other.example/pl' };
    expect(resolveConfig(file, fromEnv).database).toBe('postgresql://pl@other.example/pl');
  });

  it('reads trust_proxy as a list of IPv4 and IPv6 addresses and CIDR ranges', () => {
    const proxies = ['10.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', '2001:db8::/128', '192.0.2.0/32'];
    const config = resolveConfig({ clients: [{ client_id: 'a' }], trust_proxy: proxies }, runtime);
    expect(config.trustProxy).toEqual(proxies);
    const none = resolveConfig({ clients: [{ client_id: 'a' }], trust_proxy: false }, runtime);
    expect(none.trustProxy).toBe(false);
  });

  it('adds the trailing slash to the issuer', () => {
    const config = resolveConfig(
      { issuer: 'https://auth.example.com', clients: [{ client_id: 'app' }] },
      runtime,
    );
    expect(config.issuer).toBe('https://auth.example.com/');
  });

  it('refuses to run without --dev and without a mail transport', () => {
    expect(() =>
      resolveConfig({ clients: [{ client_id: 'app' }] }, { ...runtime, smtpUrl: undefined! }),
    ).toThrow(/no mail transport/);
  });

  it.each([
    [[], 'config: must be an object'],
    [{ clients: [{ client_id: 'a' }], colour: 'red' }, 'config: unknown key "colour"'],
    [
      { clients: [{ client_id: 'a', allowed_origins: ['https://a.example/path'] }] },
      'clients[0].allowed_origins[0]',
    ],
    [
      { clients: [{ client_id: 'a' }], connections: { email: { otp: { length: 3 } } } },
      'connections.email.otp.length',
    ],
    [{ clients: [{ client_id: 'a' }, { client_id: 'a' }] }, 'listed twice'],
    [{ clients: [] }, 'at least one client'],
    [{ clients: [{ client_id: 'a' }], smtp: 'http://mail' }, 'smtp:'],
    [
      { clients: [{ client_id: 'a' }], apis: [{ identifier: 'https://api/', scopes: 'read' }] },
      'apis[0].scopes: must be an array',
    ],
    [
      { clients: [{ client_id: 'a' }], apis: [{ identifier: 'https://api/', scopes: ['r', 7] }] },
      'apis[0].scopes[1]: must be a non-empty string',
    ],
    [
      { clients: [{ client_id: 'a' }], apis: [{ identifier: 'https://api/', scopes: ['a b'] }] },
      'apis[0].scopes[0]: "a b" is not a scope',
    ],
    [{ clients: [{ client_id: 'a' }], trust_proxy: true }, 'trust_proxy: must be false or a list'],
    [{ clients: [{ client_id: 'a' }], trust_proxy: '10.0.0.1' }, 'trust_proxy: must be false'],
    [
      { clients: [{ client_id: 'a' }], trust_proxy: ['10.0.0.1', 'proxy.internal'] },
      'trust_proxy[1]: "proxy.internal" is not an IP address or CIDR range',
    ],
    [
      { clients: [{ client_id: 'a' }], trust_proxy: ['10.0.0.256'] },
      'trust_proxy[0]: "10.0.0.256"',
    ],
    [
      { clients: [{ client_id: 'a' }], trust_proxy: ['10.0.0.0/33'] },
      'trust_proxy[0]: "10.0.0.0/33" needs a prefix length from 1 to 32',
    ],
    [
      { clients: [{ client_id: 'a' }], trust_proxy: ['0.0.0.0/0'] },
      'trust_proxy[0]: "0.0.0.0/0" needs a prefix length from 1 to 32',
    ],
    [
      { clients: [{ client_id: 'a' }], trust_proxy: ['fd00::/129'] },
      'trust_proxy[0]: "fd00::/129" needs a prefix length from 1 to 128',
    ],
    [{ clients: [{ client_id: 'a' }], trust_proxy: ['10.0.0.0/8/8'] }, 'trust_proxy[0]'],
    [
      { clients: [{ client_id: 'a' }], database: 'mysql://db.example/pl' },
      'database: must be "sqlite" or a PostgreSQL URL like postgres://user:pass@host:5432/db',
    ],
    [{ clients: [{ client_id: 'a' }], trust_proxy: ['10.0.0.0/ 8'] }, 'trust_proxy[0]'],
    [
      { clients: [{ client_id: 'a' }], trust_proxy: [42] },
      'trust_proxy[0]: must be a non-empty string',
    ],
    [
      { clients: [{ client_id: 'a' }], keys: { rotate: 7 } },
      'keys: unknown key "rotate" (allowed: rotate_every_days)',
    ],
  ])('refuses %j', (file, message) => {
    expect(() => resolveConfig(file, runtime)).toThrow(ConfigError);
    expect(() => resolveConfig(file, runtime)).toThrow(message);
  });
});

describe('keys.rotate_every_days', () => {
  it('is off by default, and takes any positive number of days', () => {
    const file = { clients: [{ client_id: 'a' }] };
    expect(resolveConfig(file, runtime).keys).toEqual({ rotateEveryDays: false });
    for (const days of [false, 0.5, 30, 3650] as const) {
      const config = resolveConfig({ ...file, keys: { rotate_every_days: days } }, runtime);
      expect(config.keys).toEqual({ rotateEveryDays: days });
    }
  });

  it.each([true, 0, -1, '7', 3651, null])('refuses %j', (days) => {
    const file = { clients: [{ client_id: 'a' }], keys: { rotate_every_days: days } };
    expect(() => resolveConfig(file, runtime)).toThrow(
      new ConfigError([
        'keys.rotate_every_days: must be false or a positive number of days (at most 3650)',
      ]),
    );
  });
});

describe('apis[].scopes', () => {
  it('lists the scopes an API grants, none by default', () => {
    const config = resolveConfig(
      {
        clients: [{ client_id: 'a' }],
        apis: [
          { identifier: 'https://one.api/', scopes: ['read:messages', 'write:messages'] },
          { identifier: 'https://two.api/' },
        ],
      },
      runtime,
    );
    expect(config.apis.map((api) => api.scopes)).toEqual([['read:messages', 'write:messages'], []]);
  });
});

describe('a config with several problems', () => {
  it('reports every one of them, one line each', () => {
    const file = {
      colour: 'red',
      clients: [
        { client_id: 'ok' },
        { client_id: 'bad id!' },
        { client_id: 'x', callbacks: ['nope'] },
      ],
      rate_limits: { lockout_s: -1 },
      tokens: { login_ticket_lifetime_s: 0 },
      apis: [{ name: 'no identifier' }],
    };
    let error: ConfigError | undefined;
    try {
      resolveConfig(file, runtime);
    } catch (caught) {
      error = caught as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toEqual([
      expect.stringContaining('config: unknown key "colour"'),
      expect.stringContaining('clients[1].client_id'),
      expect.stringContaining('clients[2].callbacks[0]'),
      expect.stringContaining('tokens.login_ticket_lifetime_s'),
      expect.stringContaining('rate_limits.lockout_s'),
      expect.stringContaining('apis[0].identifier'),
    ]);
    expect(error!.message.split('\n')).toHaveLength(6);
  });
});

describe('email templates from the config', () => {
  it('render per-language Liquid, escaping values in the HTML part', async () => {
    const server = await startTestServer({
      clients: [{ client_id: 'demo', name: 'Tom & <Jerry>' }],
      connections: {
        email: {
          email: {
            subject: {
              en: 'Code for {{ application.name }}',
              fr: 'Code pour {{ application.name }}',
            },
            body: { en: '<p>{{ application.name }}: {{ code }} ({{ request_language }})</p>' },
          },
        },
      },
    });
    await server.start('a@example.com', {}, { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' });
    await server.mailSettled();
    const [mail] = (await server.inject({ url: '/dev/inbox.json' })).json().messages;
    expect(mail.subject).toBe('Code for Tom & <Jerry>'.replace('for', 'pour'));
    expect(mail.html).toMatch(/^<p>Tom &amp; &lt;Jerry&gt;: \d{6} \(fr-CA\)<\/p>/);
    expect(mail.text).toMatch(/\b\d{6}\b/);
  });

  it('refuse a Liquid syntax error at start', async () => {
    await expect(
      startTestServer({ connections: { email: { email: { subject: '{% if %}' } } } }),
    ).rejects.toThrow(ConfigError);
  });
});
