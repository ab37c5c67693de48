import path from 'node:path';
import type { FromSchema } from 'json-schema-to-ts';
import { DEMO_CLIENT } from './demo-tenant.js';
import { DEFAULTS } from './config/defaults.js';
import { ConfigError, schemaChecker } from './config/problems.js';
import { FORMATS } from './config/formats.js';
import type { CONFIG_SCHEMA, LOG_LEVELS } from './config/schema.js';
import { validate } from './config/validator.generated.js';
import {
  decodeServerSecret,
  SERVER_SECRET_FILE,
  SERVER_SECRET_FORMAT,
  SERVER_SECRET_VARIABLE,
} from './server-secret.js';

export { ConfigError } from './config/problems.js';

/** A tenant application, as the config file's `clients[]` describes it. */
export interface ClientConfig {
  clientId: string;
  name: string;
  /** Origins allowed to call the authentication API from a browser (CORS). */
  allowedOrigins: string[];
  /** Origins allowed for cross-origin authentication (`/co/authenticate`, web_message). */
  webOrigins: string[];
  callbacks: string[];
  grantTypes: string[];
  logoutUrls: string[];
}

/** Text that may differ per language: one string, or `{ "en": "...", "fr": "..." }`. */
export type LocalizedText = string | Readonly<Record<string, string>>;

export interface OtpConfig {
  length: number;
  lifetimeS: number;
  maxAttempts: number;
  resendAfterS: number;
}

/**
 * Liquid templates of the verification email. `subject`, `html` and `text` fall back to the
 * built-in ones, in the request's language (mail/built-in-email.ts).
 */
export interface EmailTemplateConfig {
  from: string;
  subject?: LocalizedText;
  html?: LocalizedText;
  text?: LocalizedText;
}

/** How a magic link's confirm page finishes: on the person's click, or by submitting itself. */
export type LinkConfirm = 'click' | 'auto';

export interface EmailConnectionConfig {
  name: string;
  otp: OtpConfig;
  link: { confirm: LinkConfirm; includeCode: boolean };
  email: EmailTemplateConfig;
}

/** Where mail goes without `--dev`: an SMTP URL or nodemailer-style host options. */
export type SmtpConfig =
  { url: string } | { host: string; port: number; secure: boolean; user?: string; pass?: string };

/** How the outbox hands mail to SMTP: `outbox` in the file. */
export interface OutboxConfig {
  /** SMTP sends in flight at once per node. */
  concurrentSends: number;
  /** Unsent mails (all nodes') at which start refuses new logins with 503. */
  maxQueued: number;
}

export interface RateLimitConfig {
  startPerIpPerHour: number;
  failedVerificationsPerIpEmail: number;
  lockoutS: number;
  /** The email's guess budget: wrong codes it takes at once, across every address and client. */
  failedVerificationsPerEmail: number;
  /** The budget gains one wrong code every this many seconds (and is full after a login). */
  failedVerificationRefillS: number;
  /** Wrong codes one address (IPv6: one /64) may try in an hour, across every email. */
  failedVerificationsPerIpPerHour: number;
}

/** An API that access tokens can be issued for (`audience`); its tokens are JWTs (RFC 9068). */
export interface ApiConfig {
  identifier: string;
  name: string;
  accessTokenLifetimeS: number;
  /** The scopes this API grants; any other scope asked of it is dropped from its tokens. */
  scopes: string[];
}

/** Lifetimes of what the server issues, in seconds. */
export interface TokenLifetimes {
  accessTokenS: number;
  idTokenS: number;
  loginTicketS: number;
  authorizationCodeS: number;
  refreshToken: {
    /** From the login: no token of the family outlives it. */
    absoluteS: number;
    /** From each token's issue: it dies unused after this. */
    idleS: number;
    /** A spent token presented within this still rotates; later, it revokes its family. */
    reuseIntervalS: number;
  };
}

/** The whole server configuration, checked once at start. */
export interface ServerConfig {
  /** Always ends with `/`; it is the `iss` of every token. */
  issuer: string;
  dev: boolean;
  dataDir: string;
  defaultLanguage: string;
  clients: ClientConfig[];
  connections: { email: EmailConnectionConfig };
  smtp?: SmtpConfig;
  outbox: OutboxConfig;
  rateLimits: RateLimitConfig;
  apis: ApiConfig[];
  lifetimes: TokenLifetimes;
  /**
   * The reverse proxies whose `X-Forwarded-For` names the client (addresses and CIDR ranges),
   * or `false`: then every request's IP is the socket's peer, whatever headers it sends.
   */
  trustProxy: false | string[];
  /** `"sqlite"` (in the data dir) or the URL of the PostgreSQL database. */
  database: string;
  /** `PL_SERVER_SECRET`, decoded: used instead of the data dir's `server-secret` file. */
  serverSecret?: Buffer;
  /** The Prometheus listener (`GET /metrics`); `port: false` is none. */
  metrics: { port: number | false; host: string };
  log: { level: LogLevel };
  /** Days between scheduled signing-key rotations, or `false` (only `--rotate-keys`). */
  keys: { rotateEveryDays: number | false };
  /** What Auth0 Lock reads besides the API: the country `GET /user/geoloc/country` names. */
  lock: { countryCode: string };
}

/** What `log.level` may be: pino's levels. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What the command line and environment contribute on top of the file. */
export interface RuntimeOptions {
  dev: boolean;
  port: number;
  dataDir: string;
  /** `SMTP_URL`; wins over the file's `smtp`. */
  smtpUrl?: string;
  /** `DATABASE_URL`; wins over the file's `database`. */
  databaseUrl?: string;
  /** `PL_SERVER_SECRET` (base64url); wins over the data dir's `server-secret` file. */
  serverSecret?: string;
}

/** The config file once checked, with every default filled in. */
type ConfigFile = FromSchema<typeof CONFIG_SCHEMA>;
type FileClient = NonNullable<ConfigFile['clients']>[number];
type FileApi = NonNullable<ConfigFile['apis']>[number];
type FileLocalized = string | Readonly<Record<string, string>>;

const checkConfigFile = schemaChecker(validate);

/**
 * Checks a parsed config file (or `undefined` when there is none) against the schema and
 * merges it with the command-line options into a {@link ServerConfig}.
 * @throws ConfigError listing every problem, one line each, naming its key.
 */
export function resolveConfig(file: unknown, runtime: RuntimeOptions): ServerConfig {
  // Ajv fills the defaults in: into a copy, so the caller's object is left as it was.
  const root: unknown = file === undefined ? {} : structuredClone(file);
  const problems = checkConfigFile(root);
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    throw new ConfigError(problems);
  }
  const smtpUrlProblem = runtime.smtpUrl && FORMATS['smtp-url'](runtime.smtpUrl);
  if (smtpUrlProblem) problems.push(`SMTP_URL: ${smtpUrlProblem}`);
  const databaseUrlProblem = runtime.databaseUrl && FORMATS.database(runtime.databaseUrl);
  if (databaseUrlProblem) problems.push(`DATABASE_URL: ${databaseUrlProblem}`);
  const serverSecret =
    runtime.serverSecret === undefined ? undefined : decodeServerSecret(runtime.serverSecret);
  if (runtime.serverSecret !== undefined && !serverSecret) {
    // Never the value: it is a secret, and this line goes to the terminal and the logs.
    problems.push(
      `${SERVER_SECRET_VARIABLE}: is not a server secret (${SERVER_SECRET_FORMAT}), such as the content of another node's ${SERVER_SECRET_FILE}`,
    );
  }
  if (!runtime.dev && !runtime.smtpUrl && !('smtp' in root)) {
    problems.push('no mail transport: set SMTP_URL or "smtp" in the config, or use --dev');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const checked = root as ConfigFile;
  const clients = (checked.clients ?? []).map(readClient);
  const ids = new Set<string>();
  for (const client of clients) {
    if (ids.has(client.clientId)) {
      problems.push(`clients: client_id "${client.clientId}" is listed twice`);
    }
    ids.add(client.clientId);
  }
  if (clients.length === 0) {
    if (!runtime.dev) problems.push('clients: at least one client is required');
    else clients.push(DEMO_CLIENT);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const lifetimes = readLifetimes(checked.tokens);
  const config: ServerConfig = {
    issuer: readIssuer(checked.issuer, runtime.port),
    dev: runtime.dev,
    dataDir: path.resolve(runtime.dataDir),
    defaultLanguage: checked.default_language,
    clients,
    connections: { email: readEmailConnection(checked.connections.email) },
    outbox: {
      concurrentSends: checked.outbox.concurrent_sends,
      maxQueued: checked.outbox.max_queued,
    },
    rateLimits: readRateLimits(checked.rate_limits),
    lifetimes,
    apis: (checked.apis ?? []).map((api) => readApi(api, lifetimes)),
    // An empty list trusts no one, like `false`.
    trustProxy:
      Array.isArray(checked.trust_proxy) && checked.trust_proxy.length > 0
        ? [...checked.trust_proxy]
        : false,
    database: runtime.databaseUrl ?? checked.database,
    metrics: { port: checked.metrics.port as number | false, host: checked.metrics.host },
    log: { level: checked.log.level },
    // The schema refuses `true`: a number of days, or off.
    keys: {
      rotateEveryDays:
        typeof checked.keys.rotate_every_days === 'number' ? checked.keys.rotate_every_days : false,
    },
    lock: { countryCode: checked.lock.country_code },
  };
  const smtp = runtime.smtpUrl ? { url: runtime.smtpUrl } : readSmtp(checked.smtp);
  if (smtp) config.smtp = smtp;
  if (serverSecret) config.serverSecret = serverSecret;
  return config;
}

/** Always ends with `/`: it is every token's `iss` and the base of magic links. */
function readIssuer(issuer: string | undefined, port: number): string {
  if (issuer === undefined) return `http://localhost:${port}/`;
  const href = new URL(issuer).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function readClient(raw: FileClient): ClientConfig {
  const urls = (list: readonly string[]) => list.map((url) => new URL(url).href);
  return {
    clientId: raw.client_id,
    name: raw.name ?? raw.client_id,
    allowedOrigins: raw.allowed_origins.map((origin) => new URL(origin).origin),
    webOrigins: raw.web_origins.map((origin) => new URL(origin).origin),
    callbacks: urls(raw.callbacks),
    grantTypes: [...raw.grant_types],
    logoutUrls: urls(raw.logout_urls),
  };
}

function readEmailConnection(raw: ConfigFile['connections']['email']): EmailConnectionConfig {
  const email: EmailTemplateConfig = { from: raw.email.from };
  if (raw.email.subject !== undefined) email.subject = readLocalized(raw.email.subject);
  if (raw.email.body !== undefined) email.html = readLocalized(raw.email.body);
  if (raw.email.text !== undefined) email.text = readLocalized(raw.email.text);
  return {
    name: raw.name,
    otp: {
      length: raw.otp.length,
      lifetimeS: raw.otp.lifetime_s,
      maxAttempts: raw.otp.max_attempts,
      resendAfterS: raw.otp.resend_after_s,
    },
    link: { confirm: raw.link.confirm, includeCode: raw.link.include_code },
    email,
  };
}

/** Language keys are matched case-insensitively, so they are kept in lower case. */
function readLocalized(value: FileLocalized): LocalizedText {
  if (typeof value === 'string') return value;
  return Object.fromEntries(
    Object.entries(value).map(([language, text]) => [language.toLowerCase(), text]),
  );
}

function readRateLimits(raw: ConfigFile['rate_limits']): RateLimitConfig {
  return {
    startPerIpPerHour: raw.start_per_ip_per_hour,
    failedVerificationsPerIpEmail: raw.failed_verifications_per_ip_email,
    lockoutS: raw.lockout_s,
    failedVerificationsPerEmail: raw.failed_verifications_per_email,
    failedVerificationRefillS: raw.failed_verification_refill_s,
    failedVerificationsPerIpPerHour: raw.failed_verifications_per_ip_per_hour,
  };
}

function readLifetimes(raw: ConfigFile['tokens']): TokenLifetimes {
  return {
    accessTokenS: raw.access_token_lifetime_s,
    idTokenS: raw.id_token_lifetime_s,
    loginTicketS: raw.login_ticket_lifetime_s,
    authorizationCodeS: raw.authorization_code_lifetime_s,
    refreshToken: {
      absoluteS: raw.refresh_token.absolute_lifetime_s,
      idleS: raw.refresh_token.idle_lifetime_s,
      reuseIntervalS: raw.refresh_token.reuse_interval_s,
    },
  };
}

function readApi(raw: FileApi, lifetimes: TokenLifetimes): ApiConfig {
  return {
    identifier: raw.identifier,
    name: raw.name ?? raw.identifier,
    accessTokenLifetimeS: raw.access_token_lifetime_s ?? lifetimes.accessTokenS,
    scopes: [...raw.scopes],
  };
}

function readSmtp(raw: ConfigFile['smtp']): SmtpConfig | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string') return { url: raw };
  const smtp: SmtpConfig = {
    host: raw.host,
    port: raw.port ?? (raw.secure ? DEFAULTS.smtp.secure_port : DEFAULTS.smtp.port),
    secure: raw.secure,
  };
  if (raw.user !== undefined) smtp.user = raw.user;
  if (raw.pass !== undefined) smtp.pass = raw.pass;
  return smtp;
}
