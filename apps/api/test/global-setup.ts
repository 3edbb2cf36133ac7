import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureDemoUsers } from '../src/auth/demo-users.js';
import { openDb } from '../src/db/index.js';
import { generateCommission, loadDemoData } from '../src/demo/index.js';
import { adminQuery, freshDatabase } from './helpers/db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database holding the demo commission and its logins, built once per run: a SQLite file, or a PostgreSQL template database. */
    demoTemplate: string;
  }
}

/**
 * Loads the demo commission once per run into a template that each test
 * file's fresh database is copied from (a file copy on SQLite, CREATE
 * DATABASE … TEMPLATE on PostgreSQL) instead of loading it again per file.
 * test/demo/load.test.ts still loads the generator's output directly.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'wj-template-'));
  const fresh = await freshDatabase(dir, 'template');
  const db = await openDb(fresh.target);
  await loadDemoData(db, generateCommission());
  await ensureDemoUsers(db);
  await db.close();
  const url = process.env.DATABASE_URL;
  // PostgreSQL copies a template only while nobody is connected to it; mark it as one.
  if (url) await adminQuery(url, `alter database ${new URL(fresh.target).pathname.slice(1)} with is_template true`);
  project.provide('demoTemplate', fresh.target);
  return async () => {
    if (url) await adminQuery(url, `alter database ${new URL(fresh.target).pathname.slice(1)} with is_template false`);
    await fresh.drop();
    rmSync(dir, { recursive: true, force: true });
  };
}
