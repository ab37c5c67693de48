import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { CENSOR } from '../src/log-censor.js';
import { loggerOptions } from '../src/request-log.js';

/** A Fastify logger with the server's options, and the lines it wrote, parsed. */
function logger() {
  const raw: string[] = [];
  const app = Fastify({
    logger: loggerOptions({
      level: 'info',
      stream: { write: (line: string) => void raw.push(line) },
    }),
  });
  const lines = () => raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { log: app.log, lines };
}

describe('log censoring', () => {
  it('censors a secret field at the top of a line and one level in, and keeps the others', () => {
    const { log, lines } = logger();
    log.info(
      {
        event: 'login',
        otp: '123456',
        refresh_token: 'rt-secret',
        user: { email: 'someone@example.com', password: 'hunter2' },
        smtp: { host: 'mail.example.com', pass: 'smtp-secret' },
        attempts: 3,
      },
      'logged in',
    );
    expect(lines()[0]).toMatchObject({
      event: 'login',
      otp: CENSOR,
      refresh_token: CENSOR,
      user: { email: 'someone@example.com', password: CENSOR },
      smtp: CENSOR,
      attempts: 3,
      msg: 'logged in',
    });
  });

  it('censors a secret binding of a child logger', () => {
    const { log, lines } = logger();
    log.child({ headers: { authorization: 'Bearer abc' }, login_ticket: 't' }).info('child line');
    expect(lines()[0]).toMatchObject({ headers: CENSOR, login_ticket: CENSOR, msg: 'child line' });
  });

  it('leaves the logged object as it was', () => {
    const { log } = logger();
    const fields = { query: { code: 'abc' }, grant: { code_verifier: 'v', client_id: 'app' } };
    log.info(fields);
    expect(fields).toEqual({
      query: { code: 'abc' },
      grant: { code_verifier: 'v', client_id: 'app' },
    });
  });

  it('leaves an error to its serializer, which keeps its message and masks email addresses', () => {
    const { log, lines } = logger();
    const error = Object.assign(new Error('refused for someone@example.com'), { body: 'x' });
    log.error({ err: error }, 'send failed');
    const { err } = lines()[0] as { err: Record<string, unknown> };
    expect(err).toMatchObject({ type: 'Error', message: 'refused for [email]' });
    expect(err).not.toHaveProperty('body');
  });
});
