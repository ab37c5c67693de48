import { describe, expect, it } from 'vitest';
import type {
  AccessTokenRecord,
  AccessTokenStore,
  AuthorizationCodeRecord,
  AuthorizationCodeStore,
  LoginTicket,
  LoginTicketStore,
} from '../../src/store/tokens.js';
import { NOW, race, useStores, type StoreTarget } from './target.js';

const hash = (n: number) => n.toString(16).padStart(64, '0');

const TICKETS: LoginTicket[] = [1, 2].map((n) => ({
  ticketHash: hash(n),
  clientId: 'app',
  sub: `email|${String(n).repeat(24)}`,
  origin: 'https://app.example',
  expiresAt: NOW + 60_000,
}));

const AUTHORIZATION_CODES: AuthorizationCodeRecord[] = [
  {
    codeHash: hash(1),
    clientId: 'app',
    sub: `email|${'1'.repeat(24)}`,
    redirectUri: 'https://app.example/callback',
    scope: 'openid email',
    codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    expiresAt: NOW + 60_000,
  },
  {
    codeHash: hash(2),
    clientId: 'app',
    sub: `email|${'2'.repeat(24)}`,
    redirectUri: 'https://app.example/callback',
    scope: 'openid email read:messages',
    audience: 'https://messages.example.com/',
    nonce: 'n-2',
    codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    expiresAt: NOW + 60_000,
  },
];

const ACCESS_TOKENS: AccessTokenRecord[] = [
  { tokenHash: hash(1), sub: 'email|1', clientId: 'app', scope: 'openid', expiresAt: NOW + 1 },
  {
    tokenHash: hash(2),
    sub: 'email|2',
    clientId: 'app',
    scope: 'openid read:messages',
    audience: 'https://messages.example.com/',
    expiresAt: NOW + 86_400_000,
  },
];

/** A kind of record redeemed once by the hash of its secret. */
interface SingleUseKind<S, R> {
  records: R[];
  hashOf(record: R): string;
  save(store: S, record: R): Promise<void>;
  consume(store: S, hash: string): Promise<R | undefined>;
}

/** Single use, shared by login tickets and authorization codes. */
function describeSingleUse<S, R>(target: StoreTarget<S>, kind: SingleUseKind<S, R>): void {
  const open = useStores(target);

  it('gives back every field as saved, optional ones absent when not given', async () => {
    const { store } = await open();
    for (const record of kind.records) await kind.save(store, record);
    for (const record of kind.records) {
      expect(await kind.consume(store, kind.hashOf(record))).toEqual(record);
    }
  });

  it('gives a record once; unknown hashes get nothing', async () => {
    const { store } = await open();
    const [first, second] = kind.records as [R, R];
    await kind.save(store, first);
    await kind.save(store, second);
    expect(await kind.consume(store, kind.hashOf(first))).toEqual(first);
    expect(await kind.consume(store, kind.hashOf(first))).toBeUndefined();
    expect(await kind.consume(store, hash(999))).toBeUndefined();
    expect(await kind.consume(store, kind.hashOf(second))).toEqual(second);
  });

  it('gives a record to exactly one of two racing consumers', async () => {
    const handles = await open();
    const [record] = kind.records as [R];
    await kind.save(handles.store, record);
    const results = await race(2, handles, (store) => kind.consume(store, kind.hashOf(record)));
    expect(results.filter((result) => result !== undefined)).toEqual([record]);
  });
}

/** What every {@link LoginTicketStore} must do. */
export function describeLoginTicketStoreContract(target: StoreTarget<LoginTicketStore>): void {
  describe('LoginTicketStore', () => {
    describeSingleUse(target, {
      records: TICKETS,
      hashOf: (ticket) => ticket.ticketHash,
      save: (store, ticket) => store.saveLoginTicket(ticket),
      consume: (store, ticketHash) => store.consumeLoginTicket(ticketHash),
    });
  });
}

/** What every {@link AuthorizationCodeStore} must do. */
export function describeAuthorizationCodeStoreContract(
  target: StoreTarget<AuthorizationCodeStore>,
): void {
  describe('AuthorizationCodeStore', () => {
    describeSingleUse(target, {
      records: AUTHORIZATION_CODES,
      hashOf: (code) => code.codeHash,
      save: (store, code) => store.saveAuthorizationCode(code),
      consume: (store, codeHash) => store.consumeAuthorizationCode(codeHash),
    });
  });
}

/** What every {@link AccessTokenStore} must do. */
export function describeAccessTokenStoreContract(target: StoreTarget<AccessTokenStore>): void {
  describe('AccessTokenStore', () => {
    const open = useStores(target);

    it('finds a token as often as asked, every field as saved', async () => {
      const { store, peer } = await open();
      for (const token of ACCESS_TOKENS) await store.saveAccessToken(token);
      for (const token of ACCESS_TOKENS) {
        expect(await store.findAccessToken(token.tokenHash)).toEqual(token);
        expect(await peer.findAccessToken(token.tokenHash)).toEqual(token);
      }
      expect(await store.findAccessToken(hash(999))).toBeUndefined();
    });
  });
}
