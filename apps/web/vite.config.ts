import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
/** Text assets; images and fonts come compressed already. */
const COMPRESSIBLE = /\.(js|css|svg|json|txt)$/;

/**
 * Writes a .br and a .gz beside each hashed asset once, at build time, at the
 * strongest settings, so the API sends them without compressing per request
 * (apps/api/src/plugins/spa.ts, @fastify/static `preCompressed`). A sibling
 * that is not smaller than its file is left out; the server then sends the
 * file itself.
 */
function precompress(): Plugin {
  return {
    name: 'wj:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir;
      if (!outDir) return;
      // Only the hashed files under assets/: index.html stays small and is revalidated on every load.
      const files = Object.keys(bundle).filter((f) => f.startsWith('assets/') && COMPRESSIBLE.test(f));
      await Promise.all(files.map(async (file) => {
        const raw = await readFile(join(outDir, file));
        const [br, gz] = await Promise.all([
          brotliAsync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
          gzipAsync(raw, { level: constants.Z_BEST_COMPRESSION }),
        ]);
        if (br.length < raw.length) await writeFile(join(outDir, `${file}.br`), br);
        if (gz.length < raw.length) await writeFile(join(outDir, `${file}.gz`), gz);
      }));
    },
  };
}

// defineConfig comes from vitest/config so a `test:` block type-checks (TOOLING.md).
export default defineConfig({
  plugins: [react(), precompress()],
  // The `@/` alias is declared once, in tsconfig.json `paths`.
  resolve: { tsconfigPaths: true },
  server: {
    // In development the API runs on its own port; in production it serves this build itself.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    // The largest chunk is echarts (~540 kB, loaded only with the dashboard's charts); warn beyond it.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Pages load on demand (src/app/router.tsx), and everything else splits naturally along them:
        // a page downloads the antd components it uses, not all of antd (one antd chunk put ~380 kB
        // gzip on the login page). React is needed by every page and changes far less often than
        // the app, so it keeps a chunk of its own that stays cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 30 },
            // Charts load only with the dashboard's lazy chart module; echarts, too, stays cached across releases.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/, priority: 25 },
          ],
        },
      },
    },
  },
  test: { environment: 'node' },
});
