import { describe, expect, it } from 'vitest';

/**
 * The layout rules of the web app (STYLE.md, after bulletproof-react and
 * TanStack Query's examples), checked on the source itself so they cannot
 * drift: features don't import each other; query keys come from key builders;
 * only the API client talks to the network.
 */

// Every source file as text, keyed './features/org/pages/org-tree-page.tsx' (Vite reads them at test time).
const SOURCES = import.meta.glob<string>(['./**/*.ts', './**/*.tsx'], { query: '?raw', import: 'default', eager: true });

type Sources = Record<string, string>;
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** The folder a file belongs to: 'features/<name>', 'lib', 'components', 'app' or '' (src itself). */
function areaOf(file: string): string {
  const parts = file.replace(/^\.\//, '').split('/');
  if (parts[0] === 'features') return `features/${parts[1]}`;
  return parts.length > 1 ? parts[0]! : '';
}

/** Resolves an import specifier to a path like './features/org/lib/scope', or null for a package. */
function resolveImport(from: string, spec: string): string | null {
  if (spec.startsWith('@/')) return `./${spec.slice(2)}`;
  if (!spec.startsWith('.')) return null;
  const out = from.split('/').slice(0, -1);
  for (const part of spec.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/');
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** A feature importing another feature, or lib/components importing any feature. */
export function crossFeatureImports(sources: Sources): string[] {
  const found: string[] = [];
  for (const [file, text] of Object.entries(sources)) {
    const area = areaOf(file);
    if (area === 'app' || area === '') continue; // the app layer composes features
    for (const m of text.matchAll(IMPORT)) {
      const target = resolveImport(file, (m[1] ?? m[2])!);
      if (!target) continue;
      const targetArea = areaOf(`${target}.ts`);
      if (targetArea.startsWith('features/') && targetArea !== area) found.push(`${file} imports ${m[1] ?? m[2]}`);
    }
  }
  return found;
}

/** Key builders live in a feature's api/keys.ts or in src/lib's shared key modules. */
const isKeyModule = (file: string) => /^\.\/features\/[^/]+\/api\/keys\.ts$/.test(file) || /^\.\/lib\/(query|quality)-keys\.ts$/.test(file);

/** A query key written as an array literal where it is used, or a key builder defined outside a key module. */
export function inlineQueryKeys(sources: Sources): string[] {
  const found: string[] = [];
  for (const [file, text] of Object.entries(sources)) {
    if (isTest(file)) continue;
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const at = `${file}:${i + 1}`;
      if (/queryKey\s*:\s*\[/.test(line)) found.push(`${at} queryKey: [...]`);
      if (/(set|get)QueryData\(\s*\[|(invalidate|remove|refetch|cancel|reset)Queries\(\s*\[/.test(line)) found.push(`${at} key literal in a cache call`);
      if (!isKeyModule(file) && /\b(const|let|var)\s+\w+Keys\s*=/.test(line)) found.push(`${at} key builder outside a keys module`);
      // A component may only name a key through a builder, never spell one (e.g. const key = ['attachments', path]).
      if (file.endsWith('.tsx') && /=\s*\[\s*'[a-z-]+'\s*,/.test(line) && /key/i.test(line)) found.push(`${at} inline key array`);
    });
  }
  return found;
}

/** The network is reached only through src/lib/api-client.ts. */
export function networkOutsideClient(sources: Sources): string[] {
  const found: string[] = [];
  for (const [file, text] of Object.entries(sources)) {
    if (isTest(file) || file === './lib/api-client.ts') continue;
    text.split('\n').forEach((line, i) => {
      if (/(?<![\w$])fetch\s*\(|XMLHttpRequest|\bnew\s+WebSocket\b|sendBeacon/.test(line)) found.push(`${file}:${i + 1} ${line.trim()}`);
    });
  }
  return found;
}

describe('the checks catch what they are meant to catch', () => {
  const bad: Sources = {
    './features/members/components/x.tsx': "import { useScopeRoot } from '@/features/org/hooks/use-scope-root';\nconst key = ['attachments', path];",
    './features/members/api/y.ts': "import { orgKeys } from '../../org/api/keys';\nuseQuery({ queryKey: ['orgs', 'tree'] });\nqueryClient.invalidateQueries({ queryKey: ['quality'] });",
    './features/members/api/z.ts': "export const memberKeys = { all: ['members'] };\nconst res = await fetch('/api/x');",
    './lib/w.ts': "import { x } from '@/features/org/api/get-org';\nconst r = await window.fetch(url);\nnew XMLHttpRequest();",
    './features/members/api/ok.ts': "import { a } from '../lib/a';\nimport { b } from '@/lib/b';\nvoid tree.refetch();\nqueryClient.fetchQuery(o);\nuseQuery({ queryKey: memberKeys.detail(1) });",
    './app/todo-forms.tsx': "import { MeetingFormModal } from '@/features/org-life/components/meeting-form-modal';",
  };

  it('finds a feature importing another (alias and relative) and lib importing a feature', () => {
    expect(crossFeatureImports(bad)).toEqual([
      './features/members/components/x.tsx imports @/features/org/hooks/use-scope-root',
      './features/members/api/y.ts imports ../../org/api/keys',
      './lib/w.ts imports @/features/org/api/get-org',
    ]);
  });

  it('finds keys spelled inline and key builders outside keys.ts', () => {
    expect(inlineQueryKeys(bad)).toEqual([
      './features/members/components/x.tsx:2 inline key array',
      './features/members/api/y.ts:2 queryKey: [...]',
      './features/members/api/y.ts:3 queryKey: [...]',
      './features/members/api/z.ts:1 key builder outside a keys module',
    ]);
  });

  it('finds fetch and XMLHttpRequest outside the client, not refetch or fetchQuery', () => {
    expect(networkOutsideClient(bad).map((f) => f.split(' ')[0])).toEqual(['./features/members/api/z.ts:2', './lib/w.ts:2', './lib/w.ts:3']);
  });
});

describe('the source tree keeps the layout', () => {
  it('reads the whole tree', () => {
    // A glob that matched nothing would pass every check below.
    expect(Object.keys(SOURCES).length).toBeGreaterThan(200);
    expect(SOURCES['./lib/api-client.ts']).toContain('export async function apiDownload');
  });

  it('no feature imports another feature; lib and components import none', () => {
    expect(crossFeatureImports(SOURCES)).toEqual([]);
  });

  it('query keys come from key builders only', () => {
    expect(inlineQueryKeys(SOURCES)).toEqual([]);
  });

  it('only the API client calls fetch', () => {
    expect(networkOutsideClient(SOURCES)).toEqual([]);
  });
});
