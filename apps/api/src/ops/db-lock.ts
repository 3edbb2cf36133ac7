import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { isPostgresUrl } from '../db/engine.js';

/**
 * Who is using a database file: `<database>.lock` beside it, created
 * exclusively (O_EXCL) by the server when it starts and by a restore while it
 * runs, removed when they finish. It names the holder's process, so a refusal
 * can say who holds it; a file left by a process that died is taken over.
 *
 * The file is the courteous half. The half that cannot be stale or skipped is
 * SQLite's own lock (see `holdExclusive` in restore.ts): every open connection
 * to a WAL database holds a shared lock that the kernel drops when the process
 * dies, so an exclusive lock succeeds only when nobody has the file open.
 *
 * SQLite files only: on PostgreSQL several servers share one database by
 * design, so for a PostgreSQL URL there is nothing to lock (the restore checks
 * the server's connections instead, see restore.ts).
 */
export interface LockInfo { pid: number; purpose: 'server' | 'restore'; host: string; startedAt: string }

export class DatabaseInUseError extends Error {
  constructor(message: string, readonly holder?: LockInfo) { super(message); }
}

export const lockPathOf = (dbPath: string) => `${dbPath}.lock`;

const PURPOSE_LABEL: Record<LockInfo['purpose'], string> = { server: '服务进程', restore: '恢复程序' };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/**
 * Takes the lock file for `dbPath`, or throws DatabaseInUseError naming the
 * live holder. Returns the release function. A PostgreSQL URL (or :memory:)
 * takes nothing and returns a no-op.
 */
export function acquireDbLock(dbPath: string, purpose: LockInfo['purpose']): () => void {
  if (dbPath === ':memory:' || isPostgresUrl(dbPath)) return () => {};
  const path = lockPathOf(dbPath);
  // The first start of a fresh clone: the data folder does not exist yet.
  mkdirSync(dirname(path), { recursive: true });
  const mine: LockInfo = { pid: process.pid, purpose, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(mine), { flag: 'wx' });
      return () => {
        if (readLock(path)?.pid === mine.pid) rmSync(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readLock(path);
    // Another machine's process cannot be checked from here: only a person can say it has stopped.
    if (holder && (holder.host !== mine.host || alive(holder.pid))) {
      const where = holder.host === mine.host ? '' : `（在另一台机器 ${holder.host} 上）`;
      throw new DatabaseInUseError(
        `数据库正被${PURPOSE_LABEL[holder.purpose] ?? '其他程序'}使用（进程 ${holder.pid}${where}，自 ${holder.startedAt} 起）：请先停止它再操作。`
        + `若确认该进程已不存在，可删除 ${path} 后重试。`
        + ` / The database is in use by ${holder.purpose} pid ${holder.pid}; stop it first.`,
        holder,
      );
    }
    // Left by a process that no longer runs (or unreadable half-written): take it over.
    rmSync(path, { force: true });
  }
  throw new DatabaseInUseError(`无法取得数据库锁文件 ${path}，请稍后重试 / could not take ${path}`);
}
