// Auth0 Lock's passwordless widget as npm users import it (`import { Auth0LockPasswordless } from
// 'auth0-lock'`), bundled like ours. lib/passwordless.js cannot be the first module evaluated:
// lib/engine/classic.js requires lib/index.js, and that require cycle leaves lib/core.js's
// default export undefined when lib/lock.js extends it. Entering through lib/index.js resolves
// the cycle; the bundle holds the same modules either way (classic.js is reached from both).
export { Auth0LockPasswordless as default } from 'auth0-lock';
