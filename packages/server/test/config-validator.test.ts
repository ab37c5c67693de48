import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configValidatorSource, VALIDATOR_FILE } from '../scripts/config-validator.js';

describe('the generated config validator', () => {
  // Prettier formats 5,000 lines of it, slowly on a loaded machine.
  it('is what the schema and formats of today compile to', { timeout: 60_000 }, async () => {
    const committed = readFileSync(VALIDATOR_FILE, 'utf8');
    expect(
      committed === (await configValidatorSource()),
      'src/config/validator.generated.ts is out of date with config/schema.ts or config/formats.ts: run `pnpm --filter @passwordless-lock/server generate`',
    ).toBe(true);
  });
});
