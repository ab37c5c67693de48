import type { DevInboxStore } from '../../src/store/dev-inbox.js';
import type { Store } from '../../src/store.js';
import { describeCodeStoreContract } from './codes.js';
import { describeDevInboxStoreContract } from './dev-inbox.js';
import { describeExpiryStoreContract } from './expiry.js';
import { describeHealthStoreContract } from './health.js';
import { describeRateCounterStoreContract } from './limits.js';
import { describeLoginStoreContract } from './logins.js';
import { describeOutboxStoreContract } from './outbox.js';
import { describeRefreshTokenStoreContract } from './refresh-tokens.js';
import { describeServerSecretCheckContract } from './server-secret.js';
import { describeStartStoreContract } from './start.js';
import type { StoreTarget } from './target.js';
import {
  describeAccessTokenStoreContract,
  describeAuthorizationCodeStoreContract,
  describeLoginTicketStoreContract,
} from './tokens.js';
import { describeUserRecordsContract, describeUserStoreContract } from './users.js';

/**
 * Every contract suite a whole store (with its dev inbox) must pass: one list, so an
 * implementation cannot be run against fewer suites than another. Signing keys are separate:
 * their store is not part of `Store`.
 */
export function describeStoreContracts<T extends Store & DevInboxStore>(
  target: StoreTarget<T>,
): void {
  describeCodeStoreContract(target);
  describeUserStoreContract(target);
  describeUserRecordsContract(target);
  describeLoginTicketStoreContract(target);
  describeAuthorizationCodeStoreContract(target);
  describeAccessTokenStoreContract(target);
  describeRefreshTokenStoreContract(target);
  describeRateCounterStoreContract(target);
  describeLoginStoreContract(target);
  describeOutboxStoreContract(target);
  describeStartStoreContract(target);
  describeExpiryStoreContract(target);
  describeServerSecretCheckContract(target);
  describeHealthStoreContract(target);
  describeDevInboxStoreContract(target);
}
