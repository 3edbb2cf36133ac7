import type Database from 'better-sqlite3';
import type { Db } from '../db/index.js';

/**
 * SQLite: one value that moves with every commit to the database, read synchronously on the reading
 * connection — `PRAGMA data_version`, which changes when any other connection (this process's writer,
 * another server's) commits, and, when the reader is the writer too (an in-memory database), that
 * connection's own total_changes(). A commit that returned before the read moves it.
 *
 * Its cost is a read transaction's start (about 2 µs: the WAL index is looked at; the plucked pragma
 * costs half of a `select … from pragma_data_version()`). What the quality scores check before anything
 * else (modules/quality/change-signal.ts), and what a session kept in memory is checked against
 * (auth/sessions.ts): one read per request serves both (plugins/auth.ts keeps it on the request).
 */
export type DataVersion = string;

const readers = new WeakMap<Db, () => DataVersion>();

/** The reader of `db`'s data version (SQLite only), made once per database. */
export function dataVersion(db: Db): () => DataVersion {
  let read = readers.get(db);
  if (!read) readers.set(db, (read = makeReader(db)));
  return read;
}

function makeReader(db: Db): () => DataVersion {
  const { reader, writer } = db.sqlite!;
  // Texts of their own: the connection hands a kept statement back to whoever prepares the same text,
  // with its modes reset (db/index.ts), which would undo the pluck.
  const version: Database.Statement = reader.prepare('pragma data_version -- wj data version').pluck();
  if (reader !== writer) return () => String(version.get());
  const changes: Database.Statement = reader.prepare('select total_changes() -- wj data version').pluck();
  return () => `${version.get() as number}:${changes.get() as number}`;
}
