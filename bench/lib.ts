import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp } from '@wj/api/app';
import { openDb, type Db } from '@wj/api/db';
import { generateCommission, loadDemoData } from '@wj/api/demo';
import { DEMO_PASSWORD, ensureDemoUsers } from '@wj/api/demo-users';

export const OUT = resolve(import.meta.dirname, 'out');

export const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
export const now = () => process.hrtime.bigint();

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** A file database holding the commission `scale` times over, built once and reused between runs. */
export function commissionDb(scale: number): { db: Db; path: string; loadMs: number | null } {
  mkdirSync(OUT, { recursive: true });
  const path = resolve(OUT, `commission-x${scale}.sqlite`);
  const stamp = `${path}.ok`;
  if (existsSync(path) && existsSync(stamp)) return { db: openDb(path), path, loadMs: null };
  rmSync(path, { force: true });
  const db = openDb(path);
  const t0 = now();
  loadDemoData(db, generateCommission({ scale }));
  const loadMs = ms(t0);
  writeFileSync(stamp, new Date().toISOString());
  return { db, path, loadMs };
}

/** The real HTTP server on a loopback port, with an admin session cookie. */
export async function serve(db: Db) {
  const app = await buildApp({ config: { WEB_DIST: resolve(OUT, 'no-web'), LOG_LEVEL: 'silent' }, db, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  await ensureDemoUsers(db);
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { app, base, cookie };
}
