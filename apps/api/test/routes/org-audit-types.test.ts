import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TREE_CHANGING, TREE_NEUTRAL } from '../../src/modules/orgs/org-index.js';

/**
 * The kept org tree survives audit rows of a few "tree-neutral" entity types
 * only (modules/orgs/org-index.ts). A writer that moves orgs or members under
 * such a type would leave the tree stale, so every entity type the source
 * writes through recordAudit must be classified, and a module that writes
 * the orgs or members tables may not log a neutral one.
 */
const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

describe('audit entity types and the kept org tree', () => {
  it('every type written to the audit log is classified, none is listed twice or stale, and no org or member writer logs a neutral one', () => {
    const files = sources(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));
    // String constants anywhere in src (a type is often a module's `const ENTITY = 'meeting'` or an exported one).
    const constants = (text: string) => new Map([...text.matchAll(/\bconst\s+(\w+)\s*=\s*'([^']+)'/g)].map((m) => [m[1]!, m[2]!]));
    const exported = new Map(files.flatMap((f) => [...f.text.matchAll(/\bexport\s+const\s+(\w+)\s*=\s*'([^']+)'/g)].map((m) => [m[1]!, m[2]!] as const)));

    const written = new Map<string, Set<string>>();
    const unresolved: string[] = [];
    for (const f of files) {
      if (f.path === join('lib', 'audit.ts') || !f.text.includes('recordAudit(')) continue;
      const own = constants(f.text);
      const types = new Set<string>();
      for (const m of f.text.matchAll(/entityType\s*:\s*([^,}\s]+)/g)) {
        const expr = m[1]!;
        const literal = /^'([^']+)'$/.exec(expr)?.[1];
        const type = literal ?? own.get(expr) ?? exported.get(expr);
        if (type) types.add(type); else unresolved.push(`${f.path}: entityType: ${expr}`);
      }
      // A call whose entry is built elsewhere (no `entityType:` in the file) cannot be read here: name it in the file.
      if (types.size === 0) unresolved.push(`${f.path}: recordAudit without a readable entityType`);
      written.set(f.path, types);
    }
    expect(unresolved).toEqual([]);

    const all = new Set([...written.values()].flatMap((s) => [...s]));
    expect(all.size).toBeGreaterThan(10);
    expect([...all].filter((t) => !TREE_NEUTRAL.includes(t) && !TREE_CHANGING.includes(t)), 'types to add to TREE_NEUTRAL or TREE_CHANGING').toEqual([]);
    expect(TREE_NEUTRAL.filter((t) => TREE_CHANGING.includes(t))).toEqual([]);
    expect([...TREE_NEUTRAL, ...TREE_CHANGING].filter((t) => !all.has(t)), 'listed but written nowhere').toEqual([]);

    const writesTree = /\.(insert|update|delete)\(\s*(orgs|members)\s*\)/;
    const treeWriters = [...written].filter(([path]) => writesTree.test(files.find((f) => f.path === path)!.text));
    expect(treeWriters.length).toBeGreaterThan(2);
    expect(treeWriters.flatMap(([path, types]) => [...types].filter((t) => TREE_NEUTRAL.includes(t)).map((t) => `${path}: ${t}`))).toEqual([]);
  });
});
