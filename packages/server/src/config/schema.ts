import { SUPPORTED_GRANTS } from '../grants/index.js';
import { DEFAULTS } from './defaults.js';

// The config file's JSON Schema, checked once at start (problems.ts turns what Ajv finds into
// one line per problem). `messages` says, per failing keyword, what the generic text would not.

const text = { type: 'string', minLength: 1 } as const;
const int = (minimum: number, maximum: number) => ({ type: 'integer', minimum, maximum }) as const;
const withDefault = <const S extends object, const D>(schema: S, value: D) => ({
  ...schema,
  default: value,
});
const list = <const S extends object>(items: S) => ({ type: 'array', items }) as const;
const formatted = <const F extends string>(format: F) => ({ ...text, format }) as const;

/** One string for every language, or `{ "en": "...", "fr": "..." }`. */
const localized = {
  type: ['string', 'object'],
  minProperties: 1,
  propertyNames: formatted('language'),
  additionalProperties: text,
  messages: { minProperties: 'needs at least one language' },
} as const;

/** An object of the file whose absence means all of its defaults. */
const section = <const P extends Record<string, object>>(properties: P) =>
  ({ type: 'object', additionalProperties: false, default: {}, properties }) as const;

const otp = DEFAULTS.connections.email.otp;
const mail = DEFAULTS.connections.email.email;
const limits = DEFAULTS.rate_limits;
const tokens = DEFAULTS.tokens;
const client = DEFAULTS['clients[]'];
const refresh = DEFAULTS.tokens.refresh_token;
const MONTH_S = 86_400 * 30;
const YEAR_S = 86_400 * 365;
const ROTATION_EXPECTED = 'must be false or a positive number of days (at most 3650)';
const PROXIES_EXPECTED =
  'must be false or a list of proxy addresses like ["10.0.0.1", "10.1.0.0/16"]';
const MANY = 1_000_000;
const METRICS_PORT_EXPECTED = 'must be false (off) or a port number from 0 to 65535';
/** pino's levels; `silent` logs nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    issuer: formatted('issuer'),
    default_language: withDefault(formatted('language'), DEFAULTS.default_language),
    clients: list({
      type: 'object',
      additionalProperties: false,
      required: ['client_id'],
      properties: {
        client_id: formatted('client-id'),
        name: text,
        allowed_origins: withDefault(list(formatted('origin')), client.allowed_origins),
        web_origins: withDefault(list(formatted('origin')), client.web_origins),
        callbacks: withDefault(list(formatted('http-url')), client.callbacks),
        grant_types: withDefault(
          list({ type: 'string', enum: SUPPORTED_GRANTS }),
          SUPPORTED_GRANTS,
        ),
        logout_urls: withDefault(list(formatted('http-url')), client.logout_urls),
      },
    }),
    smtp: {
      type: ['string', 'object'],
      format: 'smtp-url',
      additionalProperties: false,
      required: ['host'],
      properties: {
        host: text,
        port: int(1, 65_535),
        secure: withDefault({ type: 'boolean' }, DEFAULTS.smtp.secure),
        user: text,
        pass: text,
      },
    },
    outbox: section({
      concurrent_sends: withDefault(int(1, 100), DEFAULTS.outbox.concurrent_sends),
      max_queued: withDefault(int(1, MANY), DEFAULTS.outbox.max_queued),
    }),
    tokens: section({
      access_token_lifetime_s: withDefault(int(1, MONTH_S), tokens.access_token_lifetime_s),
      id_token_lifetime_s: withDefault(int(1, MONTH_S), tokens.id_token_lifetime_s),
      login_ticket_lifetime_s: withDefault(int(1, 600), tokens.login_ticket_lifetime_s),
      authorization_code_lifetime_s: withDefault(int(1, 600), tokens.authorization_code_lifetime_s),
      refresh_token: section({
        absolute_lifetime_s: withDefault(int(1, YEAR_S), refresh.absolute_lifetime_s),
        idle_lifetime_s: withDefault(int(1, YEAR_S), refresh.idle_lifetime_s),
        reuse_interval_s: withDefault(int(0, 300), refresh.reuse_interval_s),
      }),
    }),
    connections: section({
      email: section({
        name: withDefault(text, DEFAULTS.connections.email.name),
        otp: section({
          length: withDefault(int(4, 10), otp.length),
          lifetime_s: withDefault(int(1, 86_400), otp.lifetime_s),
          max_attempts: withDefault(int(1, 100), otp.max_attempts),
          resend_after_s: withDefault(int(0, 86_400), otp.resend_after_s),
        }),
        link: section({
          confirm: withDefault(
            { type: 'string', enum: ['click', 'auto'] },
            DEFAULTS.connections.email.link.confirm,
          ),
          include_code: withDefault(
            { type: 'boolean' },
            DEFAULTS.connections.email.link.include_code,
          ),
        }),
        email: section({
          from: withDefault(text, mail.from),
          subject: localized,
          body: localized,
          text: localized,
        }),
      }),
    }),
    rate_limits: section({
      start_per_ip_per_hour: withDefault(int(1, MANY), limits.start_per_ip_per_hour),
      failed_verifications_per_ip_email: withDefault(
        int(1, MANY),
        limits.failed_verifications_per_ip_email,
      ),
      lockout_s: withDefault(int(1, MONTH_S), limits.lockout_s),
      failed_verifications_per_email: withDefault(
        int(1, MANY),
        limits.failed_verifications_per_email,
      ),
      failed_verification_refill_s: withDefault(
        int(1, 86_400),
        limits.failed_verification_refill_s,
      ),
      failed_verifications_per_ip_per_hour: withDefault(
        int(1, MANY),
        limits.failed_verifications_per_ip_per_hour,
      ),
    }),
    apis: list({
      type: 'object',
      additionalProperties: false,
      required: ['identifier'],
      properties: {
        identifier: text,
        name: text,
        // No default here: it is `tokens.access_token_lifetime_s`, whatever that is set to.
        access_token_lifetime_s: int(1, MONTH_S),
        scopes: withDefault(list(formatted('scope')), DEFAULTS['apis[]'].scopes),
      },
    }),
    database: withDefault(formatted('database'), DEFAULTS.database),
    /** `true` is refused: it would let any client pick its IP, and with it its own rate limits. */
    trust_proxy: {
      type: ['boolean', 'array'],
      not: { const: true },
      items: formatted('proxy-address'),
      default: DEFAULTS.trust_proxy,
      messages: { type: PROXIES_EXPECTED, not: PROXIES_EXPECTED },
    },
    metrics: section({
      port: {
        type: ['boolean', 'integer'],
        not: { const: true },
        minimum: 0,
        maximum: 65_535,
        default: DEFAULTS.metrics.port,
        messages: { type: METRICS_PORT_EXPECTED, not: METRICS_PORT_EXPECTED },
      },
      host: withDefault(text, DEFAULTS.metrics.host),
    }),
    log: section({
      level: withDefault({ type: 'string', enum: LOG_LEVELS }, DEFAULTS.log.level),
    }),
    keys: section({
      rotate_every_days: {
        type: ['boolean', 'number'],
        not: { const: true },
        exclusiveMinimum: 0,
        maximum: 3650,
        default: DEFAULTS.keys.rotate_every_days,
        messages: {
          type: ROTATION_EXPECTED,
          not: ROTATION_EXPECTED,
          exclusiveMinimum: ROTATION_EXPECTED,
          maximum: ROTATION_EXPECTED,
        },
      },
    }),
    lock: section({
      country_code: {
        type: 'string',
        pattern: '^[A-Z]{2}$',
        default: DEFAULTS.lock.country_code,
        messages: { pattern: 'must be an ISO 3166-1 alpha-2 code like "US"' },
      },
    }),
  },
} as const;
