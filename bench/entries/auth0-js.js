// auth0.js, the protocol client Auth0 Lock is built on: everything it exports.
export * from 'auth0-js';
export { default } from 'auth0-js';
