import { fileURLToPath } from 'node:url';
import { constants as zlibConstants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';
import { unitTestFiles } from './test/lanes.js';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const unitFiles = unitTestFiles(projectRoot);

export default defineConfig({
  root: 'client',
  plugins: [
    react(),
    // Every text asset also as .br and .gz, which the server sends as they are (serveStatic
    // `precompressed`): no compression work per request, and brotli at its best setting.
    compression({
      algorithms: [defineAlgorithm('brotliCompress', { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }), 'gzip'],
      include: /\.(js|mjs|css|html|svg|json)$/,
      threshold: 1024,
    }),
  ],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // maplibre-gl and deck.gl are large (about 1 MB each before compression) and have their own chunks.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Pages are lazy (client/Root.tsx); the map libraries go in chunks of their own, so the
        // sign-in page loads neither and a new build of the app's code leaves them cached.
        codeSplitting: {
          groups: [
            // Helpers every chunk may use (Vite's preload helper, rolldown's runtime): captured
            // first, else a library group takes them in as its dependencies and the entry imports it.
            { name: 'runtime', test: /^\0/, priority: 4 },
            // maplibre-gl's stylesheet stays with the app's (client/main.tsx imports it).
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/].*\.m?js$/, priority: 3 },
            { name: 'deckgl', test: /node_modules[\\/]@(deck|luma|loaders|math|probe)\.gl[\\/]/, priority: 2 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 1 },
          ],
        },
      },
    },
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
