// The login flow's test harness: a fake host, fake client functions that answer when a test
// tells them to, a fake clock, and what the flow reported.
import {
  ServerError,
  type passwordlessLogin,
  type passwordlessStart,
  type PasswordlessLoginResult,
  type PasswordlessStartResult,
} from '@passwordless-lock/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { vi } from 'vitest';
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

export const tokens: PasswordlessLoginResult = {
  accessToken: 'at-1',
  idToken: 'id-1',
  idTokenPayload: {
    iss: 'https://auth.example.com/',
    aud: 'demo',
    exp: 1_900_000_000,
    iat: 1_800_000_000,
    sub: 'email|1',
    email: 'ada@example.com',
  },
  expiresIn: 86400,
  tokenType: 'Bearer',
  scope: 'openid profile email',
};

export const started: PasswordlessStartResult = {
  id: 'req_1',
  email: 'ada@example.com',
  expiresIn: 180,
  resendAfter: 30,
  maxAttempts: 3,
};

export const wrongCode = () =>
  new ServerError({
    status: 403,
    error: 'invalid_grant',
    error_description: 'Wrong email or verification code.',
  });

/** Everything a test drives and watches. */
export function setUp(overrides: Partial<LoginSettings> = {}) {
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

/** Enough of `Storage` for the client's transaction, in memory. */
export function localStorageLike() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}
