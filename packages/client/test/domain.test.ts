import { describe, expect, it } from 'vitest';
import { toOrigin, userInfo } from '../src/index.js';
import { fakeFetch } from './fake-fetch.js';

describe('domain normalisation', () => {
  it.each([
    ['auth.example.com', 'https://auth.example.com'],
    ['auth.example.com:8443', 'https://auth.example.com:8443'],
    ['https://auth.example.com', 'https://auth.example.com'],
    ['https://auth.example.com/', 'https://auth.example.com'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['  auth.example.com ', 'https://auth.example.com'],
  ])('%s → %s', (domain, origin) => {
    expect(toOrigin(domain)).toBe(origin);
  });

  it.each([
    ['', /domain must be/],
    ['http://auth.example.com', /https:.*localhost/],
    ['ftp://auth.example.com', /https:/],
    ['https://auth.example.com/tenant', /no path/],
    ['auth.example.com/tenant', /no path/],
    ['https://user:pw@auth.example.com', /credentials/],
    ['https://auth.example.com?x=1', /no path, query/],
    ['exa mple.com', /bare host/],
  ])('refuses %j', (domain, message) => {
    expect(() => toOrigin(domain)).toThrow(TypeError);
    expect(() => toOrigin(domain)).toThrow(message);
  });

  it('makes every function reject a bad domain before any request', async () => {
    const fetch = fakeFetch();
    await expect(userInfo('http://auth.example.com', 'at', { fetch })).rejects.toThrow(TypeError);
    expect(fetch.calls).toHaveLength(0);
  });
});
