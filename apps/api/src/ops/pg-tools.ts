import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * PostgreSQL's own client programs (pg_dump, pg_restore), run as child
 * processes: they are the tools that know every object type of the server,
 * and running them asynchronously keeps the server's event loop free while a
 * scheduled backup runs.
 */
export type PgTool = 'pg_dump' | 'pg_restore';

export class PgToolMissingError extends Error {}

/** A PostgreSQL program that exited with an error; its stderr is in the message. */
export class PgToolError extends Error {
  constructor(message: string, readonly stderr: string, readonly code: number | null) { super(message); }
}

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Where Debian and Ubuntu install each server version's programs; the newest version first. */
const PG_LIB = '/usr/lib/postgresql';

/** The program on PATH, else in /usr/lib/postgresql/<newest version>/bin; a clear error when neither has it. */
export function findPgTool(name: PgTool, env: NodeJS.ProcessEnv = process.env, libDir = PG_LIB): string {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    if (executable(join(dir, name))) return join(dir, name);
  }
  let versions: string[] = [];
  try {
    versions = readdirSync(libDir).sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a) || b.localeCompare(a));
  } catch { /* no PostgreSQL installed from packages */ }
  for (const v of versions) {
    const path = join(libDir, v, 'bin', name);
    if (executable(path)) return path;
  }
  throw new PgToolMissingError(
    `找不到 PostgreSQL 客户端程序 ${name}（PATH 与 ${libDir}/*/bin 中都没有）：请安装与数据库服务器同版本或更新的 PostgreSQL 客户端`
    + `（Debian/Ubuntu：apt install postgresql-client-<版本>）。 / ${name} not found on PATH nor in ${libDir}/*/bin: install the PostgreSQL client programs.`,
  );
}

/**
 * The URL without its password (the password goes to the child in PGPASSWORD,
 * so that it does not show in the process list) and the environment for it.
 */
function connection(url: string, appName: string): { dbArg: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: appName };
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
  }
  return { dbArg: u.toString(), env };
}

/** A PostgreSQL URL fit to print: the password replaced by ***. */
export function displayTarget(target: string): string {
  try {
    const u = new URL(target);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return target;
  }
}

export interface RunOptions {
  /** Connect to this database (passed as --dbname, password through the environment). */
  url?: string;
  /** application_name of the connection, as pg_stat_activity shows it. */
  appName?: string;
}

/** Runs the program with `args`; resolves with its output, rejects with PgToolError (stderr included) when it fails. */
export function runPgTool(name: PgTool, args: string[], opts: RunOptions = {}): Promise<{ stdout: string; stderr: string }> {
  const bin = findPgTool(name);
  const conn = opts.url ? connection(opts.url, opts.appName ?? 'wj-ops') : null;
  const argv = conn ? [...args, `--dbname=${conn.dbArg}`] : args;
  return new Promise((resolve, reject) => {
    const child = spawn(bin, argv, { env: conn?.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => reject(new PgToolError(`${name} 无法运行 could not run: ${e.message}`, '', null)));
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8').trim();
      if (code === 0) resolve({ stdout, stderr });
      else reject(new PgToolError(`${name} 失败 failed (exit ${code}): ${stderr || '(no message)'}`, stderr, code));
    });
  });
}
