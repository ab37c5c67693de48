/**
 * Every default of the config file, in the file's own shape: what a key is worth when the file
 * leaves it out (oidc-provider's `lib/helpers/defaults.js`). The schema takes its `default`s
 * from here, and the README's example must agree with it (test/config-readme.test.ts).
 * Durations are seconds; the ranges a value may take are in the schema (schema.ts).
 *
 * Defaults that depend on something else are said where they apply:
 * - `issuer`: `http://localhost:<port>/`, with the port really listened on.
 * - `clients`: none, which is an error without `--dev`; with it, the demo tenant (demo-tenant.ts).
 * - `clients[].name`: its `client_id`; `apis[].name`: its `identifier`.
 * - `clients[].grant_types`: every grant the server supports (grants/index.ts).
 * - `apis[].access_token_lifetime_s`: `tokens.access_token_lifetime_s`.
 * - `smtp`: none, which is an error without `--dev` or `SMTP_URL`.
 */
const ACCESS_TOKEN_LIFETIME_S = 86_400;

export const DEFAULTS = {
  /** Mail is written in this language when the request asks for none the templates have. */
  default_language: 'en',
  /** Each of `clients[]`: the browser origins and URLs it may use (none unless listed). */
  'clients[]': {
    allowed_origins: [],
    web_origins: [],
    callbacks: [],
    logout_urls: [],
  },
  /** Each of `apis[]`: the scopes it grants beyond OpenID Connect's own (none unless listed). */
  'apis[]': {
    /** Whatever `tokens.access_token_lifetime_s` is set to. */
    access_token_lifetime_s: ACCESS_TOKEN_LIFETIME_S,
    scopes: [],
  },
  connections: {
    email: {
      /** What `connection` (start) and `realm` (token, co/authenticate) must say. */
      name: 'email',
      otp: {
        /** Digits of a code. */
        length: 6,
        /** How long a code works. */
        lifetime_s: 180,
        /** Wrong tries that kill a code (fewer while the email's guess budget is low). */
        max_attempts: 3,
        /** How long an email waits before it is mailed another code. */
        resend_after_s: 30,
      },
      link: {
        /**
         * How a magic link's confirm page finishes (mail scanners open links, so a GET never
         * spends one): `click`, on the person's button press; `auto`, the page submits itself.
         */
        confirm: 'click',
        /** Link mails also show the code, so a link opened on a phone can log in the laptop. */
        include_code: true,
      },
      /**
       * Liquid templates; `subject`, `body` (HTML) and `text` default to the built-in mail in the
       * request's language (mail/built-in-email.ts, words in src/locales).
       */
      email: {
        from: '{{ application.name }} <no-reply@localhost>',
      },
    },
  },
  /** The object form of `smtp`. */
  smtp: {
    secure: false,
    port: 587,
    /** Not a key: the `port` when `secure` is true. */
    secure_port: 465,
  },
  /** The mail queue between `/passwordless/start` and SMTP (mail/outbox.ts). */
  outbox: {
    /** SMTP sends in flight at once per node (and the pooled SMTP connections that carry them). */
    concurrent_sends: 5,
    /**
     * Unsent mails (all nodes') above which start answers 503 instead of queueing more: about a
     * minute of a slow relay's work, so a queued code still arrives well before it expires.
     */
    max_queued: 1000,
  },
  rate_limits: {
    /** Mailed codes per address in a sliding hour. */
    start_per_ip_per_hour: 50,
    /** Failures in a row from one address for one email before it is locked out… */
    failed_verifications_per_ip_email: 10,
    /** …for this long. */
    lockout_s: 900,
    /** The email's guess budget: wrong codes it takes at once, across every address and client… */
    failed_verifications_per_email: 4,
    /** …gaining one back every this many seconds (and full again after a login). */
    failed_verification_refill_s: 900,
    /** Wrong codes one address (IPv6: one /64) may try in an hour, across every email. */
    failed_verifications_per_ip_per_hour: 100,
  },
  tokens: {
    access_token_lifetime_s: ACCESS_TOKEN_LIFETIME_S,
    id_token_lifetime_s: 36_000,
    /** A /co/authenticate ticket, redeemed at /authorize right after. */
    login_ticket_lifetime_s: 60,
    authorization_code_lifetime_s: 60,
    /** Refresh tokens, issued for `offline_access` to clients allowing the grant (DESIGN §7). */
    refresh_token: {
      /** A family (every token rotated from one login) dies this long after the login: 30 days… */
      absolute_lifetime_s: 2_592_000,
      /** …and each token this long after it was issued unless used first: 15 days. */
      idle_lifetime_s: 1_296_000,
      /** How long a spent token still rotates (a retry, a racing tab); 0: any reuse revokes. */
      reuse_interval_s: 0,
    },
  },
  /** `<data dir>/passwordless.sqlite`; or a `postgres://` URL (env `DATABASE_URL` wins). */
  database: 'sqlite',
  /** No proxy is believed: every request's address is the socket's peer. */
  trust_proxy: false,
  /** Prometheus text at `GET /metrics` on a listener of its own, never on the public port. */
  metrics: {
    /** Off; a port number turns the listener on (0: any free port, logged at start). */
    port: false,
    /** Loopback only, unless an address is chosen: metrics are for the operator. */
    host: '127.0.0.1',
  },
  log: {
    /** One JSON line per event on stdout at this level or above (pino's levels). */
    level: 'info',
  },
  keys: {
    /**
     * Days a signing key signs before a node adds a new one (any positive number); `false`: keys
     * change only with `--rotate-keys`.
     */
    rotate_every_days: false,
  },
  /** What unmodified Auth0 Lock asks of the server besides the API (routes/lock.ts). */
  lock: {
    /** `GET /user/geoloc/country` names it; the server locates no one by IP address. */
    country_code: 'US',
  },
} as const;
