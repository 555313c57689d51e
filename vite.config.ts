import { defineConfig } from 'vite';

// JSX is compiled by esbuild (automatic runtime); no Babel plugin is needed for a production build.
export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
});
