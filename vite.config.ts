import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { unitTestFiles } from './test/lanes.js';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const unitFiles = unitTestFiles(projectRoot);

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
    // Most tests take well under a second; the few slow ones set their own timeout.
    testTimeout: 60_000,
    // beforeAll hooks import real data (the heaviest set their own timeout).
    hookTimeout: 180_000,
    pool: 'forks',
    projects: [
      // The fast lane, `npm run test:unit`: no database, server process or browser (test/lanes.ts).
      // Starting a worker and loading modules for each file took two thirds of its time; these files
      // keep no state between them (a test that stubs a global restores it), so workers are reused.
      { extends: true, test: { name: 'unit', include: unitFiles, pool: 'threads', isolate: false } },
      // The rest, from databases built once per run (test/global-setup.ts).
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: unitFiles,
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
