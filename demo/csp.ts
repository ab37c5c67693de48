import { userInfo } from '@passwordless-lock/client';
import 'passwordless-lock/define';
import { addNavigation, domain, showProfile } from './shared.js';

/** Every Content-Security-Policy violation on this page; the e2e test expects none. */
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
Object.assign(window, { cspViolations: violations });

addNavigation();
const lock = document.querySelector('passwordless-lock')!;
document.querySelector('#login')!.addEventListener('click', () => lock.show());
lock.addEventListener('authenticated', async (event) => {
  showProfile(await userInfo(domain, event.detail.accessToken));
});
