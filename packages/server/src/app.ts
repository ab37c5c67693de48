import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import cors from '@fastify/cors';
import formbody from '@fastify/formbody';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { RandomSource } from './codes.js';
import type { ServerConfig } from './config.js';
import type { AppContext } from './context.js';
import { answerError, installErrorHandlers } from './errors.js';
import { installNoStore } from './no-store.js';
import { answerClientError, createHttpServer, type HttpTimeouts } from './http-server.js';
import { KEYS_FILE, SigningKeysFile } from './keys-file.js';
import { keyRotationFor } from './key-rotation.js';
import {
  addSigningKey,
  KEYS_RELOAD_INTERVAL_MS,
  publishDelayMs,
  rotateKeys,
  SigningKeySet,
  type SigningKeySetOptions,
} from './keys.js';
import { createSmtpMailer, type Mailer } from './mail/mailer.js';
import { MailOutbox } from './mail/outbox.js';
import { EmailTemplates } from './mail/templates.js';
import { countingMailer } from './metrics/counting-mailer.js';
import { serveMetrics } from './metrics/listener.js';
import { NO_METRICS, type MetricsRecorder } from './metrics/recorder.js';
import { isEchoableOrigin, knownOrigins, READABLE_REFUSAL_ROUTES } from './origins.js';
import { keepPrivate, PRIVATE_DIR_MODE } from './private-files.js';
import { installRequestLog, loggerOptions, requestId } from './request-log.js';
import { Readiness } from './readiness.js';
import { devInboxRoutes } from './routes/dev-inbox.js';
import { authorizeRoutes } from './routes/authorize.js';
import { crossOriginRoutes } from './routes/cross-origin.js';
import { discoveryRoutes } from './routes/discovery.js';
import { healthRoutes } from './routes/health.js';
import { lockRoutes } from './routes/lock.js';
import { logoutRoutes } from './routes/logout.js';
import { passwordlessRoutes } from './routes/passwordless.js';
import { revokeRoutes } from './routes/revoke.js';
import { tokenRoutes } from './routes/token.js';
import { userinfoRoutes } from './routes/userinfo.js';
import { startPruning } from './pruning.js';
import { checkServerSecret, loadServerSecret, SERVER_SECRET_FILE } from './server-secret.js';
import { DATABASE_FILES } from './sqlite/database.js';
import { PostgresStore } from './postgres-store.js';
import { SqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';
import type { DevInboxStore } from './store/dev-inbox.js';

export { ConfigError, resolveConfig } from './config.js';
export { ServerSecretMismatchError } from './server-secret.js';
export { DEMO_CLIENT } from './demo-tenant.js';
export { OTP_GRANT } from './grants/otp.js';
export type { ApiConfig, ClientConfig, RuntimeOptions, ServerConfig } from './config.js';
export { HTTP_TIMEOUTS } from './http-server.js';
export type { HttpTimeouts } from './http-server.js';
export { MetricsListenError } from './metrics/listener.js';
export type { RandomSource } from './codes.js';
export type { Mailer, OutgoingEmail } from './mail/mailer.js';
export type { Store } from './store.js';
export type { DevInboxStore, InboxMessage } from './store/dev-inbox.js';
export type { StartResponse } from './routes/passwordless.js';
export type { CoAuthenticateResponse } from './routes/cross-origin.js';
export { KEYS_RELOAD_INTERVAL_MS, rotateKeys } from './keys.js';
export type { TokenResponse } from './tokens.js';
export { SqliteStore } from './sqlite-store.js';
export { PostgresStore } from './postgres-store.js';

const outboxes = new WeakMap<FastifyInstance, MailOutbox>();

/**
 * Resolves once the app has tried every mail it had in hand: /passwordless/start answers as soon
 * as its mail is queued, and SMTP gets it just after. For tests and embedding programs that read
 * what was mailed (a failed try is retried later, from the outbox).
 */
export async function mailSettled(app: FastifyInstance): Promise<void> {
  await outboxes.get(app)?.settled();
}

/** Request bodies above this are refused with 413 before parsing. */
export const BODY_LIMIT_BYTES = 16 * 1024;

/** What tests (or an embedding program) may replace. */
export interface AppDeps {
  /** Epoch milliseconds; default `Date.now`. */
  now?: () => number;
  /** Secure random bytes; default `crypto.randomBytes`. */
  random?: RandomSource;
  /**
   * Default: `config.database`, SQLite in `config.dataDir` or PostgreSQL. An injected store is
   * not closed by the app.
   */
  store?: Store;
  /** Where `--dev` files the mail it sends; default: the SQLite store's own dev inbox. */
  devInbox?: DevInboxStore;
  /** Default: the dev inbox's SMTP server (`config.dev`), else `config.smtp`. Not closed if injected. */
  mailer?: Mailer;
  /**
   * Fastify's logger options (`level`, `stream`), or `false` (the default): none. The server's
   * redaction and serializers apply on top (request-log.ts).
   */
  logger?: FastifyServerOptions['logger'];
  /** How often the signing keys are read again from their store; `KEYS_RELOAD_INTERVAL_MS`. */
  keysReloadIntervalMs?: number;
  /** How often the outbox looks for mail to retry (or queued by other nodes); default 1000 ms. */
  outboxIntervalMs?: number;
  /**
   * Fastify's `serverFactory`: the CLI binds its port before building the app (cli.ts).
   * Default: a server from `createHttpServer` with `httpTimeouts`.
   */
  serverFactory?: FastifyServerOptions['serverFactory'];
  /** Timeouts of the server the app creates when given no `serverFactory`; `HTTP_TIMEOUTS`. */
  httpTimeouts?: HttpTimeouts;
  /** Whether the process is shutting down: `/readyz` answers 503 `draining` while it says so. */
  draining?: () => boolean;
}

/** The configured PostgreSQL database cannot be reached, or its schema is newer than this server. */
export class DatabaseError extends Error {
  override readonly name = 'DatabaseError';
}

/** The data dir cannot be created, written or kept private, or holds files the server cannot read. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

/**
 * Builds the server (without listening): makes the data dir private, opens the store, loads or
 * creates the signing keys and the server secret, starts the mail transport and registers every
 * route. `app.close()` releases all of it.
 * @throws ConfigError for an invalid email template, DataDirError for an unusable data dir,
 *   DatabaseError for a PostgreSQL database that cannot be used, ServerSecretMismatchError for
 *   a database used with another server secret.
 */
export async function buildApp(config: ServerConfig, deps: AppDeps = {}): Promise<FastifyInstance> {
  const templates = new EmailTemplates(config.connections.email.email, config.defaultLanguage);
  const owned: Array<{ close(): Promise<void> }> = [];
  let app: FastifyInstance | undefined;
  let keysLoading: Promise<SigningKeySet> | undefined;
  const closeOwned = async () => {
    for (const resource of owned.reverse()) await resource.close().catch(() => {});
    owned.length = 0;
  };

  try {
    prepareDataDir(config.dataDir);
    let store = deps.store;
    if (!store) {
      store = await openStore(config);
      owned.push(store);
    }
    const loaded = await loadServerSecret(config.dataDir, config.serverSecret).catch(
      (error: Error) => {
        throw new DataDirError(error.message);
      },
    );
    // Only a SQLite database is the data dir's own: there, a new secret file replaces the
    // recorded fingerprint instead of refusing (deleting the file is how to make a new secret).
    await checkServerSecret(store, loaded, store instanceof SqliteStore);
    const serverSecret = loaded.secret;
    const now = deps.now ?? Date.now;
    const reloadIntervalMs = deps.keysReloadIntervalMs ?? KEYS_RELOAD_INTERVAL_MS;
    const rotation = keyRotationFor(config, reloadIntervalMs);
    // A new data dir's first key is made on libuv's thread pool (RSA: 0.1-0.3 s); the mail
    // transport and Fastify are set up meanwhile. Awaited below: a failure is reported there.
    keysLoading = loadKeys(store, config.dataDir, {
      now,
      publishDelayMs: publishDelayMs(reloadIntervalMs),
      ...(rotation ? { rotation } : {}),
      onRotated: (change) => app?.log.info(change, 'signing keys rotated on schedule'),
    });
    keysLoading.catch(() => {});
    const devInbox = config.dev ? devInboxFor(store, deps.devInbox) : undefined;
    let mailer = deps.mailer;
    if (!mailer) {
      const connections = config.outbox.concurrentSends;
      // smtp-server (about 6 MiB) loads only for --dev, which is all that needs it.
      mailer = devInbox
        ? await (
            await import('./mail/dev-inbox-smtp.js')
          ).startDevInboxMailer(devInbox, connections)
        : createSmtpMailer(config.smtp!, connections);
      owned.push(mailer);
    }

    const { port: metricsPort, host: metricsHost } = config.metrics;
    // prom-client loads only in a server that serves metrics.
    const served =
      metricsPort === false
        ? undefined
        : new (await import('./metrics/metrics.js')).ServerMetrics();
    const metrics = served ?? NO_METRICS;
    const outbox = new MailOutbox({
      store,
      mailer: countingMailer(mailer, metrics),
      now,
      mailKey: serverSecret.mailKey,
      onError: (error) =>
        app?.log.warn({ event: 'mail_failed', err: error }, 'mail delivery failed; will retry'),
      onDropped: (message) => app?.log.warn(message),
      concurrency: config.outbox.concurrentSends,
      maxQueued: config.outbox.maxQueued,
    });
    owned.push(outbox);
    served?.trackSending(outbox);
    app = createFastify(
      config,
      metrics,
      deps.logger ?? false,
      deps.serverFactory ?? ((handler) => createHttpServer(deps.httpTimeouts, handler)),
    );
    const keys = await keysLoading;
    const ctx: AppContext = {
      config,
      clients: new Map(config.clients.map((client) => [client.clientId, client])),
      store,
      keys,
      serverSecret,
      outbox,
      templates,
      metrics,
      now,
      random: deps.random ?? randomBytes,
    };
    const readiness = new Readiness({ store, keys, draining: deps.draining ?? (() => false) });
    await registerRoutes(app, ctx, readiness, devInbox);
    if (served) serveMetrics(app, served, store, metricsHost, metricsPort as number);
    outbox.start(deps.outboxIntervalMs);
    outboxes.set(app, outbox);
    keys.startReloading(reloadIntervalMs, (error) =>
      app?.log.warn({ err: error }, 'cannot reload the signing keys; still using the loaded ones'),
    );
    const pruner = startPruning(store, now);
    app.addHook('onClose', async () => {
      await keys.stop();
      await pruner.stop();
      await closeOwned();
    });
    return app;
  } catch (error) {
    // The keys may still be read from the store about to be closed.
    await keysLoading?.catch(() => {});
    await closeOwned();
    throw error;
  }
}

function createFastify(
  config: ServerConfig,
  metrics: MetricsRecorder,
  logger: FastifyServerOptions['logger'],
  serverFactory: NonNullable<FastifyServerOptions['serverFactory']>,
): FastifyInstance {
  const app = Fastify({
    logger: loggerOptions(logger),
    // Requests are logged once, answered, by installRequestLog: without URL or headers.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    genReqId: requestId,
    serverFactory,
    clientErrorHandler: answerClientError,
    frameworkErrors: answerError,
    // request.ip (what rate limits count by) is the X-Forwarded-For client only when the
    // connection comes from a listed proxy; anyone else's header is ignored.
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    ajv: {
      // Refuse what does not match instead of silently dropping or coercing it, and name every
      // unknown property at once.
      customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true },
    },
  });
  installErrorHandlers(app);
  installNoStore(app);
  installRequestLog(app, metrics);
  return app;
}

async function registerRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  readiness: Readiness,
  devInbox: DevInboxStore | undefined,
): Promise<void> {
  await app.register(formbody, { bodyLimit: BODY_LIMIT_BYTES });

  const origins = knownOrigins(ctx.config.clients);
  const corsFor = (origin: string | false, credentials: boolean) => ({
    origin,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Request-Language', 'Auth0-Client'],
    exposedHeaders: ['Retry-After'],
    credentials,
    maxAge: 600,
  });
  await app.register(cors, {
    // Browsers get CORS headers only for origins some client lists; each route then checks that
    // its own client lists the origin, and routes may override (discovery is public). auth0.js
    // sends /co/authenticate with credentials; origins are always checked, never '*'.
    // One exception: the preflight of a route that refuses an unlisted origin readably is
    // answered for any origin, so the page gets to read the 403 (origins.ts).
    delegator: (request, callback) => {
      const origin = request.headers.origin;
      const preflight = request.method === 'OPTIONS';
      // An OPTIONS without Access-Control-Request-Method is no preflight (Fetch §4.8): it gets
      // the Auth0-shaped 404, not @fastify/cors's plain-text "Invalid Preflight Request".
      if (preflight && !request.headers['access-control-request-method']) {
        return callback(null, corsFor(false, false));
      }
      if (origin !== undefined && origins.has(origin)) return callback(null, corsFor(origin, true));
      const refusal = READABLE_REFUSAL_ROUTES.get(request.url.split('?')[0]!);
      if (origin !== undefined && refusal && preflight && isEchoableOrigin(origin)) {
        return callback(null, corsFor(origin, refusal.credentials));
      }
      callback(null, corsFor(false, false));
    },
  });

  await app.register(healthRoutes, { readiness });
  await app.register(discoveryRoutes, ctx);
  await app.register(passwordlessRoutes, ctx);
  await app.register(tokenRoutes, ctx);
  await app.register(revokeRoutes, ctx);
  await app.register(userinfoRoutes, ctx);
  await app.register(crossOriginRoutes, ctx);
  await app.register(authorizeRoutes, ctx);
  await app.register(logoutRoutes, ctx);
  await app.register(lockRoutes, ctx);
  if (devInbox) await app.register(devInboxRoutes, { inbox: devInbox });
}

function prepareDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    fs.accessSync(dataDir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
  } catch (error) {
    throw new DataDirError(`data dir ${dataDir} is not usable: ${(error as Error).message}`);
  }
  try {
    keepPrivate(dataDir, [...DATABASE_FILES, KEYS_FILE, SERVER_SECRET_FILE]);
  } catch (error) {
    throw new DataDirError((error as Error).message);
  }
}

/** The dev inbox is no part of the production `Store`; both stores keep one beside it. */
function devInboxFor(store: Store, injected: DevInboxStore | undefined): DevInboxStore {
  if (injected) return injected;
  if (store instanceof SqliteStore || store instanceof PostgresStore) return store;
  throw new Error('--dev with an injected store of another kind needs deps.devInbox');
}

/**
 * `--rotate-keys`: adds a signing key to the set `config` names (the PostgreSQL database's, else
 * the data dir's keys.json) and says where. Running servers sign with it from their next reload.
 * @throws DataDirError or DatabaseError, as {@link buildApp}.
 */
export async function rotateSigningKeys(
  config: ServerConfig,
): Promise<{ kid: string; count: number; where: string }> {
  if (config.database === 'sqlite') {
    const rotated = await rotateKeys(config.dataDir).catch((error: Error) => {
      throw new DataDirError(`cannot rotate the keys in ${config.dataDir}: ${error.message}`);
    });
    return { ...rotated, where: config.dataDir };
  }
  const where = `the PostgreSQL database at ${describeDatabase(config.database)}`;
  const store = await openPostgres(config.database);
  try {
    const rotated = await addSigningKey(store.signingKeys).catch((error: Error) => {
      throw new DatabaseError(`cannot rotate the keys in ${where}: ${error.message}`);
    });
    return { ...rotated, where };
  } finally {
    await store.close();
  }
}

function openPostgres(url: string): Promise<PostgresStore> {
  return PostgresStore.open(url).catch((error: Error) => {
    throw new DatabaseError(
      `cannot use the PostgreSQL database at ${describeDatabase(url)}: ${error.message}`,
    );
  });
}

/**
 * The store `config` names, as the server opens it: the PostgreSQL database, else the SQLite
 * file in the data dir.
 * @throws DataDirError or DatabaseError, as {@link buildApp}.
 */
export async function openStore(config: ServerConfig): Promise<Store> {
  if (config.database !== 'sqlite') return openPostgres(config.database);
  try {
    return new SqliteStore(config.dataDir);
  } catch (error) {
    const message = (error as Error).message;
    throw new DataDirError(`database in ${config.dataDir} cannot be opened: ${message}`);
  }
}

/** With PostgreSQL every node signs with the key set in the database; else the data dir's file. */
async function loadKeys(
  store: Store,
  dataDir: string,
  options: SigningKeySetOptions,
): Promise<SigningKeySet> {
  if (store instanceof PostgresStore) {
    return SigningKeySet.open(store.signingKeys, 'signing keys in the database', options).catch(
      (error: Error) => {
        throw new DatabaseError(error.message);
      },
    );
  }
  const keysFile = new SigningKeysFile(dataDir);
  return SigningKeySet.open(keysFile, keysFile.file, options).catch((error: Error) => {
    throw new DataDirError(`signing keys in ${dataDir}: ${error.message}`);
  });
}

/** Host, port and database of a PostgreSQL URL: never its password, which errors must not print. */
function describeDatabase(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port || '5432'}${pathname}`;
}
