import fs from 'node:fs/promises';
import path from 'node:path';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { OTP_GRANT } from '../src/app.js';
import { SigningKeysFile } from '../src/keys-file.js';
import { rotateKeys, SigningKeySet } from '../src/keys.js';
import { START_TIME, makeDataDir, startTestServer } from './helpers.js';

describe('signing keys', () => {
  it('are created on first start, saved 0600, and reused after a restart (same kid)', async () => {
    const dataDir = await makeDataDir();
    const first = await startTestServer(undefined, { dataDir });
    const jwksBefore = (await first.inject({ url: '/.well-known/jwks.json' })).json();
    await first.start('a@example.com');
    const { id_token } = (
      await first.token('a@example.com', await first.codeFromInbox('a@example.com'))
    ).json();
    await first.app.close();

    const file = path.join(dataDir, 'keys.json');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);

    const second = await startTestServer(undefined, { dataDir });
    const jwksAfter = (await second.inject({ url: '/.well-known/jwks.json' })).json();
    expect(jwksAfter).toEqual(jwksBefore);
    expect(jwksAfter.keys).toHaveLength(1);
    const [key] = jwksAfter.keys;
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
    expect(key).not.toHaveProperty('d');

    // A token issued before the restart still verifies against the JWKS served after it.
    const { protectedHeader } = await jwtVerify(id_token, createLocalJWKSet(jwksAfter), {
      currentDate: new Date(START_TIME),
    });
    expect(protectedHeader.kid).toBe(key.kid);
  });

  it('keep pending codes across a restart', async () => {
    const dataDir = await makeDataDir();
    const first = await startTestServer(undefined, { dataDir });
    await first.start('a@example.com');
    const code = await first.codeFromInbox('a@example.com');
    await first.app.close();

    const second = await startTestServer(undefined, { dataDir });
    expect((await second.token('a@example.com', code)).statusCode).toBe(200);
  });
});

describe('the key set of a running server (SigningKeySet)', () => {
  it('takes a new key at a reload, keeps an unchanged set as it was, and keeps the old keys when the store cannot be read', async () => {
    const dataDir = await makeDataDir();
    const keysFile = new SigningKeysFile(dataDir);
    const keys = await SigningKeySet.open(keysFile, keysFile.file);
    const loaded = keys.current();

    await keys.reload();
    expect(keys.current()).toBe(loaded);

    const { kid } = await rotateKeys(dataDir);
    await keys.reload();
    expect(keys.current().kid).toBe(kid);
    expect(keys.current().jwks.keys.map((key) => key.kid)).toEqual([loaded.kid, kid]);

    const rotated = keys.current();
    await fs.writeFile(keysFile.file, 'not json');
    const errors: Error[] = [];
    await keys.reload((error) => errors.push(error));
    expect(keys.current()).toBe(rotated);
    expect(errors.map((error) => error.message)).toEqual([`${keysFile.file}: not valid JSON`]);
  });
});

describe('discovery', () => {
  it('describes the issuer and the endpoints that exist', async () => {
    const server = await startTestServer({ issuer: 'https://auth.example.com' });
    const response = await server.inject({ url: '/.well-known/openid-configuration' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      issuer: 'https://auth.example.com/',
      token_endpoint: 'https://auth.example.com/oauth/token',
      userinfo_endpoint: 'https://auth.example.com/userinfo',
      jwks_uri: 'https://auth.example.com/.well-known/jwks.json',
      id_token_signing_alg_values_supported: ['RS256'],
      subject_types_supported: ['public'],
      grant_types_supported: [OTP_GRANT, 'authorization_code', 'refresh_token', 'implicit'],
      authorization_endpoint: 'https://auth.example.com/authorize',
      end_session_endpoint: 'https://auth.example.com/v2/logout',
      revocation_endpoint: 'https://auth.example.com/oauth/revoke',
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      response_modes_supported: ['query', 'fragment', 'web_message'],
      code_challenge_methods_supported: ['S256'],
    });
    expect(response.json().response_types_supported).toEqual(
      expect.arrayContaining(['code', 'token', 'id_token', 'token id_token']),
    );
  });
});
