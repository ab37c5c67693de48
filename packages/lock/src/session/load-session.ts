/**
 * Loads the session code, a lazy chunk: pages without `useRefreshTokens` never download it. The
 * element and `LockPasswordless` both load it through here.
 */
export const loadSession = () => import('./session.js');
