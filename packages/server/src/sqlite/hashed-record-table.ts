import type { RecordTable } from '../store/record-tables.js';
import { withoutNulls, type SqliteDatabase } from './database.js';

/**
 * A table of records found by the hash of a secret the client holds (login tickets,
 * authorization codes, access tokens): one column per property, SQL NULL for an absent optional
 * one. Written once here, so each kind of record only names its table and columns.
 */
export class HashedRecordTable<R extends object> {
  readonly #db: SqliteDatabase;
  readonly #properties: ReadonlyArray<keyof R & string>;
  readonly #insert: string;
  readonly #find: string;
  readonly #take: string;

  constructor(db: SqliteDatabase, { table, key, columns }: RecordTable<R>) {
    this.#db = db;
    const pairs = Object.entries(columns) as Array<[keyof R & string, string]>;
    this.#properties = pairs.map(([property]) => property);
    const names = pairs.map(([, column]) => column).join(', ');
    const values = pairs.map(([property]) => `@${property}`).join(', ');
    const selected = pairs.map(([property, column]) => `${column} AS "${property}"`).join(', ');
    this.#insert = `INSERT INTO ${table} (${names}) VALUES (${values})`;
    this.#find = `SELECT ${selected} FROM ${table} WHERE ${columns[key]} = ?`;
    this.#take = `DELETE FROM ${table} WHERE ${columns[key]} = ? RETURNING ${selected}`;
  }

  insert(record: R): void {
    const values = Object.fromEntries(
      this.#properties.map((property) => [property, record[property] ?? null]),
    );
    this.#db.statement(this.#insert).run(values);
  }

  /** The record, left in place. */
  find(hash: string): R | undefined {
    const row = this.#db.statement(this.#find).get(hash) as R | undefined;
    return row && withoutNulls(row);
  }

  /** Deletes and returns the record in one statement: of racing callers, one gets it. */
  take(hash: string): R | undefined {
    const row = this.#db.statement(this.#take).get(hash) as R | undefined;
    return row && withoutNulls(row);
  }
}
