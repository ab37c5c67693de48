import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDirSharingSecretWith, startTestServer, type TestServer } from './helpers.js';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';

const EMAIL = 'race@example.com';

let cluster: PostgresCluster;

beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
}, 60_000);

/** Two nodes on one fresh PostgreSQL schema, as behind a load balancer. */
async function twoNodes(reuseIntervalS: number): Promise<[TestServer, TestServer]> {
  const config = {
    database: await cluster.freshSchemaUrl(),
    tokens: { refresh_token: { reuse_interval_s: reuseIntervalS } },
  };
  const first = await startTestServer(config);
  const second = await startTestServer(config, { dataDir: await dataDirSharingSecretWith(first) });
  return [first, second];
}

async function logIn(server: TestServer): Promise<string> {
  expect((await server.start(EMAIL)).statusCode).toBe(200);
  const response = await server.token(EMAIL, await server.codeFromInbox(EMAIL), {
    scope: 'openid offline_access',
  });
  expect(response.statusCode).toBe(200);
  return response.json().refresh_token;
}

function refresh(server: TestServer, refreshToken: string) {
  return server.inject({
    method: 'POST',
    url: '/oauth/token',
    payload: { grant_type: 'refresh_token', client_id: 'demo', refresh_token: refreshToken },
  });
}

describe('refresh tokens on PostgreSQL, two nodes racing', () => {
  // Two uses of one token with reuse_interval_s 0 are a reuse by definition: RFC 9700 §4.14.2
  // cannot tell a racing tab from a thief, so the family dies, the winner's new token with it.
  // Clients serialize their refreshes (the widget uses Web Locks) or set reuse_interval_s.
  it('lets one of two parallel refreshes of one token win, then revokes the family', async () => {
    const [a, b] = await twoNodes(0);
    const token = await logIn(a);
    const answers = await Promise.all([refresh(a, token), refresh(b, token)]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 403]);
    const winner = answers.find((answer) => answer.statusCode === 200)!.json();
    const loser = answers.find((answer) => answer.statusCode === 403)!.json();
    expect(loser).toEqual({
      error: 'invalid_grant',
      error_description: 'Unknown or invalid refresh token.',
    });
    expect((await refresh(a, winner.refresh_token)).statusCode).toBe(403);
  }, 60_000);

  it('lets both win, each with its own new token of the family, within reuse_interval_s', async () => {
    const [a, b] = await twoNodes(30);
    const token = await logIn(a);
    const answers = await Promise.all([refresh(a, token), refresh(b, token)]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200]);
    const [first, second] = answers.map((answer) => answer.json().refresh_token as string);
    expect(first).not.toBe(second);
    expect((await refresh(b, first!)).statusCode).toBe(200);
    expect((await refresh(a, second!)).statusCode).toBe(200);
  }, 60_000);
});
