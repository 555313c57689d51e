import { defineConfig } from 'vite';
import { precacheList } from './src/web/offline/precachePlugin';
import { precompress } from './scripts/precompressPlugin';
import { buildTimeModules } from './scripts/buildTimeModules';
import { chunkModules } from './scripts/chunkModulesPlugin';
import { poseFiles } from './scripts/poseFilesPlugin';

// JSX is compiled by esbuild (automatic runtime); no Babel plugin is needed for a production build.
export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  esbuild: { jsx: 'automatic' },
  // The app is written against React's API and types; the browser gets Preact's implementation of it (preact/compat),
  // about 5 KB instead of React DOM's 60 KB, so the first screen loads fast on a cheap phone.
  resolve: {
    alias: [
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
    ],
  },
  // The service worker (public/sw.js) precaches the files listed in precache.json; the server sends the .br/.gz
  // files written beside each text file.
  // buildTimeModules: the exercises' names and the API's addresses as literals, without the catalogue or zod.
  // poseFiles: the pose model and its WebAssembly runtime, copied from node_modules into /assets (camera screens).
  plugins: [buildTimeModules(), poseFiles(), precacheList(), chunkModules(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // .vite/manifest.json: which chunks and styles each screen needs (bench/bundle.ts and the size budget test).
    manifest: true,
    // One stylesheet for every screen (about 10 KB compressed): it comes with the page, so a screen never waits for
    // its own styles after its code has loaded.
    cssCodeSplit: false,
    // Every browser the app supports knows <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    // Shared code in a few files rather than a dozen of 1–2 KB: over HTTP/1.1 a phone fetches only six at once, so
    // Today came in three rounds. Rollup merges a chunk under 5 KB into one loaded under the same conditions.
    rollupOptions: { output: { experimentalMinChunkSize: 5_000 } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
});
