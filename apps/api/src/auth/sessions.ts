import { hash, randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { Role } from '@wj/domain';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { Db, Queryable } from '../db/index.js';
import { sessions, users } from '../db/schema/index.js';
import { dataVersion, type DataVersion } from '../lib/data-version.js';
import { PG_SIGNAL, PG_SIGNAL_COLUMNS, type ChangeSignal } from '../modules/quality/change-signal.js';

export const SESSION_COOKIE = 'wj_session';
/** Absolute lifetime and idle timeout of a session. */
export const SESSION_TTL_MS = 12 * 3600_000;
export const SESSION_IDLE_MS = 2 * 3600_000;

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scopeOrgId: number | null;
}

// The cookie carries a random token; the table keeps only its hash, so a leaked database opens no session.
// crypto.hash: the one-shot form, half the cost of a Hash object on every logged-in request.
const tokenId = (token: string) => hash('sha256', token, 'hex');

export async function createSession(db: Db, userId: number, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const iso = now.toISOString();
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(lt(sessions.expiresAt, iso));
    await tx.insert(sessions).values({
      id: tokenId(token), userId, createdAt: iso, lastSeenAt: iso,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    });
  });
  return token;
}

/**
 * The session and its user, read by one statement, with nothing kept that could outlive a change: a logout,
 * a disabled account, a changed role or a reset password — on this server or another — takes effect on the
 * next request. SQLite: prepared once per database and run synchronously; on a file database the row is then kept in memory
 * for as long as the database's data version (lib/data-version.ts) has not moved — any commit, by any
 * connection, moves it, and the request reads it anyway for the scores' cache (plugins/auth.ts hands it
 * on), so a kept row costs a map lookup instead of a read transaction. PostgreSQL: read by one statement with
 * the change signal, shared by the requests waiting for it (PgRequestReads below).
 */
const SESSION_USER_SQL = 'select s.expires_at as "expiresAt", s.last_seen_at as "lastSeenAt", u.id as "id", u.username as "username", '
  + 'u.display_name as "displayName", u.role as "role", u.scope_org_id as "scopeOrgId", u.disabled as "disabled" '
  + 'from sessions s join users u on u.id = s.user_id where s.id = ';
interface SessionRow { expiresAt: string; lastSeenAt: string; id: number; username: string; displayName: string; role: Role; scopeOrgId: number | null; disabled: boolean | number }

const sqliteStatements = new WeakMap<Db, Database.Statement>();
/** A row as kept: with its session id and its two times parsed once. */
interface KeptRow { id: string; row: SessionRow; expires: number; lastSeen: number }
/**
 * Rows read at one data version, by the cookie's token (a kept row's token is not hashed again: the hash is
 * what the database holds, the process has the token in every request anyway); dropped whole when the version
 * moves. Sessions that exist only.
 */
const keptRows = new WeakMap<Db, { version: DataVersion; rows: Map<string, KeptRow> }>();
const KEPT_ROWS = 4096;

const keep = (id: string, row: SessionRow): KeptRow => ({ id, row, expires: Date.parse(row.expiresAt), lastSeen: Date.parse(row.lastSeenAt) });

function sqliteRow(db: Db, reader: Database.Database, token: string, version: DataVersion): KeptRow | undefined {
  let statement = sqliteStatements.get(db);
  if (!statement) sqliteStatements.set(db, (statement = reader.prepare(`${SESSION_USER_SQL}?`)));
  // An in-memory database reads through its writer, which sees a transaction's uncommitted rows (and a
  // rollback moves neither number of its version): nothing is kept there.
  if (reader === db.sqlite!.writer) {
    const id = tokenId(token);
    const row = statement.get(id) as SessionRow | undefined;
    return row && keep(id, row);
  }
  let kept = keptRows.get(db);
  if (kept?.version !== version) keptRows.set(db, (kept = { version, rows: new Map() }));
  const hit = kept.rows.get(token);
  if (hit) return hit;
  // Read after the version: a commit in between moves the version past the one this row is kept under.
  const id = tokenId(token);
  const row = statement.get(id) as SessionRow | undefined;
  if (!row) return undefined;
  if (kept.rows.size >= KEPT_ROWS) kept.rows.clear();
  const entry = keep(id, row);
  kept.rows.set(token, entry);
  return entry;
}

/** A session lookup's outcome: the user, or null (none, expired, idle, disabled); a promise only when it had to wait on the database. */
export type SessionLookup = SessionUser | null | Promise<SessionUser | null>;

/**
 * SQLite: the session's user for a cookie's token. With nothing to write (the usual request), it answers
 * synchronously: no promise; a removal or the once-a-minute touch is awaited. PostgreSQL: lookupPgSession.
 * `version`: SQLite's data version read for this request (read here when not given).
 */
export function findSessionUser(db: Db, token: string, now = new Date(), version?: DataVersion): SessionLookup {
  if (!db.sqlite) throw new Error('findSessionUser is SQLite\'s: on PostgreSQL the session is read with the change signal (lookupPgSession)');
  return judge(db, sqliteRow(db, db.sqlite.reader, token, version ?? dataVersion(db)()), now);
}

/**
 * PostgreSQL: the session's user and the database's change signal (modules/quality/change-signal.ts), read
 * after this call by one statement — one snapshot — that serves every request waiting at that moment.
 * Callback style (the request's hook continues from it): the usual answer, nothing to write, costs no promise.
 */
export function lookupPgSession(db: Db, token: string, now: Date, then: (err: unknown, found?: SessionLookup, signal?: ChangeSignal) => void): void {
  let reads = pgReads.get(db);
  if (!reads) pgReads.set(db, (reads = new PgRequestReads(db.pg!.pool)));
  const id = tokenId(token);
  reads.read(id, (err, signal, row) => {
    if (err) { then(err); return; }
    let found: SessionLookup;
    try { found = judge(db, row && keep(id, row), now); } catch (e) { then(e); return; }
    then(null, found, signal);
  });
}

/** The most sessions one statement looks up: a larger crowd waits for the next one. */
const BATCH_MAX = 500;
/**
 * Statements in flight at once. Each is sent at the end of a turn of the event loop (setImmediate), with every
 * request read in that turn. Measured at 100x on 2 cores (the cached dashboard, 50 connections, a probe run
 * alternately): against one in flight sent by a batch's first request, sending at the turn's end answered about
 * 8 % more requests, with two in flight 12 %, with four about the same as two and less steadily.
 */
const IN_FLIGHT = 2;
const PG_READS_SQL = `select sig.*, r.* from (${PG_SIGNAL}) sig left join (`
  + SESSION_USER_SQL.replace('select ', 'select s.id as "sid", ') + 'any($1::text[])) r on true';
const SESSION_FIELDS = ['expiresAt', 'lastSeenAt', 'id', 'username', 'displayName', 'role', 'scopeOrgId', 'disabled'] as const;
type Answer = (err: unknown, signal?: ChangeSignal, row?: SessionRow) => void;
interface Waiter { id: string; then: Answer }

/**
 * Each logged-in request on PostgreSQL needs its session row and the change signal its caches are checked
 * against; read one by one, those two round trips per request were most of a cached page's cost. Here a
 * statement reads the signal and the sessions of every request that arrived before it was sent (at most
 * IN_FLIGHT of them in flight per process); a request arriving while they are busy waits for the next one,
 * which is sent after it arrived — so every answer still reflects each commit that returned before its request was sent, on any
 * server, as a read of its own would (nothing is kept between statements). A failed statement fails every
 * request it served: none is let through unread.
 */
class PgRequestReads {
  private waiting: Waiter[] = [];
  private inFlight = 0;
  private scheduled = false;
  constructor(private readonly pool: pg.Pool, private readonly maxInFlight = IN_FLIGHT) {}

  read(id: string, then: Answer): void {
    this.waiting.push({ id, then });
    this.schedule();
  }

  /** Sends at the end of this turn of the event loop: the requests read in the same turn share the statement. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => { this.scheduled = false; this.flush(); });
  }

  private flush(): void {
    if (this.waiting.length === 0 || this.inFlight >= this.maxInFlight) return;
    const batch = this.waiting.length > BATCH_MAX ? this.waiting.splice(0, BATCH_MAX) : this.waiting;
    if (batch === this.waiting) this.waiting = [];
    this.inFlight += 1;
    // More than one statement's worth waited: the rest go in the next statement, now if a slot is free.
    if (this.waiting.length > 0) this.schedule();
    const ids = [...new Set(batch.map((w) => w.id))];
    // Started from a resolved promise: a query that threw at once still rejects here, and the next batch still runs.
    Promise.resolve().then(() => this.pool.query<unknown[]>({ name: 'wj-request-reads', text: PG_READS_SQL, values: [ids], rowMode: 'array' })).then((res) => {
      const first = res.rows[0]!;
      const signal = first.slice(0, PG_SIGNAL_COLUMNS).join(':');
      const rows = new Map<string, SessionRow>();
      for (const r of res.rows) {
        if (r[PG_SIGNAL_COLUMNS] == null) continue;
        const row = {} as Record<string, unknown>;
        SESSION_FIELDS.forEach((f, i) => { row[f] = r[PG_SIGNAL_COLUMNS + 1 + i]; });
        rows.set(r[PG_SIGNAL_COLUMNS] as string, row as unknown as SessionRow);
      }
      answer(batch, (w) => w.then(null, signal, rows.get(w.id)));
    }, (err: unknown) => {
      answer(batch, (w) => w.then(err));
    }).finally(() => {
      this.inFlight -= 1;
      if (this.waiting.length > 0) this.schedule();
    });
  }
}
const pgReads = new WeakMap<Db, PgRequestReads>();

/** Every waiter is answered; one whose continuation throws does not leave the others waiting (its error is thrown on, uncaught). */
function answer(batch: Waiter[], each: (w: Waiter) => void): void {
  for (const w of batch) {
    try { each(w); } catch (err) { process.nextTick(() => { throw err; }); }
  }
}

function judge(db: Db, kept: KeptRow | undefined, now: Date): SessionLookup {
  if (!kept) return null;
  const { id, row, expires, lastSeen } = kept;
  const t = now.getTime();
  if (row.disabled || expires <= t || lastSeen + SESSION_IDLE_MS <= t) {
    return db.transaction((tx) => tx.delete(sessions).where(eq(sessions.id, id))).then(() => null);
  }
  const user: SessionUser = { id: row.id, username: row.username, displayName: row.displayName, role: row.role, scopeOrgId: row.scopeOrgId };
  // Touch at most once a minute: a write per request would serialise every read on the database lock.
  if (t - lastSeen > 60_000) {
    return db.transaction((tx) => tx.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id))).then(() => user);
  }
  return user;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.transaction((tx) => tx.delete(sessions).where(eq(sessions.id, tokenId(token))));
}

/** Ends every session of a user (disabled, role or scope changed, password reset). */
export async function deleteUserSessions(tx: Pick<Queryable, 'delete'>, userId: number): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}
