// idTokenPayload carries the standard OIDC claims, typed: read without a cast, from the client and
// from the widget's `authenticated` event.
import { passwordlessLogin } from '@passwordless-lock/client';
import type { AuthenticatedEvent } from 'passwordless-lock';

export async function emailOf(code: string): Promise<string | undefined> {
  const { idTokenPayload } = await passwordlessLogin('auth.example.com', {
    clientId: 'demo',
    email: 'ada@example.com',
    code,
  });
  const verified: boolean | undefined = idTokenPayload.email_verified;
  const expires: number = idTokenPayload.exp;
  const audience: string | string[] = idTokenPayload.aud;
  void [verified, expires, audience];
  return idTokenPayload.email?.toLowerCase();
}

export function profileOf({ detail: { idTokenPayload } }: AuthenticatedEvent) {
  const {
    sub,
    email = '',
    name,
    picture,
    nickname,
    updated_at,
    iss,
    iat,
    nonce,
    auth_time,
  } = idTokenPayload;
  // Other claims stay readable, as `unknown`.
  const roles: unknown = idTokenPayload['https://example.com/roles'];
  return {
    sub,
    email: email.trim(),
    name,
    picture,
    nickname,
    updated_at,
    iss,
    iat,
    nonce,
    auth_time,
    roles,
  };
}

// @ts-expect-error email is a string, not a number
export const wrong: number = ({} as AuthenticatedEvent).detail.idTokenPayload.email;
