// The production build: src/server.ts, the workspace's TypeScript (@wj/domain)
// and the npm dependencies bundled by esbuild into one CommonJS file,
// dist/server.bundle.cjs, that dist/server.js (scripts/launcher.mjs) starts
// from V8's code cache, without a TypeScript loader and without
// resolving and reading some 1,500 module files (measured by
// bench/startup.bench.ts: bundling the dependencies too starts about 10 %
// sooner than leaving them external, and tsx took more than twice as long).
// Kept external, loaded from node_modules as usual (each is a direct dependency
// of @wj/api, so node resolves it from dist/): native modules, packages that
// read files of their own package at run time (__dirname is not defined in the
// bundle), and exceljs, which the roster worker loads anyway.
// `--deps-external` leaves every npm dependency external (for comparison).
// Worker threads are entry points of their own, emitted beside it under their
// file name (src/**/NAME-worker.mjs → dist/NAME-worker.mjs, NAME-worker.ts →
// dist/NAME-worker.js), so that `new URL('./NAME-worker.mjs', import.meta.url)`
// finds them from src/ and from the bundle alike. Paths to folders of the
// package (migrations, data/, the web build) come from src/paths.ts.
//
//   node scripts/build.mjs             build
//   node scripts/build.mjs --if-stale  build only when dist/ is missing or older than a source
//
// The bundle is minified in whitespace and syntax only (API_NO_MINIFY=1 leaves it as is), and zod's
// locales other than English are left out: node compiles some 2.3 MB at start instead of 3.9 MB.
//
// Type checking is not part of it (`pnpm typecheck` does that): esbuild only strips types.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const apiRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(apiRoot, '../..');
// API_DIST_DIR: another folder under apps/api (the startup bench builds the --deps-external variant into dist/ext).
const dist = join(apiRoot, process.env.API_DIST_DIR ?? 'dist');
const stampFile = join(dist, '.build-inputs');

function* files(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Everything the bundle is made of: the API's and the workspace packages' sources, their manifests, this script and the launcher, the lockfile. */
function inputs() {
  const list = [...files(join(apiRoot, 'src'))];
  for (const pkg of readdirSync(join(repoRoot, 'packages'))) list.push(...files(join(repoRoot, 'packages', pkg, 'src')), join(repoRoot, 'packages', pkg, 'package.json'));
  list.push(join(apiRoot, 'package.json'), fileURLToPath(import.meta.url), join(apiRoot, 'scripts/launcher.mjs'), join(repoRoot, 'pnpm-lock.yaml'));
  return list.filter((f) => existsSync(f));
}

/** Stale when a source is newer than the last build or the set of sources changed (a file added or removed). */
function isStale() {
  if (!existsSync(join(dist, 'server.js')) || !existsSync(stampFile)) return true;
  const built = statSync(stampFile).mtimeMs;
  const list = inputs();
  if (readFileSync(stampFile, 'utf8') !== listing(list)) return true;
  return list.some((f) => statSync(f).mtimeMs > built);
}
const listing = (list) => list.map((f) => relative(repoRoot, f)).sort().join('\n');

/** Bare imports are bundled (the workspace's TypeScript packages always), except KEEP, or every npm package with --deps-external. */
const externalDeps = {
  name: 'external-deps',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@wj/') || (ALL && !KEEP.some((k) => args.path === k || args.path.startsWith(`${k}/`))) ? undefined : { path: args.path, external: true }));
  },
};
const ALL = !process.argv.includes('--deps-external');
const KEEP = ['better-sqlite3', '@node-rs/argon2', '@resvg/resvg-js', 'pg-native', '@fastify/swagger', '@fastify/swagger-ui', '@fastify/static', 'exceljs'];

/**
 * zod's namespace exports every locale's messages (`z.locales`, some 400 kB of the bundle, a tenth of what
 * node compiles at start); nothing here uses any but the English default, which zod's classic API imports itself.
 * The namespace is kept with that one locale.
 */
const zodLocales = {
  name: 'zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir)
      ? { path: join(args.resolveDir, '../locales/en-only.js'), namespace: 'zod-locales', pluginData: join(args.resolveDir, '../locales/en.js') } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({ contents: "export { default as en } from './en.js';", resolveDir: dirname(args.pluginData), loader: 'js' }));
  },
};

const MINIFY = !process.env.API_NO_MINIFY;
const common = {
  bundle: true,
  // Whitespace and syntax only: identifiers and function names stay as written (stack traces read as the
  // source, and the linked source map points into it); node parses a bundle about half the size.
  ...(MINIFY ? { minifyWhitespace: true, minifySyntax: true } : {}),
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  plugins: [externalDeps, ...(process.env.API_ZOD_ALL ? [] : [zodLocales])],
  write: false,
  outdir: dist,
  logLevel: 'warning',
  absWorkingDir: apiRoot,
  // CommonJS code in an ES module: its require() of node's modules needs a require.
  ...(ALL ? { banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } } : {}),
};

/**
 * The server bundle as CommonJS, which node 20 can compile from a code cache (vm.Script's cachedData; ES modules
 * it cannot): import.meta.url is the launcher's argument, import() of a package left external a require() (each
 * is a CommonJS package), and no banner (require is CommonJS's own).
 */
const cjs = {
  format: 'cjs',
  define: { 'import.meta.url': '__wj_import_meta_url' },
  supported: { 'dynamic-import': false },
  banner: {},
};

async function run() {
  const started = performance.now();
  const startedAt = new Date(); // the stamp's time: a source saved while building is newer than it
  const workers = [...files(join(apiRoot, 'src'))].filter((f) => /-worker\.(ts|mjs)$/.test(f));
  const names = new Set();
  for (const w of workers) {
    const name = basename(w, extname(w));
    if (names.has(name)) throw new Error(`two workers named ${name}: worker file names must be unique (they land side by side in dist/)`);
    names.add(name);
  }
  const entry = (list) => Object.fromEntries(list.map((f) => [basename(f, extname(f)), f]));
  const { build } = await import('esbuild'); // only when building: the up-to-date check stays light
  const server = { server: join(apiRoot, 'src/server.ts') };
  const results = await Promise.all([
    // The server: a CommonJS bundle started by the launcher through V8's code cache (ALL; see launcher.mjs),
    // or, with --deps-external, an ES module as before (its external packages may be ES modules only).
    ALL ? build({ ...common, ...cjs, entryPoints: { 'server.bundle': server.server }, outExtension: { '.js': '.cjs' } }) : build({ ...common, entryPoints: server }),
    build({ ...common, entryPoints: entry(workers.filter((f) => f.endsWith('.ts'))) }),
    build({ ...common, entryPoints: entry(workers.filter((f) => f.endsWith('.mjs'))), outExtension: { '.js': '.mjs' } }),
  ]);
  if (ALL) {
    const bundle = results[0].outputFiles.find((f) => f.path.endsWith('server.bundle.cjs'));
    const sha1 = createHash('sha1').update(bundle.contents).digest('hex');
    const launcher = readFileSync(join(apiRoot, 'scripts/launcher.mjs'), 'utf8').replace('const BUNDLE_SHA1 = null;', `const BUNDLE_SHA1 = '${sha1}';`);
    if (!launcher.includes(sha1)) throw new Error('scripts/launcher.mjs: the BUNDLE_SHA1 line is missing');
    results.push({ outputFiles: [{ path: join(dist, 'server.js'), contents: launcher }] });
  }
  mkdirSync(dist, { recursive: true });
  // Each file is written beside its place and renamed over it: a server starting meanwhile reads an old or a new file, never half of one.
  for (const out of results.flatMap((r) => r.outputFiles)) {
    const tmp = `${out.path}.${process.pid}.tmp`;
    writeFileSync(tmp, out.contents);
    renameSync(tmp, out.path);
  }
  writeFileSync(stampFile, listing(inputs()));
  utimesSync(stampFile, startedAt, startedAt);
  console.log(`[api build] dist/server.js${ALL ? ' (launcher), dist/server.bundle.cjs' : ''} and ${workers.length} worker(s) in ${Math.round(performance.now() - started)} ms`);
}

if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);
await run();
