/**
 * Loads the session code, a lazy chunk: pages without `useRefreshTokens` never download it. (One
 * place imports it, so the bundler sees that the chunk's shared modules are always loaded first.)
 */
export const loadSession = () => import('./session.js');
