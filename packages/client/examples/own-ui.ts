import {
  buildLogoutUrl,
  messageKeyOf,
  parseCallback,
  passwordlessLogin,
  passwordlessStart,
  userInfo,
  type PasswordlessLoginResult,
  type UserInfo,
} from '@passwordless-lock/client';

const domain = 'auth.example.com'; // your tenant; 'http://localhost:3000' for `pnpm start`
const clientId = 'YOUR_CLIENT_ID';

// 1. Start: mail a one-time code (send: 'link' mails a magic link to redirectUri instead).
export async function sendCode(email: string): Promise<number | undefined> {
  const { resendAfter } = await passwordlessStart(domain, {
    clientId,
    email,
    language: navigator.language,
  });
  return resendAfter; // seconds until "resend" may be offered
}

// 2. Login: exchange the code for tokens, checking the id_token's signature and claims.
export async function logIn(email: string, code: string): Promise<PasswordlessLoginResult> {
  return passwordlessLogin(domain, { clientId, email, code });
}

// 3. Parse the callback: on the page a magic link (or a redirect) comes back to.
export async function finishRedirect(): Promise<PasswordlessLoginResult | null> {
  const result = await parseCallback(domain, location.href);
  if (result) history.replaceState(null, '', location.pathname);
  return result;
}

// 4. Read the profile with the access token.
export async function profileOf(tokens: PasswordlessLoginResult): Promise<UserInfo> {
  return userInfo(domain, tokens.accessToken);
}

// Errors carry a stable key to show a localized message; logout is a plain navigation.
export function errorMessage(error: unknown, t: (key: string) => string): string {
  return t(`errors.${messageKeyOf(error)}`);
}

export function logOut(): void {
  location.assign(buildLogoutUrl(domain, { clientId, returnTo: location.origin }));
}
