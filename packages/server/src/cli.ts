#!/usr/bin/env node
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import {
  buildApp,
  ConfigError,
  DatabaseError,
  DataDirError,
  resolveConfig,
  rotateSigningKeys,
  ServerSecretMismatchError,
} from './app.js';
import { usersCommand, usersUsage } from './admin/users-cli.js';
import { NAME, readConfigFile, StartError } from './cli-input.js';
import { createHttpServer, isLoopbackHost } from './http-server.js';
import { KEYS_RELOAD_INTERVAL_MS, publishDelayMs } from './keys.js';
import { exitGracefullyOnSignals, GracefulShutdown } from './shutdown.js';

const USAGE = `Usage: ${NAME} [--config FILE] [--port 3000] [--host 127.0.0.1] [--data DIR] [--dev]
       ${NAME} --rotate-keys [--config FILE] [--data DIR]   add a signing key to the database's
         set (DATABASE_URL or the config's "database") or to DIR/keys.json, then exit; old keys
         keep verifying
${usersUsage()}
Environment: PORT, HOST, PL_CONFIG, PL_DATA_DIR, SMTP_URL, DATABASE_URL, PL_SERVER_SECRET (flags
  win over the environment; DATABASE_URL wins over the config's "database"; PL_SERVER_SECRET,
  32 bytes in base64url, is the server secret instead of DIR/server-secret, so nodes without a
  data dir of their own share one).`;

interface CliOptions {
  configFile?: string;
  port: number;
  host: string;
  dataDir: string;
  dev: boolean;
  rotateKeys: boolean;
  smtpUrl?: string;
  databaseUrl?: string;
  serverSecret?: string;
}

function readOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        dev: { type: 'boolean', default: false },
        'rotate-keys': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new StartError(`${(error as Error).message} (see --help)`);
  }
  if (values.help) return 'help';

  const portText = values.port ?? env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535) {
    throw new StartError(`port "${portText}" is not a number from 0 to 65535`);
  }
  const options: CliOptions = {
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    dataDir: values.data ?? env.PL_DATA_DIR ?? './.data',
    dev: values.dev,
    rotateKeys: values['rotate-keys'],
  };
  const configFile = values.config ?? env.PL_CONFIG;
  if (configFile) options.configFile = configFile;
  if (env.SMTP_URL) options.smtpUrl = env.SMTP_URL;
  if (env.DATABASE_URL) options.databaseUrl = env.DATABASE_URL;
  if (env.PL_SERVER_SECRET) options.serverSecret = env.PL_SERVER_SECRET;
  return options;
}

async function bind(server: http.Server, options: CliOptions): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new StartError(
        `port ${options.port} on ${options.host} is already in use (try --port)`,
      );
    }
    if (code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new StartError(`cannot listen on ${options.host}:${options.port} (${code})`);
    }
    throw error;
  }
}

/** Stops accepting connections and resolves once the requests in flight are answered. */
function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function publicUrl(server: http.Server, options: CliOptions): string {
  const { port } = server.address() as AddressInfo;
  const loopback = ['127.0.0.1', 'localhost', '::1', '0.0.0.0', '::'].includes(options.host);
  return `http://${loopback ? 'localhost' : options.host}:${port}`;
}

async function main(): Promise<void> {
  if (process.argv[2] === 'users') return usersCommand(process.argv.slice(3), process.env);
  const options = readOptions(process.argv.slice(2), process.env);
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  if (options.rotateKeys) {
    // The same config as the server's, so the key lands in the set the servers read. Rotating
    // needs no mail transport or clients, which `dev` is what waives.
    const file = options.configFile ? readConfigFile(options.configFile) : undefined;
    const config = resolveConfig(file, {
      dev: true,
      port: options.port,
      dataDir: options.dataDir,
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    });
    const { kid, count, where } = await rotateSigningKeys(config);
    console.log(
      `${NAME}: new signing key ${kid} in ${where} (${count} keys in the JWKS); running servers serve it within ${KEYS_RELOAD_INTERVAL_MS / 1000} s and sign with it after ${publishDelayMs(KEYS_RELOAD_INTERVAL_MS) / 1000} s`,
    );
    return;
  }
  if (options.dev && !isLoopbackHost(options.host)) {
    process.stderr.write(
      `${NAME}: warning: --dev on ${options.host}: the dev inbox and the login codes in it are readable by anyone who can reach that address\n`,
    );
  }
  const file = options.configFile ? readConfigFile(options.configFile) : undefined;
  const server = createHttpServer();
  const shutdown = new GracefulShutdown(server);
  // Until the app is ready, a request that arrives gets 503 instead of hanging.
  let handle: http.RequestListener = (_request, response) => {
    response.writeHead(503, { 'retry-after': '1' }).end();
  };
  server.on('request', (request, response) => handle(request, response));
  let app: FastifyInstance;
  try {
    // The default issuer (`http://localhost:<port>/`, every token's `iss` and the base of magic
    // links) must name the port the OS picks for --port 0, so that port is bound first. A fixed
    // port is bound last, after every config and data dir problem has had its chance to show.
    if (options.port === 0) await bind(server, options);
    const config = resolveConfig(file, {
      dev: options.dev,
      port: server.listening ? (server.address() as AddressInfo).port : options.port,
      dataDir: options.dataDir,
      ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}),
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
      ...(options.serverSecret ? { serverSecret: options.serverSecret } : {}),
    });
    let fastifyHandler: http.RequestListener | undefined;
    app = await buildApp(config, {
      logger: { level: config.log.level },
      draining: () => shutdown.draining,
      serverFactory: (handler) => {
        fastifyHandler = handler;
        return server;
      },
    });
    await app.ready();
    handle = fastifyHandler!;
    if (!server.listening)
      await bind(server, options).catch(async (error: unknown) => {
        await app.close();
        throw error;
      });
  } catch (error) {
    if (server.listening) await closeServer(server);
    throw error;
  }

  // The app does not close a server it was handed (serverFactory) and did not listen on: the
  // server is drained first, so the store stays open for the requests still being answered.
  exitGracefullyOnSignals(shutdown, () => app.close());

  const url = publicUrl(server, options);
  const inbox = options.dev ? ` (dev inbox: ${url}/dev/inbox)` : '';
  console.log(`${NAME} listening on ${url}${inbox}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    // One line per problem, so a config with several mistakes is fixed in one go.
    for (const problem of error.problems) {
      process.stderr.write(`${NAME}: bad config: ${oneLine(problem)}\n`);
    }
    process.exit(1);
  }
  const known =
    error instanceof StartError ||
    error instanceof DataDirError ||
    error instanceof DatabaseError ||
    error instanceof ServerSecretMismatchError;
  const message = oneLine(error instanceof Error ? error.message : String(error));
  process.stderr.write(`${NAME}: ${known ? message : `failed to start: ${message}`}\n`);
  process.exit(1);
});

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
