import type { Db } from '../../db/index.js';
import { dataVersion } from '../../lib/data-version.js';

/**
 * One cheap value that moves whenever something the scores are computed from
 * may have been written — in this process or another sharing the database —
 * read before the full checks (service.ts): while it has not moved since a
 * result was computed, that result is current and no other check is needed.
 *
 * SQLite: `PRAGMA data_version` of the reading connection, which changes
 * whenever any other connection (this process's writer, another server's,
 * the score worker writing kept rows) commits, plus that connection's own
 * total_changes() when it is the writer too (an in-memory database) —
 * lib/data-version.ts. Exact and synchronous: a commit that returned before
 * the read moves it.
 *
 * PostgreSQL: one statement (one snapshot) over the audit log — every write
 * appends an audit row in its own transaction — and the two small tables a
 * score also depends on (rule sets, closed years): the log's head and how
 * many rows lie in a window below it, which grows when a transaction that
 * took a lower id commits late (as audit-head.ts checks), the newest rule
 * version, and the closed years' count and newest id (a re-judge inserts its
 * row again). A write committed on any server before the read moves it.
 */
export type ChangeSignal = string;

/** How far below the audit log's head a late commit is still noticed (as audit-head.ts's WINDOW). */
const WINDOW = 1000;

/** The statement (also read as a derived table, with the sessions, by auth/sessions.ts) and how many columns it has. */
export const PG_SIGNAL = `select
  (select coalesce(max(id), 0) from audit_log) as head,
  (select count(*) from audit_log where id > (select coalesce(max(id), 0) from audit_log) - ${WINDOW}) as win,
  (select coalesce(max(version), 0) from rule_sets) as rules,
  (select count(*) from closed_years) as closed,
  (select coalesce(max(id), 0) from closed_years) as closed_id`;
export const PG_SIGNAL_COLUMNS = 5;

/** A reader of the database's change signal (synchronous on SQLite). */
export function changeSignal(db: Db): () => ChangeSignal | Promise<ChangeSignal> {
  // Read on the connection the scores are read through (lib/data-version.ts); shared with the session check.
  if (db.sqlite) return dataVersion(db);
  const pool = db.pg!.pool;
  return async () => {
    const { rows } = await pool.query({ text: PG_SIGNAL, rowMode: 'array' });
    return rows[0]!.join(':');
  };
}
