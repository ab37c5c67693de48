// The login flow without a browser: every step, every error, the deadlines on a fake clock, and
// answers that come back too late. The client's functions are fakes that answer when told to.
import {
  NetworkError,
  ServerError,
  TimeoutError,
  TokenValidationError,
  type passwordlessLogin,
  type passwordlessStart,
  type PasswordlessLoginResult,
  type PasswordlessStartResult,
} from '@passwordless-lock/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LoginFlowController,
  type LoginFlowOptions,
  type LoginSettings,
} from '../src/login/login-flow-controller.js';
import type { ErrorReport, ShownError } from '../src/login/messages.js';

/** A call to a fake client function, answered (or not) by the test. */
interface Call<P, R> {
  domain: string;
  params: P;
  signal: AbortSignal | undefined;
  storage: unknown;
  answer: (value: R) => void;
  refuse: (error: unknown) => void;
}

type StartParams = Parameters<typeof passwordlessStart>[1];
type LoginParams = Parameters<typeof passwordlessLogin>[1];

const tokens: PasswordlessLoginResult = {
  accessToken: 'at-1',
  idToken: 'id-1',
  idTokenPayload: { sub: 'email|1', email: 'ada@example.com' },
  expiresIn: 86400,
  tokenType: 'Bearer',
  scope: 'openid profile email',
};

const started: PasswordlessStartResult = {
  id: 'req_1',
  email: 'ada@example.com',
  expiresIn: 180,
  resendAfter: 30,
  maxAttempts: 3,
};

const wrongCode = () =>
  new ServerError({
    status: 403,
    error: 'invalid_grant',
    error_description: 'Wrong email or verification code.',
  });

/** Everything a test drives and watches. */
function setUp(overrides: Partial<LoginSettings> = {}) {
  const starts: Call<StartParams, PasswordlessStartResult>[] = [];
  const logins: Call<LoginParams, PasswordlessLoginResult>[] = [];
  const controllers: ReactiveController[] = [];
  const host: ReactiveControllerHost = {
    addController: (controller) => controllers.push(controller),
    removeController: () => {},
    requestUpdate: vi.fn(),
    updateComplete: Promise.resolve(true),
  };
  let time = 1_000_000;
  const settings: LoginSettings = {
    domain: 'auth.example.com',
    clientId: 'demo',
    language: 'fr-CA',
    method: 'code',
    auth: {},
    inline: false,
    mustAcceptTerms: false,
    pageUrl: 'https://app.example.com/login',
    storage: undefined,
    ...overrides,
  };
  const record =
    <P, R>(calls: Call<P, R>[]) =>
    (domain: string, params: P, options: { signal?: AbortSignal; storage?: unknown } = {}) =>
      new Promise<R>((answer, refuse) => {
        calls.push({
          domain,
          params,
          signal: options.signal,
          storage: options.storage,
          answer,
          refuse,
        });
      });
  const events = {
    sent: [] as string[],
    authenticated: [] as [unknown, string][],
    errors: [] as [ShownError, ErrorReport | null][],
  };
  const options: LoginFlowOptions = {
    client: {
      passwordlessStart: record(starts) as unknown as typeof passwordlessStart,
      passwordlessLogin: record(logins) as unknown as typeof passwordlessLogin,
    },
    settings: () => settings,
    now: () => time,
    onSent: (step) => void events.sent.push(step),
    onAuthenticated: (result, email) => void events.authenticated.push([result, email]),
    onError: (error, report) => void events.errors.push([error, report]),
  };
  const flow = new LoginFlowController(host, options);
  return {
    flow,
    host,
    controllers,
    settings,
    starts,
    logins,
    events,
    /** Moves the fake clock on by `ms`. */
    tick: (ms: number) => void (time += ms),
    /** Types the email and sends it; resolves once the start answer (`answer`) is handled. */
    async toCodeStep(answer: PasswordlessStartResult = started) {
      flow.setEmail(' ada@example.com ');
      const sending = flow.send();
      starts.at(-1)!.answer(answer);
      await sending;
    },
    /** Types `code` and submits it; resolves once `settle` (an answer or a refusal) is handled. */
    async tryCode(
      code: string,
      settle: (call: Call<LoginParams, PasswordlessLoginResult>) => void,
    ) {
      flow.setCode(code);
      const verifying = flow.verify();
      settle(logins.at(-1)!);
      await verifying;
    },
  };
}

let t: ReturnType<typeof setUp>;

describe('login flow: email step', () => {
  beforeEach(() => (t = setUp()));

  it('starts on the email step with nothing under way', () => {
    expect(t.flow.step).toBe('email');
    expect(t.flow.pending).toBe(null);
    expect(t.flow.error).toBe(null);
    expect(t.flow.codeLength).toBe(6);
    expect(t.controllers).toContain(t.flow);
  });

  it('refuses an empty or invalid email without asking the server', async () => {
    await t.flow.send();
    expect(t.flow.error).toEqual({ key: 'bad_email', field: 'email' });
    t.flow.setEmail('ada@example.com');
    await t.flow.send(false);
    expect(t.flow.error).toEqual({ key: 'bad_email', field: 'email' });
    expect(t.starts).toHaveLength(0);
    expect(t.events.errors.map(([, report]) => report)).toEqual([null, null]);
  });

  it('asks for the terms when they must be accepted, and forgets that error once they are', async () => {
    t.settings.mustAcceptTerms = true;
    t.flow.setEmail('ada@example.com');
    await t.flow.send();
    expect(t.flow.error).toEqual({ key: 'terms_required', field: 'terms' });
    expect(t.starts).toHaveLength(0);
    t.flow.acceptTerms(true);
    expect(t.flow.error).toBe(null);
    expect(t.flow.termsAccepted).toBe(true);
  });

  it('sends the trimmed email in the language in use, pending until the answer, then shows the code step', async () => {
    t.flow.setEmail(' ada@example.com ');
    const sending = t.flow.send();
    expect(t.flow.pending).toBe('sending');
    // A second submit while the first is under way asks nothing more.
    await t.flow.send();
    expect(t.starts).toHaveLength(1);
    const [call] = t.starts;
    expect(call!.domain).toBe('auth.example.com');
    expect(call!.params).toEqual({
      clientId: 'demo',
      email: 'ada@example.com',
      send: 'code',
      language: 'fr-CA',
    });
    expect(call!.signal?.aborted).toBe(false);
    call!.answer(started);
    await sending;
    expect(t.flow.step).toBe('code');
    expect(t.flow.pending).toBe(null);
    expect(t.flow.email).toBe('ada@example.com');
    expect(t.flow.sentAgain).toBe(false);
    expect(t.events.sent).toEqual(['code']);
  });

  it('sends a magic link to the page (or auth.redirectUrl) with the auth params, and shows "check your inbox"', async () => {
    t = setUp({
      method: 'link',
      auth: { params: { scope: 'openid', state: 's1' }, audience: 'https://api' },
      storage: localStorageLike(),
    });
    await t.toCodeStep();
    expect(t.flow.step).toBe('link-sent');
    expect(t.starts[0]!.params).toMatchObject({
      send: 'link',
      redirectUri: 'https://app.example.com/login',
      responseType: 'token id_token',
      authParams: { scope: 'openid', state: 's1', audience: 'https://api' },
    });
    expect(t.starts[0]!.storage).toBe(t.settings.storage);
    expect(t.events.sent).toEqual(['link-sent']);

    t.settings.auth = { redirectUrl: 'https://app.example.com/callback', responseType: 'code' };
    t.flow.changeEmail();
    await t.toCodeStep();
    expect(t.starts[1]!.params).toMatchObject({
      redirectUri: 'https://app.example.com/callback',
      responseType: 'code',
    });
  });
});

describe('login flow: code step', () => {
  beforeEach(() => (t = setUp()));

  it('logs in with the right code: done, with the tokens and the page state', async () => {
    t.settings.auth = { params: { scope: 'openid email', state: 'page-state' }, audience: 'api' };
    await t.toCodeStep();
    await t.tryCode('246810', (call) => {
      expect(t.flow.pending).toBe('checking');
      expect(call.params).toEqual({
        clientId: 'demo',
        email: 'ada@example.com',
        code: '246810',
        scope: 'openid email',
        audience: 'api',
      });
      call.answer(tokens);
    });
    expect(t.flow.step).toBe('done');
    expect(t.flow.code).toBe('');
    expect(t.flow.pending).toBe(null);
    expect(t.events.authenticated).toEqual([
      [{ ...tokens, state: 'page-state' }, 'ada@example.com'],
    ]);
  });

  it('asks for the code when there is none', async () => {
    await t.toCodeStep();
    await t.flow.verify();
    expect(t.flow.error).toEqual({ key: 'code_required', field: 'code' });
    expect(t.logins).toHaveLength(0);
  });

  it('counts the tries left after each wrong code, down to the last one', async () => {
    await t.toCodeStep();
    await t.tryCode('111111', (call) => call.refuse(wrongCode()));
    expect(t.flow.error).toEqual({ key: 'wrong_code', field: 'code', count: 2 });
    await t.tryCode('111112', (call) => call.refuse(wrongCode()));
    expect(t.flow.error).toEqual({ key: 'wrong_code', field: 'code', count: 1 });
    await t.tryCode('111113', (call) => call.refuse(wrongCode()));
    expect(t.flow.error).toEqual({ key: 'attempts_used', field: 'code', count: 0 });
    expect(t.flow.step).toBe('code');
    // Each refusal is the page's authorization_error, with the server's words, as Lock's.
    expect(t.events.errors.map(([, report]) => report)).toEqual(
      Array(3).fill({
        event: {
          name: 'authorization_error',
          detail: {
            error: 'invalid_grant',
            errorDescription: 'Wrong email or verification code.',
          },
        },
        log: false,
      }),
    );
  });

  it('says a wrong code without a count when the server gave no attempt limit', async () => {
    await t.toCodeStep({ id: 'r', email: 'ada@example.com' });
    await t.tryCode('111111', (call) => call.refuse(wrongCode()));
    expect(t.flow.error).toEqual({ key: 'wrong_code', field: 'code' });
  });

  it('says the code expired', async () => {
    await t.toCodeStep();
    await t.tryCode('111111', (call) =>
      call.refuse(
        new ServerError({
          status: 403,
          error: 'invalid_grant',
          error_description: 'The code has expired.',
        }),
      ),
    );
    expect(t.flow.error).toEqual({ key: 'code_expired', field: 'code' });
    expect(t.events.errors[0]![1]?.event?.name).toBe('authorization_error');
  });

  it('says there were too many attempts', async () => {
    await t.toCodeStep();
    await t.tryCode('111111', (call) =>
      call.refuse(
        new ServerError({ status: 429, error: 'too_many_attempts', error_description: 'x' }),
      ),
    );
    expect(t.flow.error).toEqual({ key: 'too_many_attempts', field: 'code' });
  });

  it('submits a complete code by itself, never one the server refused', async () => {
    await t.toCodeStep();
    t.flow.setCode('11111');
    t.flow.submitIfComplete();
    expect(t.logins).toHaveLength(0);
    t.flow.setCode('111111');
    t.flow.submitIfComplete();
    expect(t.logins).toHaveLength(1);
    // While that request is under way, the same code again is not a second request.
    t.flow.submitIfComplete();
    expect(t.logins).toHaveLength(1);
    t.logins[0]!.refuse(wrongCode());
    await vi.waitFor(() => expect(t.flow.pending).toBe(null));
    // Autofill offers the refused code again: it is not sent again.
    t.flow.submitIfComplete();
    expect(t.logins).toHaveLength(1);
  });

  it("sizes the code from the server's code_length, falling back to 6", async () => {
    await t.toCodeStep({ ...started, codeLength: 8 });
    expect(t.flow.codeLength).toBe(8);
    t.flow.setCode('123456');
    t.flow.submitIfComplete();
    expect(t.logins).toHaveLength(0);
    t.flow.setCode('12345678');
    t.flow.submitIfComplete();
    expect(t.logins[0]!.params.code).toBe('12345678');
    t.logins[0]!.refuse(wrongCode());
    await vi.waitFor(() => expect(t.flow.pending).toBe(null));

    t.flow.changeEmail();
    await t.toCodeStep();
    expect(t.flow.codeLength).toBe(6);
  });

  it('sends a new code to the same email, and says so', async () => {
    await t.toCodeStep();
    const again = t.flow.resend();
    expect(t.starts[1]!.params.email).toBe('ada@example.com');
    t.starts[1]!.answer(started);
    await again;
    expect(t.flow.sentAgain).toBe(true);
    expect(t.flow.step).toBe('code');
  });
});

describe('login flow: deadlines on the clock', () => {
  beforeEach(() => (t = setUp()));

  it("counts the code's expiry and the resend cooldown down, and starts them again on resend", async () => {
    await t.toCodeStep();
    expect(t.flow.expiresIn).toBe(180);
    expect(t.flow.resendIn).toBe(30);
    t.tick(10_200);
    expect(t.flow.expiresIn).toBe(170);
    expect(t.flow.resendIn).toBe(20);
    t.tick(20_000);
    expect(t.flow.resendIn).toBe(0);
    const again = t.flow.resend();
    t.starts[1]!.answer({ ...started, resendAfter: 60 });
    await again;
    expect(t.flow.resendIn).toBe(60);
    expect(t.flow.expiresIn).toBe(180);
    t.tick(181_000);
    expect(t.flow.expiresIn).toBe(0);
  });

  it('has no expiry and no cooldown when the server (Auth0) does not say', async () => {
    await t.toCodeStep({ id: 'r', email: 'ada@example.com' });
    expect(t.flow.expiresIn).toBe(null);
    expect(t.flow.resendIn).toBe(0);
  });

  it('says how long to wait when rate limited, and the resend cooldown still counts down', async () => {
    await t.toCodeStep();
    t.tick(30_000);
    const again = t.flow.resend();
    t.starts[1]!.refuse(
      new ServerError({ status: 429, error: 'too_many_requests', retryAfter: 42 }),
    );
    await again;
    expect(t.flow.error).toEqual({ key: 'rate_limited', field: null, count: 42 });
    // The code on screen still works: same step, same deadlines.
    expect(t.flow.step).toBe('code');
    expect(t.flow.expiresIn).toBe(150);
    expect(t.flow.resendIn).toBe(0);
  });

  it('says rate limiting on the email step, to the user only', async () => {
    t.flow.setEmail('ada@example.com');
    const sending = t.flow.send();
    t.starts[0]!.refuse(
      new ServerError({ status: 429, error: 'too_many_requests', retryAfter: 30 }),
    );
    await sending;
    expect(t.flow.step).toBe('email');
    expect(t.flow.error).toEqual({ key: 'rate_limited', field: null, count: 30 });
    expect(t.events.errors).toEqual([[t.flow.error, null]]);
  });
});

describe('login flow: trouble the user cannot fix', () => {
  beforeEach(() => (t = setUp()));

  async function failToStart(error: unknown) {
    t.flow.setEmail('ada@example.com');
    const sending = t.flow.send();
    t.starts[0]!.refuse(error);
    await sending;
    return t.events.errors.at(-1)!;
  }

  it('says the network is down, and the user may try again', async () => {
    const [error, report] = await failToStart(new NetworkError('Failed to fetch'));
    expect(error).toEqual({ key: 'network', field: null });
    expect(report).toBe(null);
    expect(t.flow.pending).toBe(null);
    const again = t.flow.send();
    expect(t.starts).toHaveLength(2);
    t.starts[1]!.answer(started);
    await again;
    expect(t.flow.step).toBe('code');
  });

  it('says the server took too long', async () => {
    const [error] = await failToStart(new TimeoutError(15000));
    expect(error).toEqual({ key: 'timeout', field: null });
  });

  it('logs a server error for the developer', async () => {
    const [error, report] = await failToStart(
      new ServerError({ status: 500, error: 'server_error' }),
    );
    expect(error).toEqual({ key: 'server', field: null });
    expect(report).toEqual({ event: null, log: true });
  });

  it('reports a misconfigured client or a refused origin as unrecoverable', async () => {
    const [, client] = await failToStart(
      new ServerError({ status: 400, error: 'bad.client_id', error_description: 'Unknown client' }),
    );
    expect(client).toEqual({
      event: {
        name: 'unrecoverable_error',
        detail: { error: 'bad.client_id', errorDescription: 'Unknown client' },
      },
      log: true,
    });
    t = setUp();
    const [error, origin] = await failToStart(
      new ServerError({
        status: 403,
        error: 'access_denied',
        error_description: 'Origin x is not allowed.',
      }),
    );
    expect(error.key).toBe('origin_not_allowed');
    expect(origin?.event?.name).toBe('unrecoverable_error');
  });

  it('reports an id_token that fails its checks as unrecoverable', async () => {
    await t.toCodeStep();
    await t.tryCode('246810', (call) =>
      call.refuse(new TokenValidationError('signature', 'bad signature')),
    );
    expect(t.flow.step).toBe('code');
    expect(t.events.authenticated).toEqual([]);
    expect(t.events.errors.at(-1)).toEqual([
      { key: 'invalid_token', field: null },
      {
        event: {
          name: 'unrecoverable_error',
          detail: { error: 'invalid_token', errorDescription: 'bad signature' },
        },
        log: true,
      },
    ]);
  });
});

describe('login flow: answers that come too late', () => {
  beforeEach(() => (t = setUp()));

  it('ignores the answer to a code checked before "Use a different email"', async () => {
    await t.toCodeStep();
    t.flow.setCode('246810');
    const verifying = t.flow.verify();
    const [old] = t.logins;
    t.flow.changeEmail();
    expect(old!.signal?.aborted).toBe(true);
    expect(t.flow.step).toBe('email');
    expect(t.flow.pending).toBe(null);
    expect(t.flow.code).toBe('');
    // The server answers anyway (a fetch that ignored the abort): nothing happens.
    old!.answer(tokens);
    await verifying;
    expect(t.flow.step).toBe('email');
    expect(t.events.authenticated).toEqual([]);
  });

  it('ignores a late refusal too', async () => {
    await t.toCodeStep();
    t.flow.setCode('111111');
    const verifying = t.flow.verify();
    t.flow.changeEmail();
    t.logins[0]!.refuse(wrongCode());
    await verifying;
    expect(t.flow.error).toBe(null);
    expect(t.events.errors).toEqual([]);
  });

  it('takes the new email, not the old one, when both start answers come back', async () => {
    t.flow.setEmail('grace@example.com');
    const first = t.flow.send();
    t.flow.changeEmail();
    t.flow.setEmail('ada@example.com');
    const second = t.flow.send();
    t.starts[1]!.answer({ ...started, resendAfter: 60 });
    await second;
    t.starts[0]!.answer({ ...started, email: 'grace@example.com', resendAfter: 5 });
    await first;
    expect(t.flow.email).toBe('ada@example.com');
    expect(t.flow.resendIn).toBe(60);
    expect(t.events.sent).toEqual(['code']);
  });

  it('aborts the request under way when the element leaves the page', async () => {
    t.flow.setEmail('ada@example.com');
    const sending = t.flow.send();
    t.flow.hostDisconnected();
    expect(t.starts[0]!.signal?.aborted).toBe(true);
    t.starts[0]!.answer(started);
    await sending;
    expect(t.flow.step).toBe('email');
  });
});

describe('login flow: reset', () => {
  beforeEach(() => (t = setUp()));

  async function logIn() {
    await t.toCodeStep();
    await t.tryCode('246810', (call) => call.answer(tokens));
  }

  it('goes back to the email step, keeping the email, with no error, code or cooldown', async () => {
    await t.toCodeStep();
    await t.tryCode('111111', (call) => call.refuse(wrongCode()));
    t.flow.reset();
    expect(t.flow.step).toBe('email');
    expect(t.flow.email).toBe('ada@example.com');
    expect([t.flow.error, t.flow.code, t.flow.sentAgain]).toEqual([null, '', false]);
  });

  it('leaves "You are logged in." for the email step, except inline', async () => {
    await logIn();
    t.flow.reset();
    expect(t.flow.step).toBe('email');
    t = setUp({ inline: true });
    await logIn();
    t.flow.reset();
    expect(t.flow.step).toBe('done');
  });

  it('asks the host to render on every change', async () => {
    const updates = vi.mocked(t.host.requestUpdate);
    t.flow.setEmail('ada@example.com');
    expect(updates).toHaveBeenCalledTimes(1);
    const sending = t.flow.send();
    expect(updates).toHaveBeenCalledTimes(2);
    t.starts[0]!.answer(started);
    await sending;
    expect(updates).toHaveBeenCalledTimes(3);
  });
});

/** Enough of `Storage` for the client's transaction, in memory. */
function localStorageLike() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}
