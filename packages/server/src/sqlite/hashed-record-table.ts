import {
  hashedRecordStatements,
  type HashedRecordStatements,
  type RecordTable,
} from '../store/record-tables.js';
import { withoutNulls, type SqliteDatabase } from './database.js';

/**
 * A table of records found by the hash of a secret the client holds (login tickets,
 * authorization codes, access tokens): one column per property, SQL NULL for an absent optional
 * one. Written once here, so each kind of record only names its table and columns.
 */
export class HashedRecordTable<R extends object> {
  readonly #db: SqliteDatabase;
  readonly #sql: HashedRecordStatements<R>;

  constructor(db: SqliteDatabase, table: RecordTable<R>) {
    this.#db = db;
    this.#sql = hashedRecordStatements(table);
  }

  insert(record: R): void {
    this.#db.statement(this.#sql.insert).run(this.#sql.values(record));
  }

  /** The record, left in place. */
  find(hash: string): R | undefined {
    const row = this.#db.statement(this.#sql.find).get({ hash }) as R | undefined;
    return row && withoutNulls(row);
  }

  /** Deletes and returns the record in one statement: of racing callers, one gets it. */
  take(hash: string): R | undefined {
    const row = this.#db.statement(this.#sql.take).get({ hash }) as R | undefined;
    return row && withoutNulls(row);
  }
}
