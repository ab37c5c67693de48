import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../src/http-server.js';

// The CLI warns when --dev listens anywhere else: the dev inbox shows every login code.
describe('isLoopbackHost', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '::1',
    '0:0:0:0:0:0:0:1',
    '::ffff:127.0.0.1',
    'localhost',
    'LocalHost',
  ])('%s stays on this machine', (host) => expect(isLoopbackHost(host)).toBe(true));

  it.each([
    '0.0.0.0',
    '::',
    '128.0.0.1',
    '192.168.1.20',
    '10.0.0.1',
    'fd00::1',
    'example.com',
    'localhost.example.com',
    '',
  ])('%s can be reached from elsewhere', (host) => expect(isLoopbackHost(host)).toBe(false));
});
