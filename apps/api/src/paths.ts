import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The API package's folder (apps/api), found from this module's own file:
 * the nearest folder above it that holds a package.json. The same answer
 * whether the code runs from src/ (tsx, vitest: this file is src/paths.ts)
 * or from the production build (node: every module is bundled into
 * dist/server.js, so import.meta.url is that file's). Paths to the migrations,
 * the repository's data/ and the web build are taken from here, never from
 * a module's own depth in src/.
 */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const apiRoot = packageRoot(dirname(fileURLToPath(import.meta.url)));
export const repoRoot = resolve(apiRoot, '../..');
