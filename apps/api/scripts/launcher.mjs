// dist/server.js: starts the CommonJS bundle dist/server.bundle.cjs through
// V8's code cache (copied here by scripts/build.mjs; node 20 keeps no compile
// cache of its own). Without a cache node compiles the 2.3 MB bundle, and then
// each function the start runs, on every start; with one it deserializes the
// compiled code instead.
//
// The cache, dist/server.bundle.cjs.v8cache, is written by the first start
// once the server listens (so it holds every function the start ran) and
// rewritten when V8 rejects it. It begins with a key: the SHA-1 of the
// bundle's SHA-1 with node's version and architecture. A cache made for another bundle or
// another node is ignored (the start compiles as without one) and replaced.
// A folder that cannot be written only means no cache.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { constants, Script } from 'node:vm';

const file = join(dirname(fileURLToPath(import.meta.url)), 'server.bundle.cjs');
const cacheFile = `${file}.v8cache`;
const source = readFileSync(file, 'utf8');
// The bundle's SHA-1, written here by the build (hashing 2.3 MB at each start took about 10 ms); computed when absent.
const BUNDLE_SHA1 = null;
const key = createHash('sha1').update(BUNDLE_SHA1 ?? createHash('sha1').update(source).digest('hex')).update(`\0${process.version}\0${process.arch}`).digest('hex');
const KEY_BYTES = key.length + 1; // the key and a newline, then V8's data

let cachedData;
try {
  const buf = readFileSync(cacheFile);
  if (buf.toString('latin1', 0, key.length) === key) cachedData = buf.subarray(KEY_BYTES);
} catch { /* no cache yet */ }

// The module wrapper on the bundle's first line: line numbers (and the linked source map) stay the bundle's own.
// __wj_import_meta_url stands for import.meta.url in the bundle (scripts/build.mjs defines it so).
const script = new Script(`(function (exports, require, module, __filename, __dirname, __wj_import_meta_url) {${source}\n})`, {
  filename: file,
  cachedData,
  importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
if (!cachedData || script.cachedDataRejected) {
  process.once('wj:listening', () => setImmediate(() => {
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.concat([Buffer.from(`${key}\n`, 'latin1'), script.createCachedData()]));
      renameSync(tmp, cacheFile);
    } catch { /* a read-only dist/: started without a cache, as now */ }
  }));
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), pathToFileURL(file).href);
