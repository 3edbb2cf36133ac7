import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The suite runs once per engine (scripts/test.sh): on SQLite, and on PostgreSQL with DATABASE_URL
// set. A file about one engine's own machinery (SQLite's backup API and lock file, pg_dump) says so
// on its first line — `// engine: sqlite` or `// engine: postgres` — and runs on that engine's pass only.
const engine = process.env.DATABASE_URL ? 'postgres' : 'sqlite';
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
const otherEngine = files('test').filter((f) => {
  const tag = /^\/\/ engine: (sqlite|postgres)\b/.exec(readFileSync(f, 'utf8'))?.[1];
  return tag !== undefined && tag !== engine;
});
if (otherEngine.length) console.log(`[${engine}] ${otherEngine.length} test files belong to the other engine's pass: ${otherEngine.map((f) => f.replace(/^test\//, '')).join(', ')}`);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    exclude: otherEngine,
    // better-sqlite3 is a native module: separate processes keep each test file's database to itself.
    pool: 'forks',
    testTimeout: 60_000,
    // Loading the demo commission in beforeAll takes seconds; on a busy 2-core machine more than the default 10 s.
    hookTimeout: 120_000,
  },
});
