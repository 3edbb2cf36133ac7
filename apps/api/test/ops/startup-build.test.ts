// engine: sqlite
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The production build as `pnpm start` runs it: `node dist/server.js` (the
 * launcher) starts the CommonJS bundle, writes V8's code cache beside it once
 * listening, and a cache that is not the bundle's (another build) is ignored
 * and replaced. Built into a folder of its own under apps/api.
 */
const apiDir = fileURLToPath(new URL('../..', import.meta.url));
const dist = mkdtempSync(join(apiDir, 'dist-test-'));
const work = mkdtempSync(join(tmpdir(), 'wj-build-'));
const cache = join(dist, 'server.bundle.cjs.v8cache');

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: apiDir, env: { ...process.env, API_DIST_DIR: relative(apiDir, dist) }, stdio: 'pipe' });
});
afterAll(() => {
  rmSync(dist, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** Starts the build on a new SQLite file, reads /api/health once it listens, waits for the cache file to be (re)written, then stops it. */
async function startOnce(): Promise<{ status: number; output: string }> {
  const port = 20000 + Math.floor(Math.random() * 30000);
  const before = existsSync(cache) ? readFileSync(cache) : undefined;
  const child = spawn(process.execPath, [join(dist, 'server.js')], {
    cwd: apiDir,
    env: { ...process.env, DATABASE_PATH: join(work, 'db.sqlite'), PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: 'false', BACKUP_INTERVAL_HOURS: '0', LOG_LEVEL: 'silent', WEB_DIST: join(work, 'no-web'), NODE_ENV: 'test' },
  });
  let output = '';
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => { output += d; });
    child.stdout.on('data', (d: Buffer) => { output += d; if (output.includes('running at')) resolve(); });
    void exited.then(() => reject(new Error(`server exited: ${output}`)));
  });
  const status = (await fetch(`http://127.0.0.1:${port}/api/health`)).status;
  for (let i = 0; i < 400 && (!existsSync(cache) || (before && readFileSync(cache).equals(before))); i++) await new Promise((r) => setTimeout(r, 25));
  child.kill('SIGTERM');
  await exited;
  return { status, output };
}

describe('production build', () => {
  it('starts from the bundle, writes its code cache, and replaces a cache keyed for another bundle', async () => {
    const first = await startOnce();
    expect(first.status, first.output).toBe(200);
    const written = readFileSync(cache);
    // The key: the bundle's SHA-1 with node's version and architecture, then V8's data.
    const key = written.toString('latin1', 0, 40);
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    expect(written.length).toBeGreaterThan(100_000);

    // Another bundle's cache (same length, other key): ignored, the server starts, and the cache is written anew with the right key.
    writeFileSync(cache, Buffer.concat([Buffer.from(`${'0'.repeat(40)}\n`, 'latin1'), written.subarray(41)]));
    const second = await startOnce();
    expect(second.status, second.output).toBe(200);
    expect(readFileSync(cache).toString('latin1', 0, 40)).toBe(key);
  });
});
