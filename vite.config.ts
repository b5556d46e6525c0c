import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // maplibre-gl and deck.gl are large; one map chunk is expected.
    chunkSizeWarningLimit: 4000,
  },
  server: {
    // A regex key: a plain '/api' prefix would also capture the module /api.ts.
    proxy: { '^/api/': 'http://localhost:8787' },
  },
  test: {
    root: projectRoot,
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
