import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// defineConfig comes from vitest/config so a `test:` block type-checks (TOOLING.md).
export default defineConfig({
  plugins: [react()],
  // The `@/` alias is declared once, in tsconfig.json `paths`.
  resolve: { tsconfigPaths: true },
  server: {
    // In development the API runs on its own port; in production it serves this build itself.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    // antd's tree-shaken core is one ~850 kB chunk on its own; warn only beyond that.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 30 },
            // Charts load only with the dashboard's lazy chart module: their own group, else they land in the eager vendor chunk.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/, priority: 25 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@emotion|dayjs)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules/, priority: 10 },
          ],
        },
      },
    },
  },
  test: { environment: 'node' },
});
