import { describe, expect, it } from 'vitest';
import {
  NetworkError,
  ServerError,
  TimeoutError,
  TokenValidationError,
  TransactionError,
  isClientError,
  messageKeyOf,
  type ClientError,
  type MessageKey,
} from '../src/index.js';

const server = (status: number, error: string, error_description?: string) =>
  new ServerError({ status, error, error_description });

describe('errors', () => {
  it('maps Auth0 error answers to stable message keys', () => {
    const cases: [ServerError, MessageKey][] = [
      [server(403, 'invalid_grant', 'Wrong email or verification code.'), 'wrong_code'],
      [server(403, 'invalid_grant', 'The verification code has expired.'), 'code_expired'],
      [server(429, 'too_many_attempts', 'Locked'), 'too_many_attempts'],
      [server(429, 'too_many_requests'), 'rate_limited'],
      [server(429, 'something_new'), 'rate_limited'],
      [server(400, 'bad.email', 'error in email'), 'bad_email'],
      [
        server(403, 'access_denied', 'Origin https://evil.example is not allowed.'),
        'origin_not_allowed',
      ],
      [server(403, 'access_denied', 'Denied by a rule'), 'server'],
      [server(0, 'access_denied', 'Wrong email or verification code.'), 'wrong_code'],
      [server(0, 'access_denied', 'Invalid or expired login ticket.'), 'code_expired'],
      [server(403, 'invalid_grant', 'Invalid authorization code'), 'wrong_code'],
      [server(500, 'http_500'), 'server'],
    ];
    for (const [error, key] of cases)
      expect([error.error, error.messageKey]).toEqual([error.error, key]);
  });

  it('gives every error class a name, a code, a message key and a cause', () => {
    const cause = new Error('root');
    const errors: [ClientError, string, string, MessageKey][] = [
      [
        new ServerError({ status: 400, error: 'x' }, { cause }),
        'ServerError',
        'server_error',
        'server',
      ],
      [new NetworkError('down', { cause }), 'NetworkError', 'network_error', 'network'],
      [new TimeoutError(15000, { cause }), 'TimeoutError', 'timeout_error', 'timeout'],
      [
        new TokenValidationError('exp', 'expired', { cause }),
        'TokenValidationError',
        'token_validation_error',
        'invalid_token',
      ],
      [
        new TransactionError('no state', { cause }),
        'TransactionError',
        'transaction_error',
        'invalid_state',
      ],
    ];
    for (const [error, name, code, key] of errors) {
      expect(error).toBeInstanceOf(Error);
      expect({
        name: error.name,
        code: error.code,
        key: error.messageKey,
        cause: error.cause,
      }).toEqual({
        name,
        code,
        key,
        cause,
      });
      expect(isClientError(error)).toBe(true);
      expect(messageKeyOf(error)).toBe(key);
    }
  });

  it('narrows the union on code', () => {
    const describe = (error: ClientError): string => {
      switch (error.code) {
        case 'server_error':
          return `${error.status} ${error.error}`;
        case 'network_error':
          return 'offline';
        case 'timeout_error':
          return `${error.timeout} ms`;
        case 'token_validation_error':
          return error.check;
        case 'transaction_error':
          return 'again';
      }
    };
    expect(describe(new TimeoutError(5))).toBe('5 ms');
    expect(describe(new TokenValidationError('nonce', 'x'))).toBe('nonce');
    expect(describe(server(403, 'invalid_grant'))).toBe('403 invalid_grant');
  });

  it('gives anything else the server key', () => {
    for (const value of [new TypeError('x'), 'oops', undefined, { messageKey: 'wrong_code' }]) {
      expect(isClientError(value)).toBe(false);
      expect(messageKeyOf(value)).toBe('server');
    }
  });
});
