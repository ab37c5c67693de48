import { describe, expect, it } from 'vitest';
import { buildLogoutUrl } from '../src/index.js';

describe('buildLogoutUrl', () => {
  it('builds /v2/logout with client_id and an encoded returnTo', () => {
    expect(
      buildLogoutUrl('auth.example.com', {
        clientId: 'demo',
        returnTo: 'https://app.example.com/?bye=1',
      }),
    ).toBe(
      'https://auth.example.com/v2/logout?client_id=demo&returnTo=https%3A%2F%2Fapp.example.com%2F%3Fbye%3D1',
    );
  });

  it('leaves out what is not given', () => {
    expect(buildLogoutUrl('http://localhost:3000')).toBe('http://localhost:3000/v2/logout');
    expect(buildLogoutUrl('localhost:3000', { clientId: 'demo' })).toBe(
      'https://localhost:3000/v2/logout?client_id=demo',
    );
  });

  it('throws a coded TypeError for a bad domain or parameter', () => {
    expect(() => buildLogoutUrl('http://auth.example.com')).toThrow(TypeError);
    expect(() => buildLogoutUrl('auth.example.com', { returnTo: 42 as unknown as string })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARG_VALUE' }),
    );
  });
});
