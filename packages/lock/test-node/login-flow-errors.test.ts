// The login flow without a browser, part 2: trouble the user cannot fix, answers that come back
// too late, reset.
import {
  NetworkError,
  ServerError,
  TimeoutError,
  TokenValidationError,
} from '@passwordless-lock/client';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setUp, started, tokens, wrongCode } from './login-flow-harness.js';

let t: ReturnType<typeof setUp>;

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
