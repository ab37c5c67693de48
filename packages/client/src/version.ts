/** The version sent in the `Auth0-Client` header. Keep in step with package.json. */
export const VERSION = '0.1.0';
