import path from 'node:path';
import {
  allowKeys,
  asArray,
  asObject,
  asString,
  ConfigError,
  readInt,
  readIssuer,
  readLanguage,
  readLocalized,
  readOrigin,
  readScope,
  readTrustProxy,
  readUrl,
} from './config-readers.js';

export { ConfigError } from './config-readers.js';

/** The OAuth grant that exchanges an emailed one-time code for tokens (Auth0's name for it). */
export const OTP_GRANT = 'http://auth0.com/oauth/grant-type/passwordless/otp';

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

/** Liquid templates of the verification email. `html`/`text` fall back to the built-in ones. */
export interface EmailTemplateConfig {
  from: string;
  subject: LocalizedText;
  html?: LocalizedText;
  text?: LocalizedText;
}

export interface EmailConnectionConfig {
  name: string;
  otp: OtpConfig;
  email: EmailTemplateConfig;
}

/** Where mail goes without `--dev`: an SMTP URL or nodemailer-style host options. */
export type SmtpConfig =
  { url: string } | { host: string; port: number; secure: boolean; user?: string; pass?: string };

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
  rateLimits: RateLimitConfig;
  apis: ApiConfig[];
  lifetimes: TokenLifetimes;
  /**
   * The reverse proxies whose `X-Forwarded-For` names the client (addresses and CIDR ranges),
   * or `false`: then every request's IP is the socket's peer, whatever headers it sends.
   */
  trustProxy: false | string[];
}

/** What the command line and environment contribute on top of the file. */
export interface RuntimeOptions {
  dev: boolean;
  port: number;
  dataDir: string;
  /** `SMTP_URL`; wins over the file's `smtp`. */
  smtpUrl?: string;
}

/** Every grant the server implements; a client without `grant_types` may use them all. */
export const SUPPORTED_GRANTS: readonly string[] = [OTP_GRANT, 'authorization_code', 'implicit'];

const DEMO_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];
/** The demo's pages; magic links and redirects come back to the page that started them. */
const DEMO_PAGES = [
  '/',
  '/index.html',
  '/csp.html',
  '/custom-ui.html',
  '/inline.html',
  '/js-api.html',
  '/magic-link.html',
];
const DEMO_URLS = DEMO_ORIGINS.flatMap((origin) => DEMO_PAGES.map((page) => origin + page));

export const DEMO_CLIENT: ClientConfig = {
  clientId: 'demo',
  name: 'Passwordless Demo',
  allowedOrigins: DEMO_ORIGINS,
  webOrigins: DEMO_ORIGINS,
  callbacks: DEMO_URLS,
  grantTypes: [...SUPPORTED_GRANTS],
  logoutUrls: DEMO_URLS,
};

const DEFAULT_SUBJECT =
  '{% if send == "link" %}Sign in to {{ application.name }}{% else %}Your {{ application.name }} verification code{% endif %}';

/**
 * Checks a parsed config file (or `undefined` when there is none) and merges it with the
 * command-line options into a {@link ServerConfig}.
 * @throws ConfigError naming the first offending key.
 */
export function resolveConfig(file: unknown, runtime: RuntimeOptions): ServerConfig {
  const root = file === undefined ? {} : asObject(file, 'config');

  // Each part is checked on its own, so one start reports every problem, one line each.
  const problems: string[] = [];
  const check = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return fallback;
    }
  };

  check(
    () =>
      allowKeys(root, 'config', [
        'issuer',
        'default_language',
        'clients',
        'connections',
        'smtp',
        'rate_limits',
        'apis',
        'tokens',
        'trust_proxy',
      ]),
    undefined,
  );

  const clients =
    root.clients === undefined
      ? []
      : check(() => asArray(root.clients, 'clients'), []).flatMap((raw, i) =>
          check(() => [readClient(raw, i)], []),
        );
  if (clients.length === 0 && problems.length === 0) {
    if (!runtime.dev) problems.push('clients: at least one client is required');
    else clients.push(DEMO_CLIENT);
  }
  const ids = new Set<string>();
  for (const client of clients) {
    if (ids.has(client.clientId)) {
      problems.push(`clients: client_id "${client.clientId}" is listed twice`);
    }
    ids.add(client.clientId);
  }

  const issuer =
    root.issuer === undefined
      ? `http://localhost:${runtime.port}/`
      : check(() => readIssuer(asString(root.issuer, 'issuer')), '');

  const fileSmtp =
    root.smtp === undefined ? undefined : check(() => readSmtp(root.smtp, 'smtp'), undefined);
  const smtp = runtime.smtpUrl
    ? check(() => readSmtp(runtime.smtpUrl, 'SMTP_URL'), undefined)
    : fileSmtp;
  if (!runtime.dev && !runtime.smtpUrl && root.smtp === undefined) {
    problems.push('no mail transport: set SMTP_URL or "smtp" in the config, or use --dev');
  }

  const lifetimes = check(() => readLifetimes(root.tokens), readLifetimes(undefined));
  const config: ServerConfig = {
    issuer,
    dev: runtime.dev,
    dataDir: path.resolve(runtime.dataDir),
    defaultLanguage: check(
      () => readLanguage(root.default_language ?? 'en', 'default_language'),
      'en',
    ),
    clients,
    connections: {
      email: check(() => readEmailConnection(root.connections), readEmailConnection(undefined)),
    },
    rateLimits: check(() => readRateLimits(root.rate_limits), readRateLimits(undefined)),
    lifetimes,
    apis:
      root.apis === undefined
        ? []
        : check(() => asArray(root.apis, 'apis'), []).flatMap((api, i) =>
            check(() => [readApi(api, i, lifetimes)], []),
          ),
    trustProxy: check(() => readTrustProxy(root.trust_proxy), false),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  if (smtp) config.smtp = smtp;
  return config;
}

function readClient(value: unknown, index: number): ClientConfig {
  const at = `clients[${index}]`;
  const raw = asObject(value, at);
  allowKeys(raw, at, [
    'client_id',
    'name',
    'allowed_origins',
    'web_origins',
    'callbacks',
    'grant_types',
    'logout_urls',
  ]);
  const clientId = asString(raw.client_id, `${at}.client_id`);
  if (!/^[\w.-]{1,128}$/.test(clientId)) {
    throw new ConfigError(`${at}.client_id: use letters, digits, ".", "_" or "-" (1-128)`);
  }
  const origins = (key: string) =>
    raw[key] === undefined
      ? []
      : asArray(raw[key], `${at}.${key}`).map((v, i) => readOrigin(v, `${at}.${key}[${i}]`));
  const urls = (key: string) =>
    raw[key] === undefined
      ? []
      : asArray(raw[key], `${at}.${key}`).map((v, i) => readUrl(v, `${at}.${key}[${i}]`));
  return {
    clientId,
    name: raw.name === undefined ? clientId : asString(raw.name, `${at}.name`),
    allowedOrigins: origins('allowed_origins'),
    webOrigins: origins('web_origins'),
    callbacks: urls('callbacks'),
    grantTypes:
      raw.grant_types === undefined
        ? [...SUPPORTED_GRANTS]
        : asArray(raw.grant_types, `${at}.grant_types`).map((v, i) =>
            asString(v, `${at}.grant_types[${i}]`),
          ),
    logoutUrls: urls('logout_urls'),
  };
}

function readEmailConnection(value: unknown): EmailConnectionConfig {
  const connections = value === undefined ? {} : asObject(value, 'connections');
  allowKeys(connections, 'connections', ['email']);
  const raw =
    connections.email === undefined ? {} : asObject(connections.email, 'connections.email');
  allowKeys(raw, 'connections.email', ['name', 'otp', 'email']);

  const otpRaw = raw.otp === undefined ? {} : asObject(raw.otp, 'connections.email.otp');
  allowKeys(otpRaw, 'connections.email.otp', [
    'length',
    'lifetime_s',
    'max_attempts',
    'resend_after_s',
  ]);
  const at = (key: string) => `connections.email.otp.${key}`;
  const otp: OtpConfig = {
    length: readInt(otpRaw.length, at('length'), 6, 4, 10),
    lifetimeS: readInt(otpRaw.lifetime_s, at('lifetime_s'), 180, 1, 86_400),
    maxAttempts: readInt(otpRaw.max_attempts, at('max_attempts'), 3, 1, 100),
    resendAfterS: readInt(otpRaw.resend_after_s, at('resend_after_s'), 30, 0, 86_400),
  };

  const mailRaw = raw.email === undefined ? {} : asObject(raw.email, 'connections.email.email');
  allowKeys(mailRaw, 'connections.email.email', ['from', 'subject', 'body', 'text']);
  const email: EmailTemplateConfig = {
    from:
      mailRaw.from === undefined
        ? '{{ application.name }} <no-reply@localhost>'
        : asString(mailRaw.from, 'connections.email.email.from'),
    subject:
      mailRaw.subject === undefined
        ? DEFAULT_SUBJECT
        : readLocalized(mailRaw.subject, 'connections.email.email.subject'),
  };
  if (mailRaw.body !== undefined) {
    email.html = readLocalized(mailRaw.body, 'connections.email.email.body');
  }
  if (mailRaw.text !== undefined) {
    email.text = readLocalized(mailRaw.text, 'connections.email.email.text');
  }
  return {
    name: raw.name === undefined ? 'email' : asString(raw.name, 'connections.email.name'),
    otp,
    email,
  };
}

function readRateLimits(value: unknown): RateLimitConfig {
  const raw = value === undefined ? {} : asObject(value, 'rate_limits');
  // key, default, and the largest value accepted (the smallest is 1).
  const table = {
    start_per_ip_per_hour: [50, 1_000_000],
    failed_verifications_per_ip_email: [10, 1_000_000],
    lockout_s: [900, 86_400 * 30],
    failed_verifications_per_email: [4, 1_000_000],
    failed_verification_refill_s: [900, 86_400],
    failed_verifications_per_ip_per_hour: [100, 1_000_000],
  } as const;
  allowKeys(raw, 'rate_limits', Object.keys(table));
  const read = (key: keyof typeof table) =>
    readInt(raw[key], `rate_limits.${key}`, table[key][0], 1, table[key][1]);
  return {
    startPerIpPerHour: read('start_per_ip_per_hour'),
    failedVerificationsPerIpEmail: read('failed_verifications_per_ip_email'),
    lockoutS: read('lockout_s'),
    failedVerificationsPerEmail: read('failed_verifications_per_email'),
    failedVerificationRefillS: read('failed_verification_refill_s'),
    failedVerificationsPerIpPerHour: read('failed_verifications_per_ip_per_hour'),
  };
}

function readLifetimes(value: unknown): TokenLifetimes {
  const raw = value === undefined ? {} : asObject(value, 'tokens');
  const keys = [
    'access_token_lifetime_s',
    'id_token_lifetime_s',
    'login_ticket_lifetime_s',
    'authorization_code_lifetime_s',
  ];
  allowKeys(raw, 'tokens', keys);
  const read = (key: string, fallback: number, max: number) =>
    readInt(raw[key], `tokens.${key}`, fallback, 1, max);
  return {
    accessTokenS: read('access_token_lifetime_s', 86_400, 86_400 * 30),
    idTokenS: read('id_token_lifetime_s', 36_000, 86_400 * 30),
    loginTicketS: read('login_ticket_lifetime_s', 60, 600),
    authorizationCodeS: read('authorization_code_lifetime_s', 60, 600),
  };
}

function readApi(value: unknown, index: number, lifetimes: TokenLifetimes): ApiConfig {
  const at = `apis[${index}]`;
  const raw = asObject(value, at);
  allowKeys(raw, at, ['identifier', 'name', 'access_token_lifetime_s', 'scopes']);
  const identifier = asString(raw.identifier, `${at}.identifier`);
  return {
    identifier,
    name: raw.name === undefined ? identifier : asString(raw.name, `${at}.name`),
    accessTokenLifetimeS: readInt(
      raw.access_token_lifetime_s,
      `${at}.access_token_lifetime_s`,
      lifetimes.accessTokenS,
      1,
      86_400 * 30,
    ),
    scopes:
      raw.scopes === undefined
        ? []
        : asArray(raw.scopes, `${at}.scopes`).map((v, i) => readScope(v, `${at}.scopes[${i}]`)),
  };
}

function readSmtp(value: unknown, at: string): SmtpConfig {
  if (typeof value === 'string') {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError(`${at}: not a URL (expected smtp://user:pass@host:587)`);
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
      throw new ConfigError(`${at}: the URL must start with smtp:// or smtps://`);
    }
    return { url: value };
  }
  const raw = asObject(value, at);
  allowKeys(raw, at, ['host', 'port', 'secure', 'user', 'pass']);
  const secure = raw.secure === undefined ? false : raw.secure;
  if (typeof secure !== 'boolean') throw new ConfigError(`${at}.secure: must be true or false`);
  const smtp: SmtpConfig = {
    host: asString(raw.host, `${at}.host`),
    port: readInt(raw.port, `${at}.port`, secure ? 465 : 587, 1, 65_535),
    secure,
  };
  if (raw.user !== undefined) smtp.user = asString(raw.user, `${at}.user`);
  if (raw.pass !== undefined) smtp.pass = asString(raw.pass, `${at}.pass`);
  return smtp;
}
