import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { openStore, resolveConfig } from '../app.js';
import { NAME, readConfigFile, StartError } from '../cli-input.js';
import { normalizeEmail } from '../email-address.js';
import { newUserSub } from '../login/verify.js';
import { DATABASE_FILES } from '../sqlite/database.js';
import type { Store, User } from '../store.js';
import { exportJson, TABLE_HEADER, tableRow, userCard, userJson } from './user-table.js';

/** Users read from the store at a time by `list` and `export`, however many there are. */
const PAGE_SIZE = 500;

/** The `users` lines of the CLI's usage text. */
export function usersUsage(): string {
  return `       ${NAME} users list|show|block|unblock|delete|export [--email E | --sub SUB] [--json]
         [--config FILE] [--data DIR] [--database URL]   list or manage the users in the store
         the server uses (--database, else DATABASE_URL, else the config's "database", else
         DIR's SQLite file); list and show print a table, or JSON lines with --json; export
         prints JSON lines (every user without --email/--sub)`;
}

type Subcommand = 'list' | 'show' | 'block' | 'unblock' | 'delete' | 'export';

/** Which subcommands name one user, and whether they must (`export` may name none). */
const NEEDS_USER: Record<Subcommand, 'no' | 'yes' | 'optional'> = {
  list: 'no',
  show: 'yes',
  block: 'yes',
  unblock: 'yes',
  delete: 'yes',
  export: 'optional',
};

/** The user a subcommand names: by email or by sub. */
type Target = { email: string } | { sub: string };

interface UsersOptions {
  subcommand: Subcommand;
  target?: Target;
  json: boolean;
  configFile?: string;
  dataDir: string;
  databaseUrl?: string;
}

function readOptions(argv: string[], env: NodeJS.ProcessEnv): UsersOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        email: { type: 'string' },
        sub: { type: 'string' },
        json: { type: 'boolean', default: false },
        config: { type: 'string' },
        data: { type: 'string' },
        database: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new StartError(`users: ${(error as Error).message} (see users --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const names = Object.keys(NEEDS_USER).join(', ');
  const [subcommand, ...extra] = positionals;
  if (subcommand === undefined) throw new StartError(`users: name a subcommand: ${names}`);
  if (!Object.hasOwn(NEEDS_USER, subcommand)) {
    throw new StartError(`users: unknown subcommand "${subcommand}" (one of ${names})`);
  }
  if (extra.length > 0) throw new StartError(`users: unexpected argument "${extra[0]}"`);
  const command = subcommand as Subcommand;
  const target = readTarget(command, values.email, values.sub);
  if (values.json && command !== 'list' && command !== 'show') {
    throw new StartError(`users ${command}: --json is for list and show (export always is JSON)`);
  }

  const options: UsersOptions = {
    subcommand: command,
    json: values.json,
    dataDir: values.data ?? env.PL_DATA_DIR ?? './.data',
  };
  if (target) options.target = target;
  const configFile = values.config ?? env.PL_CONFIG;
  if (configFile) options.configFile = configFile;
  const databaseUrl = values.database ?? env.DATABASE_URL;
  if (databaseUrl) options.databaseUrl = databaseUrl;
  return options;
}

function readTarget(
  command: Subcommand,
  email: string | undefined,
  sub: string | undefined,
): Target | undefined {
  const needs = NEEDS_USER[command];
  if (email !== undefined && sub !== undefined) {
    throw new StartError(`users ${command}: give --email or --sub, not both`);
  }
  if (email === undefined && sub === undefined) {
    if (needs === 'yes')
      throw new StartError(`users ${command}: --email E (or --sub SUB) is required`);
    return undefined;
  }
  if (needs === 'no') throw new StartError(`users ${command}: takes no --email or --sub`);
  if (sub !== undefined) return { sub };
  const normalized = normalizeEmail(email!);
  if (!normalized) throw new StartError(`users ${command}: "${email}" is not an email address`);
  return { email: normalized };
}

/**
 * `passwordless-lock-server users …`: lists and manages users in the store the server is
 * configured with, resolved exactly as the server resolves it. Needs no mail transport.
 */
export async function usersCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const options = readOptions(argv, env);
  if (options === 'help') {
    console.log(`Usage:\n${usersUsage()}`);
    return;
  }
  const file = options.configFile ? readConfigFile(options.configFile) : undefined;
  // `dev` waives the mail transport and the clients, which managing users does not need.
  const config = resolveConfig(file, {
    dev: true,
    port: 0,
    dataDir: options.dataDir,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
  });
  // Opening SQLite creates the file: a mistyped --data must not look like an empty store.
  if (
    config.database === 'sqlite' &&
    !fs.existsSync(path.join(config.dataDir, DATABASE_FILES[0]!))
  ) {
    throw new StartError(`users: no database in ${config.dataDir} (see --data, --database)`);
  }
  // `users list | head`: a reader that has seen enough is no failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const store = await openStore(config);
  try {
    await run(store, options);
  } catch (error) {
    if (error instanceof StartError) throw error;
    // The store failed midway (a lost connection): say which command, on one line.
    throw new StartError(`users ${options.subcommand} failed: ${(error as Error).message}`);
  } finally {
    await store.close();
  }
}

async function run(store: Store, options: UsersOptions): Promise<void> {
  const { subcommand, target } = options;
  switch (subcommand) {
    case 'list':
      if (!options.json) await print(TABLE_HEADER);
      for await (const user of allUsers(store)) {
        await print(options.json ? JSON.stringify(userJson(user)) : tableRow(user));
      }
      return;
    case 'show': {
      const user = await findTarget(store, target!);
      await print(options.json ? JSON.stringify(userJson(user)) : userCard(user));
      return;
    }
    case 'block': {
      const email = await targetEmail(store, target!);
      const newSub = newUserSub(randomBytes);
      const user = await store.blockUser(email, newSub, Date.now());
      const created =
        user.sub === newSub ? '; no user had this email, so it was created blocked' : '';
      await print(
        `blocked ${user.email} (${user.sub}); its codes, tickets and tokens are revoked${created}`,
      );
      return;
    }
    case 'unblock': {
      const user = await store.unblockUser(await targetEmail(store, target!));
      if (!user) throw noUser(target!);
      await print(`unblocked ${user.email} (${user.sub})`);
      return;
    }
    case 'delete': {
      const deleted = await store.deleteUser(await targetEmail(store, target!));
      if (!deleted) throw noUser(target!);
      const { user, records } = deleted;
      await print(`deleted ${user.email} (${user.sub}) and ${records} records about it`);
      return;
    }
    case 'export': {
      const users = target ? [await findTarget(store, target)] : allUsers(store);
      for await (const user of users) {
        await print(JSON.stringify(exportJson(user, await store.userRecords(user))));
      }
      return;
    }
  }
}

/** Every user, in email order, read a page at a time. */
async function* allUsers(store: Store): AsyncGenerator<User> {
  let after = '';
  for (;;) {
    const page = await store.listUsers(after, PAGE_SIZE);
    yield* page;
    if (page.length < PAGE_SIZE) return;
    after = page.at(-1)!.email;
  }
}

async function findTarget(store: Store, target: Target): Promise<User> {
  const user =
    'email' in target
      ? await store.findUserByEmail(target.email)
      : await store.findUser(target.sub);
  if (!user) throw noUser(target);
  return user;
}

/** The email to block, unblock or delete: `--email` as given (it may have no user yet). */
async function targetEmail(store: Store, target: Target): Promise<string> {
  return 'email' in target ? target.email : (await findTarget(store, target)).email;
}

function noUser(target: Target): StartError {
  return new StartError(
    'email' in target ? `no user with email ${target.email}` : `no user with sub ${target.sub}`,
  );
}

/** Writes a line, waiting when stdout is full, so a long listing holds one page in memory. */
async function print(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) await once(process.stdout, 'drain');
}
