// What `require('passwordless-lock')` loads where Node cannot require an ES module (before
// 20.19, which loads the ESM build through `module-sync`) and in bundlers resolving `require()`:
// one clear line instead of Node's "No "exports" main defined".
throw Object.assign(
  new Error('passwordless-lock is ESM only: use `import` (or `await import()` from CommonJS).'),
  { code: 'ERR_REQUIRE_ESM' },
);
