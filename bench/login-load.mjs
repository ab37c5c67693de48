// The load of the server bench: autocannon on one node or several at once, the login requests it
// sends, and the codes the token runs spend (read from the dev inbox).
import autocannon from 'autocannon';
import { OTP_GRANT } from './our-server.mjs';

const JSON_HEADERS = { 'content-type': 'application/json' };
/**
 * autocannon ends a run only at its next sample tick, also when a run with `amount` has sent
 * everything; with the default 1 s ticks a token run of 1.1 s counted as 2 s. 100 ms ticks keep
 * that error under 0.1 s (req/s here is total over elapsed time, never per-tick averages).
 */
const AUTOCANNON_OPTIONS = { pipelining: 1, sampleInt: 100 };

/** Runs autocannon and keeps the figures the report needs. */
export async function cannon(options) {
  return figures(await autocannon({ ...AUTOCANNON_OPTIONS, ...options }));
}

/**
 * Loads several nodes at once, one autocannon per node, started together: `connections` split
 * evenly (the first nodes take any remainder), latencies merged into one histogram (so p50 and
 * p99 are over every request), req/s all requests over the longest of the runs.
 * @param {string[]} urls one per node
 * @param {(node: number) => object} optionsFor autocannon options for a node, without url and connections
 */
export async function cannonAcross(urls, connections, optionsFor) {
  const share = (node) =>
    Math.floor(connections / urls.length) + (node < connections % urls.length ? 1 : 0);
  const runs = await Promise.all(
    urls.map((url, node) =>
      autocannon({
        ...AUTOCANNON_OPTIONS,
        ...optionsFor(node),
        url,
        connections: share(node),
        skipAggregateResult: true,
      }),
    ),
  );
  const merged = autocannon.aggregateResult(runs, { url: urls[0], connections });
  merged.duration = Math.max(...runs.map((run) => run.duration));
  return {
    ...figures(merged),
    nodes: runs.map((run, node) => ({
      connections: share(node),
      requests: run.totalCompletedRequests,
      rps: Math.round(run.totalCompletedRequests / Math.max(run.duration, 0.001)),
    })),
  };
}

function figures(result) {
  return {
    // Total over elapsed time: per-second averages are coarse for runs of a few seconds.
    rps: Math.round(result.requests.total / Math.max(result.duration, 0.001)),
    requests: result.requests.total,
    latencyMs: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      mean: result.latency.average,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    accepted: result['2xx'],
    errors: result.errors + result.timeouts,
    durationS: Math.round(result.duration * 10) / 10,
  };
}

/**
 * `POST /passwordless/start`, each request for a new address `<prefix><n>@bench.test`; `emails`
 * lists the addresses in the order they were sent, `accepted` those answered 200 (a request
 * still in flight when a run ends is sent but never answered).
 */
export function startLogins(prefix) {
  const emails = [];
  const accepted = [];
  const request = {
    method: 'POST',
    path: '/passwordless/start',
    headers: JSON_HEADERS,
    setupRequest: (req) => {
      const email = `${prefix}${emails.length}@bench.test`;
      emails.push(email);
      return { ...req, body: startBody(email) };
    },
    onResponse: (status, body) => {
      if (status === 200) accepted.push(JSON.parse(body).email);
    },
  };
  return { emails, accepted, request };
}

/** `POST /oauth/token` with the OTP grant, one request per code of `issued`, in order. */
export function tokenRequest(issued) {
  let next = 0;
  return {
    method: 'POST',
    path: '/oauth/token',
    headers: JSON_HEADERS,
    setupRequest: (req) => {
      const { email, code } = issued[next++ % issued.length];
      return {
        ...req,
        body: otpGrantBody(email, code, 'openid profile email'),
      };
    },
  };
}

/**
 * `POST /oauth/token` with `grant_type=refresh_token`, as clients refresh: each request spends a
 * token of `refreshTokens` (a family each) that no other request holds, and the token its answer
 * rotates in goes back to the pool for a later request. autocannon records an answer before it
 * builds that connection's next request, so with as many families as connections the pool is
 * never empty (its per-connection `context` cannot carry the token: it is reset every request).
 */
export function refreshRequest(refreshTokens) {
  const pool = [...refreshTokens];
  return {
    method: 'POST',
    path: '/oauth/token',
    headers: JSON_HEADERS,
    setupRequest: (req) => {
      const token = pool.shift();
      if (!token) throw new Error('no unspent refresh token: a refresh was refused');
      return {
        ...req,
        body: JSON.stringify({
          grant_type: 'refresh_token',
          client_id: 'bench',
          refresh_token: token,
        }),
      };
    },
    onResponse: (status, body) => {
      if (status === 200) pool.push(JSON.parse(body).refresh_token);
    },
  };
}

/**
 * Logs in `count` new users asking for `offline_access`; resolves with their refresh tokens.
 * `inbox`: where their codes are read (`/dev/inbox.json`), if not the server at `url`.
 */
export async function refreshTokensFor(url, count, { prefix, seconds, inbox = url }) {
  const issued = await issueCodes(url, count, { prefix, connections: 1, seconds, inbox });
  const tokens = [];
  for (const { email, code } of issued) {
    const response = await fetch(`${url}/oauth/token`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: otpGrantBody(email, code, 'openid profile email offline_access'),
    });
    const { refresh_token: token } = await response.json();
    if (!token) throw new Error(`no refresh token for ${email}: ${response.status}`);
    tokens.push(token);
  }
  return tokens;
}

const startBody = (email) =>
  JSON.stringify({ client_id: 'bench', connection: 'email', email, send: 'code' });

/** How long a code is waited for in the inbox after its start was answered. */
const MAIL_WAIT_MS = 5_000;

/**
 * `count` codes for a token run: those mailed to the newest of `emails`, read from the dev inbox
 * of the server at `url` (or the mail sink at `inbox`), topped up with new logins
 * `<prefix><n>@bench.test` (for at most `seconds` more) when there are too few.
 */
export async function codesFor(url, emails, { count, prefix, connections, seconds, inbox = url }) {
  const issued = await readCodes(inbox, emails.slice(-count), connections);
  if (issued.length < count) {
    issued.push(
      ...(await issueCodes(url, count - issued.length, { prefix, connections, seconds, inbox })),
    );
  }
  return issued;
}

/** The newest code mailed to each address (addresses without mail are skipped). */
async function readCodes(url, emails, concurrency) {
  const issued = [];
  const queue = [...emails];
  const worker = async () => {
    for (let email = queue.shift(); email; email = queue.shift()) {
      const code = await codeFor(url, email);
      if (code) issued.push({ email, code });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return issued;
}

/**
 * Starts up to `count` new logins, for at most `seconds`, and reads their codes from `inbox`,
 * waiting for each mail: start answers once it is queued, before SMTP has it.
 */
async function issueCodes(url, count, { prefix, connections, seconds, inbox }) {
  const issued = [];
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const worker = async () => {
    while (n < count && performance.now() < end) {
      const email = `${prefix}${n++}@bench.test`;
      const started = await fetch(`${url}/passwordless/start`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: startBody(email),
      });
      if (!started.ok) throw new Error(`start for ${email}: ${started.status}`);
      const code = await codeFor(inbox, email, MAIL_WAIT_MS);
      if (!code) throw new Error(`no code in the mail to ${email}`);
      issued.push({ email, code });
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return issued;
}

/**
 * A new code for each login of `issued`, whose users exist by now: the codes of returning
 * logins. Each address's newest mail is read before its start and the inbox polled until a newer
 * one is there, so the answer to start need not wait for the mail.
 */
export async function returningCodes(url, issued, { connections, inbox = url }) {
  const codes = [];
  const queue = issued.map(({ email }) => email);
  const worker = async () => {
    for (let email = queue.shift(); email; email = queue.shift()) {
      const before = await newestMail(inbox, email);
      const started = await fetch(`${url}/passwordless/start`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: startBody(email),
      });
      if (!started.ok) throw new Error(`start for ${email}: ${started.status}`);
      const deadline = performance.now() + MAIL_WAIT_MS;
      let mail = await newestMail(inbox, email);
      while (sameMail(mail, before) && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        mail = await newestMail(inbox, email);
      }
      const code = sameMail(mail, before) ? null : codeIn(mail);
      if (!code) throw new Error(`no new code in the mail to ${email}`);
      codes.push({ email, code });
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return codes;
}

const sameMail = (a, b) => a?.text === b?.text && a?.date === b?.date;
const codeIn = (mail) => /\b(\d{6})\b/.exec(mail?.text ?? '')?.[1] ?? null;

async function newestMail(url, email) {
  const inbox = await fetch(`${url}/dev/inbox.json?to=${encodeURIComponent(email)}`);
  const { messages } = await inbox.json();
  return messages?.[0];
}

/** The code in the newest mail to `email` in the inbox at `url`, waiting up to `waitMs` for one. */
async function codeFor(url, email, waitMs = 0) {
  const end = performance.now() + waitMs;
  for (;;) {
    const code = codeIn(await newestMail(url, email));
    if (code || performance.now() >= end) return code;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The passwordless OTP grant's JSON body for the bench client. */
function otpGrantBody(email, code, scope) {
  return JSON.stringify({
    grant_type: OTP_GRANT,
    client_id: 'bench',
    username: email,
    otp: code,
    realm: 'email',
    scope,
  });
}
