// The login flow without a browser, part 1: the steps, the code's length, the deadlines on a fake
// clock. The client's functions are fakes that answer when told to (login-flow-harness.ts).
import { ServerError } from '@passwordless-lock/client';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { localStorageLike, setUp, started, tokens, wrongCode } from './login-flow-harness.js';

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
