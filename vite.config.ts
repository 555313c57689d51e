import { defineConfig } from 'vite';
import { precacheList } from './src/web/offline/precachePlugin';

// JSX is compiled by esbuild (automatic runtime); no Babel plugin is needed for a production build.
export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  esbuild: { jsx: 'automatic' },
  // The service worker (public/sw.js) precaches the files listed in precache.json.
  plugins: [precacheList()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
});
