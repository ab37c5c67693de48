// cem analyze reads this from the package folder. `customElements` in package.json is written by
// hand, so the analyzer must not rewrite it (a test run writes its manifest to a temp dir).
export default {
  packagejson: false,
};
