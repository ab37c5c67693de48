import { describe, expect, it, vi } from 'vitest';
import { resolveConfig, type Mailer } from '../src/app.js';
import { listenOnLoopback, startTestServer, wrongCode, type TestServer } from './helpers.js';

const METRICS_ON = { metrics: { port: 0 } };

/** GET the app's metrics listener, as Prometheus would. */
async function scrape(server: TestServer): Promise<string> {
  const url = server.app.metricsUrl;
  if (!url) throw new Error('the metrics listener is not on');
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/**
 * The value of the sample `name` whose labels include `labels`, from Prometheus text; fails
 * when there is none (a metric that was never exported).
 */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) {
      return Number(match[3]);
    }
  }
  throw new Error(`no sample ${name} ${JSON.stringify(labels)}`);
}

/** Every counter and gauge the server exports, as one object, for before/after comparisons. */
function counters(text: string) {
  const failed = (reason: string) => sample(text, 'passwordless_logins_failed_total', { reason });
  const limited = (limit: string) => sample(text, 'passwordless_rate_limited_total', { limit });
  return {
    codes: sample(text, 'passwordless_verifications_sent_total', { send: 'code' }),
    links: sample(text, 'passwordless_verifications_sent_total', { send: 'link' }),
    delivered: sample(text, 'passwordless_mail_delivered_total'),
    mailFailed: sample(text, 'passwordless_mail_failed_total'),
    queued: sample(text, 'passwordless_mail_queued'),
    sending: sample(text, 'passwordless_mail_sending'),
    outboxFull: sample(text, 'passwordless_outbox_full_total'),
    succeeded: sample(text, 'passwordless_logins_succeeded_total'),
    wrongCode: failed('wrong_code'),
    expired: failed('expired'),
    tooManyAttempts: failed('too_many_attempts'),
    loginRateLimited: failed('rate_limited'),
    resendLimited: limited('resend_after_s'),
    lockedOut: limited('lockout_s'),
    startLimited: limited('start_per_ip_per_hour'),
  };
}

/** How many requests the duration histogram holds for a route, method and status class. */
function requests(text: string, route: string, method: string, statusClass: string): number {
  return sample(text, 'passwordless_http_request_duration_seconds_count', {
    route,
    method,
    status_class: statusClass,
  });
}

const LINK_AUTH_PARAMS = {
  redirect_uri: 'http://localhost:5173/',
  code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  code_challenge_method: 'S256',
};

describe('metrics', () => {
  it('counts codes, links, mail, logins by outcome and 429s by limit, scraped over HTTP', async () => {
    const server = await startTestServer({
      ...METRICS_ON,
      connections: { email: { otp: { max_attempts: 2 } } },
      rate_limits: { failed_verifications_per_ip_email: 3 },
    });
    await server.app.ready();
    // Every counter is there, at zero, before its first event.
    expect(counters(await scrape(server))).toEqual({
      codes: 0,
      links: 0,
      delivered: 0,
      mailFailed: 0,
      queued: 0,
      sending: 0,
      outboxFull: 0,
      succeeded: 0,
      wrongCode: 0,
      expired: 0,
      tooManyAttempts: 0,
      loginRateLimited: 0,
      resendLimited: 0,
      lockedOut: 0,
      startLimited: 0,
    });

    // A real login: start, the code from the dev inbox, /oauth/token.
    expect((await server.start('alice@example.com')).statusCode).toBe(200);
    const aliceCode = await server.codeFromInbox('alice@example.com');
    expect((await server.token('alice@example.com', aliceCode)).statusCode).toBe(200);
    // Asked again within resend_after_s: 429.
    expect((await server.start('alice@example.com')).statusCode).toBe(429);

    // Bob: a wrong code, then the wrong try that kills the code (max_attempts 2), then one with
    // no code pending, which is the third failure in a row: this address is locked out of Bob.
    expect((await server.start('bob@example.com')).statusCode).toBe(200);
    const bobCode = await server.codeFromInbox('bob@example.com');
    for (let i = 0; i < 3; i++) {
      expect((await server.token('bob@example.com', wrongCode(bobCode))).statusCode).toBe(403);
    }
    server.clock.now += 31_000;
    expect((await server.start('bob@example.com')).statusCode).toBe(200);
    const bobNewCode = await server.codeFromInbox('bob@example.com');
    expect((await server.token('bob@example.com', bobNewCode)).statusCode).toBe(429);

    // Carol's code is typed after it expired.
    expect((await server.start('carol@example.com')).statusCode).toBe(200);
    const carolCode = await server.codeFromInbox('carol@example.com');
    server.clock.now += 181_000;
    expect((await server.token('carol@example.com', carolCode)).statusCode).toBe(403);

    const link = await server.start('dave@example.com', {
      send: 'link',
      authParams: LINK_AUTH_PARAMS,
    });
    expect(link.statusCode).toBe(200);

    await server.mailSettled();
    const text = await scrape(server);
    expect(counters(text)).toMatchObject({
      codes: 4,
      links: 1,
      delivered: 5,
      mailFailed: 0,
      queued: 0,
      succeeded: 1,
      wrongCode: 2,
      tooManyAttempts: 1,
      expired: 1,
      loginRateLimited: 1,
      resendLimited: 1,
      lockedOut: 1,
      startLimited: 0,
    });
    expect(requests(text, '/oauth/token', 'POST', '2xx')).toBe(1);
    expect(requests(text, '/oauth/token', 'POST', '4xx')).toBe(5);
    expect(requests(text, '/passwordless/start', 'POST', '2xx')).toBe(5);
    expect(requests(text, '/passwordless/start', 'POST', '4xx')).toBe(1);
  });

  it('labels requests by route pattern, never by URL, and exports the process metrics', async () => {
    const server = await startTestServer(METRICS_ON);
    await server.inject({ url: '/dev/inbox.json?to=secret%40example.com' });
    await server.inject({ url: '/no/such/path/12345' });
    const text = await scrape(server);
    expect(
      sample(text, 'passwordless_http_request_duration_seconds_count', {
        route: '/dev/inbox.json',
        method: 'GET',
        status_class: '2xx',
      }),
    ).toBe(1);
    expect(
      sample(text, 'passwordless_http_request_duration_seconds_count', {
        route: '(unmatched)',
        status_class: '4xx',
      }),
    ).toBe(1);
    expect(text).not.toContain('secret');
    expect(text).not.toContain('12345');
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('gauges the tries in flight and counts the starts a full outbox refused', async () => {
    let answer!: () => void;
    const mailer: Mailer = {
      send: () => new Promise<void>((resolve) => (answer = resolve)),
      async close() {},
    };
    const server = await startTestServer(
      { ...METRICS_ON, outbox: { max_queued: 1 } },
      { deps: { mailer, outboxIntervalMs: 10 } },
    );
    expect((await server.start('first@example.com')).statusCode).toBe(200);
    await vi.waitFor(async () =>
      expect(counters(await scrape(server))).toMatchObject({ sending: 1, queued: 1 }),
    );
    expect((await server.start('second@example.com')).statusCode).toBe(503);
    expect(counters(await scrape(server))).toMatchObject({ outboxFull: 1, codes: 1, queued: 1 });

    answer();
    await server.mailSettled();
    expect(counters(await scrape(server))).toMatchObject({ sending: 0, queued: 0, delivered: 1 });
  });

  it('gauges the outbox while SMTP refuses the mail, and counts the failed and the delivered try', async () => {
    const smtp = { up: false };
    const mailer: Mailer = {
      async send() {
        if (!smtp.up) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
      },
      async close() {},
    };
    const server = await startTestServer(METRICS_ON, { deps: { mailer, outboxIntervalMs: 10 } });
    expect((await server.start('queued@example.com')).statusCode).toBe(200);
    expect(counters(await scrape(server))).toMatchObject({
      queued: 1,
      mailFailed: 1,
      delivered: 0,
      codes: 1,
    });

    smtp.up = true;
    server.clock.now += 5_000;
    await vi.waitFor(async () =>
      expect(counters(await scrape(server))).toMatchObject({
        queued: 0,
        mailFailed: 1,
        delivered: 1,
      }),
    );
  });

  it('serves metrics on their own loopback listener only: the public port answers 404', async () => {
    const server = await startTestServer(METRICS_ON);
    const port = await listenOnLoopback(server.app);
    const publicAnswer = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(publicAnswer.status).toBe(404);
    expect(await publicAnswer.json()).toMatchObject({ error: 'not_found' });

    const metricsUrl = new URL(server.app.metricsUrl!);
    expect(metricsUrl.hostname).toBe('127.0.0.1');
    expect(metricsUrl.port).not.toBe(String(port));
    expect((await fetch(new URL('/other', metricsUrl))).status).toBe(404);
    expect((await fetch(metricsUrl, { method: 'POST' })).status).toBe(404);

    await server.app.close();
    await expect(fetch(metricsUrl)).rejects.toThrow();
  });

  it('is off by default', async () => {
    const server = await startTestServer();
    await server.app.ready();
    expect(server.app.metricsUrl).toBeUndefined();
  });

  it('refuses a metrics port that is not false or a port number, and an unknown log level', () => {
    const runtime = { dev: true, port: 3000, dataDir: '/tmp/x' };
    const problems = (file: unknown) => {
      try {
        resolveConfig(file, runtime);
      } catch (error) {
        return (error as { problems: string[] }).problems;
      }
      return [];
    };
    expect(problems({ metrics: { port: true } })).toEqual([
      'metrics.port: must be false (off) or a port number from 0 to 65535',
    ]);
    expect(problems({ metrics: { port: 65_536 } })).toHaveLength(1);
    expect(problems({ log: { level: 'verbose' } })).toEqual([
      'log.level: "verbose" is not one of: fatal, error, warn, info, debug, trace, silent',
    ]);
    const config = resolveConfig({ metrics: { port: 9464 }, log: { level: 'debug' } }, runtime);
    expect(config.metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(config.log).toEqual({ level: 'debug' });
    expect(resolveConfig(undefined, runtime)).toMatchObject({
      metrics: { port: false, host: '127.0.0.1' },
      log: { level: 'info' },
    });
  });
});
