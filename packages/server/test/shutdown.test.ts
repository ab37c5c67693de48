import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer } from '../src/http-server.js';
import { CLOSE_GRACE_MS } from '../src/mail/outbox.js';
import { DRAIN_TIMEOUT_MS, GracefulShutdown, IDLE_GRACE_MS } from '../src/shutdown.js';
import { CLI_ARGS, makeDataDir, REPO_ROOT } from './helpers.js';

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts the real CLI in --dev on a free port; resolves with the port once it listens. */
async function startCli(configFile: string, dataDir: string) {
  const child = spawn(
    process.execPath,
    [...CLI_ARGS, '--dev', '--config', configFile, '--data', dataDir, '--port', '0'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  const exited = new Promise<{ code: number | null; signal: string | null; at: number }>(
    (resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    void exited.then(({ code }) => reject(new Error(`exited ${code} before listening: ${stderr}`)));
  });
  return { child, port, exited, stderr: () => stderr };
}

/**
 * What became of one request: an HTTP answer, or refused at connect (the listener was closed),
 * or anything else (a reset, a hang-up), which a graceful shutdown must never cause.
 */
type Outcome =
  | { kind: 'answered'; status: number; connection: string | undefined }
  | { kind: 'refused' }
  | { kind: 'failed'; error: string };

function startBody(i: number): string {
  const email = `shutdown-${i}@example.com`;
  return JSON.stringify({ client_id: 'demo', connection: 'email', email, send: 'code' });
}

/** Sends a request; `body` is written in two halves, the second once `rest` resolves. */
function send(
  port: number,
  agent: http.Agent | false,
  request: { method: 'GET' | 'POST'; path: string; body?: string },
  rest: Promise<void> = Promise.resolve(),
): Promise<Outcome> {
  return new Promise((resolve) => {
    const headers: http.OutgoingHttpHeaders = request.body
      ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(request.body) }
      : {};
    const req = http.request(
      { host: '127.0.0.1', port, agent, method: request.method, path: request.path, headers },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            kind: 'answered',
            status: res.statusCode!,
            connection: res.headers.connection,
          }),
        );
        res.on('error', (error) => resolve({ kind: 'failed', error: String(error) }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve(
        error.code === 'ECONNREFUSED'
          ? { kind: 'refused' }
          : { kind: 'failed', error: `${error.code ?? ''} ${error.message}` },
      ),
    );
    if (!request.body) return void req.end();
    const half = Math.floor(request.body.length / 2);
    req.write(request.body.slice(0, half));
    void rest.then(() => req.end(request.body!.slice(half)));
  });
}

/** GET `path` through `agent`; the answer's status, `Connection` header and JSON body. */
function getJson(port: number, agent: http.Agent, path: string) {
  return new Promise<{ status: number; connection: string | undefined; body: unknown }>(
    (resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, agent, path }, (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode!,
              connection: res.headers.connection,
              body: JSON.parse(text),
            }),
          );
        })
        .on('error', reject);
    },
  );
}

const WORKERS = 20;
const SLOW_REQUESTS = 4;
/** Answers before the signal: the burst is well under way by then. */
const ANSWERS_BEFORE_SIGNAL = 40;
/** A server that never stops taking requests fails the test instead of looping it forever. */
const MAX_REQUESTS = 2_000;
/** The listener closes within the idle grace of the drain; timers run late on a loaded machine. */
const LISTENER_CLOSED_MARGIN_MS = 1_000;

describe('shutdown on SIGTERM', () => {
  it(
    'answers every request it took (the store still open), refuses new connections, resets none, and exits 0 in time',
    { timeout: 60_000 },
    async () => {
      const dataDir = await makeDataDir();
      const configFile = path.join(dataDir, 'config.json');
      await fs.writeFile(
        configFile,
        JSON.stringify({ rate_limits: { start_per_ip_per_hour: 100_000 } }),
      );
      const cli = await startCli(configFile, dataDir);

      // Requests whose body is half sent: certainly in flight at the server when the signal comes.
      let finishSlow!: () => void;
      const slowRest = new Promise<void>((resolve) => (finishSlow = resolve));
      const slow = Array.from({ length: SLOW_REQUESTS }, (_, i) =>
        send(
          cli.port,
          false,
          { method: 'POST', path: '/passwordless/start', body: startBody(1e6 + i) },
          slowRest,
        ),
      );
      await sleep(300);
      // A poller's keep-alive connection, open and idle when the signal comes.
      const poller = new http.Agent({ keepAlive: true, maxSockets: 1 });
      expect(await getJson(cli.port, poller, '/readyz')).toMatchObject({ status: 200 });

      // Keep-alive workers, each sending its next request as soon as the last is answered (so
      // the server sees requests arriving on reused connections at any moment), mixing starts
      // and /healthz, until one of them is refused.
      const agent = new http.Agent({ keepAlive: true, maxSockets: WORKERS });
      const outcomes: Outcome[] = [];
      let answered = 0;
      let signalled!: () => void;
      const signal = new Promise<void>((resolve) => (signalled = resolve));
      let next = 0;
      const worker = async () => {
        while (next < MAX_REQUESTS) {
          const i = next++;
          const outcome = await send(
            cli.port,
            agent,
            i % 2 === 0
              ? { method: 'POST', path: '/passwordless/start', body: startBody(i) }
              : { method: 'GET', path: '/healthz' },
          );
          outcomes.push(outcome);
          if (outcome.kind === 'answered' && ++answered === ANSWERS_BEFORE_SIGNAL) signalled();
          if (outcome.kind !== 'answered') return;
          // Draining: the next request needs a new connection. One that reaches the listener at
          // the very moment it closes is reset, by any server; this one comes once it surely is.
          if (outcome.connection === 'close')
            await sleep(IDLE_GRACE_MS + LISTENER_CLOSED_MARGIN_MS);
        }
      };
      const workers = Array.from({ length: WORKERS }, worker);

      await signal;
      const signalAt = Date.now();
      cli.child.kill('SIGTERM');
      await sleep(300);
      // Well inside the idle grace: the poller's connection is still open, and hears it is
      // draining. A loaded machine can take a while to deliver the signal: until then it is ready.
      let draining = await getJson(cli.port, poller, '/readyz');
      while (draining.status === 200 && Date.now() - signalAt < DRAIN_TIMEOUT_MS) {
        await sleep(100);
        draining = await getJson(cli.port, poller, '/readyz');
      }
      poller.destroy();
      finishSlow();
      const slowOutcomes = await Promise.all(slow);
      await Promise.all(workers);
      agent.destroy();
      const exit = await cli.exited;

      expect(outcomes.filter((outcome) => outcome.kind === 'failed')).toEqual([]);
      const answers = outcomes.flatMap((outcome) => (outcome.kind === 'answered' ? [outcome] : []));
      expect(answers.length).toBeGreaterThan(ANSWERS_BEFORE_SIGNAL);
      // Answered in full, never a 503 or 500 from a store closed under the request.
      expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
      expect(outcomes.filter((outcome) => outcome.kind === 'refused')).toHaveLength(WORKERS);
      expect(slowOutcomes).toEqual(
        Array(SLOW_REQUESTS).fill({ kind: 'answered', status: 200, connection: 'close' }),
      );
      expect(exit).toMatchObject({ code: 0, signal: null });
      // After the drain, the outbox goes on sending the mail it holds for up to its grace.
      expect(exit.at - signalAt).toBeLessThan(DRAIN_TIMEOUT_MS + CLOSE_GRACE_MS);
      expect(cli.stderr()).toBe('');
      expect(draining).toEqual({
        status: 503,
        connection: 'close',
        body: {
          status: 'unavailable',
          checks: { store: 'ok', migrations: 'ok', signing_keys: 'ok', serving: 'draining' },
        },
      });
      console.log(
        `shutdown: ${answers.length} answered, ${outcomes.length - answers.length} refused, exit ${exit.at - signalAt} ms after SIGTERM`,
      );
    },
  );

  it('cuts a request still unanswered at the bound, and resolves then', async () => {
    const server = createHttpServer();
    const shutdown = new GracefulShutdown(server);
    server.on('request', () => {}); // never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const hanging = send(port, false, { method: 'GET', path: '/stuck' });
    await sleep(200);

    const boundMs = 500;
    const startedAt = Date.now();
    await shutdown.drain(boundMs);
    const tookMs = Date.now() - startedAt;
    expect(tookMs).toBeGreaterThanOrEqual(boundMs - 20);
    expect(tookMs).toBeLessThan(boundMs + 1_000);
    expect(await hanging).toMatchObject({ kind: 'failed' });
    expect(server.listening).toBe(false);
  });

  it('answers the connections waiting to be accepted when it starts, and refuses new ones', async () => {
    const server = createHttpServer();
    const shutdown = new GracefulShutdown(server);
    let accepted = 0;
    server.on('connection', () => accepted++);
    server.on('request', (_request: http.IncomingMessage, response: http.ServerResponse) =>
      response.end('ok'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // Node accepts one connection per event-loop turn: connections made together wait in the
    // kernel's accept queue, their requests already sent, and closing the listener resets them.
    const clients = Array.from({ length: 4 }, () => rawKeepAlive(port));
    for (const client of clients) client.get('/');
    await Promise.all(clients.map((client) => client.connected));
    expect(accepted).toBeLessThan(clients.length);
    const drained = shutdown.drain();
    const late = rawKeepAlive(port);
    late.get('/');
    await drained;

    for (const client of clients) {
      expect(await client.ended).toBe('closed');
      expect(client.answers()).toEqual([
        expect.stringMatching(/^200 OK\r\n(.*\r\n)*Connection: close\r\n/i),
      ]);
    }
    expect(server.listening).toBe(false);
    // Linux queues no connection behind those meanwhile: the late client's SYN goes unanswered,
    // and its retry a second later finds the port closed.
    if (process.platform === 'linux') expect(await late.ended).toBe('ECONNREFUSED');
    expect(late.answers()).toEqual([]);
  });

  describe('closes an idle keep-alive connection only once it has stayed idle', () => {
    /** A server that says `ok`, running `before` first, with two keep-alive connections answered once. */
    async function serveTwoIdleConnections(
      before: (path: string, connections: readonly RawKeepAlive[]) => void = () => {},
    ) {
      const server = createHttpServer();
      const shutdown = new GracefulShutdown(server);
      server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
        before(request.url!, connections);
        response.end('ok');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const connections = [rawKeepAlive(port), rawKeepAlive(port)] as const;
      for (const connection of connections) connection.get('/');
      while (connections.some((connection) => connection.answers().length < 1)) await sleep(10);
      return { server, shutdown, connections };
    }

    /**
     * Starts the drain and, from an immediate (after the loop last read its sockets) just before
     * the grace ends, runs `busy`; resolves once the connections are closed and the drain is over.
     */
    async function drainWithBusyMoment(
      server: http.Server,
      shutdown: GracefulShutdown,
      busy: (graceEndsAt: number) => void,
    ) {
      const graceEndsAt = performance.now() + IDLE_GRACE_MS;
      const drained = shutdown.drain();
      // Due before the grace timer: even when both are late, this one runs first.
      await sleep(IDLE_GRACE_MS - 200);
      await new Promise<void>((resolve) =>
        setImmediate(() => {
          busy(graceEndsAt);
          resolve();
        }),
      );
      await drained;
      expect(server.listening).toBe(false);
    }

    it('answers a request that sat unread while the loop was busy as the grace ended', async () => {
      const { server, shutdown, connections } = await serveTwoIdleConnections();
      const [client, idle] = connections;
      await drainWithBusyMoment(server, shutdown, (graceEndsAt) => {
        client.get('/');
        busyUntil(Math.max(graceEndsAt, performance.now()) + 100);
      });

      expect(await client.ended).toBe('closed');
      expect(client.answers()).toEqual([
        expect.stringMatching(/^200 OK\r\n/),
        expect.stringMatching(/^200 OK\r\n(.*\r\n)*Connection: close\r\n/i),
      ]);
      // The one that stayed idle was closed, without an answer.
      expect(await idle.ended).toBe('closed');
      expect(idle.answers()).toHaveLength(1);
    });

    it('answers a request that arrived while another request kept the loop busy right after the grace', async () => {
      const { server, shutdown, connections } = await serveTwoIdleConnections((path, [client]) => {
        if (path !== '/busy') return;
        client!.get('/');
        busyUntil(performance.now() + 100);
      });
      const [client, other] = connections;
      await drainWithBusyMoment(server, shutdown, (graceEndsAt) => {
        // Read in the first turn after the grace timer, whose poll then runs the busy handler.
        other.get('/busy');
        busyUntil(Math.max(graceEndsAt, performance.now()) + 20);
      });

      for (const connection of [client, other]) {
        expect(await connection.ended).toBe('closed');
        expect(connection.answers()).toEqual([
          expect.stringMatching(/^200 OK\r\n/),
          expect.stringMatching(/^200 OK\r\n(.*\r\n)*Connection: close\r\n/i),
        ]);
      }
    });
  });
});

type RawKeepAlive = ReturnType<typeof rawKeepAlive>;

/** A raw HTTP/1.1 keep-alive connection: what the server sent, and how the connection ended. */
function rawKeepAlive(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => (received += chunk));
  return {
    connected: new Promise<void>((resolve) => socket.once('connect', resolve)),
    /** Writes a GET; on a connected socket, net hands it to the kernel before returning. */
    get: (path: string) => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`),
    /** Each answer received, from its status code on. */
    answers: () => received.split('HTTP/1.1 ').slice(1),
    /** `closed` (a clean close) or the error code (`ECONNRESET`) the connection ended with. */
    ended: new Promise<string>((resolve) => {
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      socket.on('close', () => resolve('closed'));
    }),
  };
}

/** Blocks the event loop until `at` (`performance.now()` time), as a burst of work does. */
function busyUntil(at: number): void {
  while (performance.now() < at);
}
