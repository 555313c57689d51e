import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Build step: the pose model (MoveNet Lightning, from @vladmandic/human's package) and TensorFlow.js's WebAssembly
 * runtime are copied into dist/web/assets with a content hash in their names, so they are served by our own server,
 * cached as immutable and kept by the service worker on first use (too large for precache.json, see
 * `PRECACHE_MAX_BYTES`: only people who open the posture check download them). Code gets
 * their addresses from `virtual:pose-files`. Nothing is fetched from elsewhere, at build time or at run time.
 */
const SOURCES = {
  modelJson: 'node_modules/@vladmandic/human/models/movenet-lightning.json',
  modelWeights: 'node_modules/@vladmandic/human/models/movenet-lightning.bin',
  wasm: 'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm',
  wasmSimd: 'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm',
  wasmThreadedSimd: 'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm',
} as const;

const ID = 'virtual:pose-files';
const RESOLVED = `\0${ID}`;

export function poseFiles(): Plugin {
  let serving = false;
  const refs: Partial<Record<keyof typeof SOURCES, string>> = {};
  return {
    name: 'unclench-pose-files',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    buildStart() {
      if (serving) return;
      for (const [key, file] of Object.entries(SOURCES) as [keyof typeof SOURCES, string][]) {
        refs[key] = this.emitFile({ type: 'asset', name: path.basename(file), source: fs.readFileSync(path.resolve(file)) });
      }
    },
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const entries = (Object.keys(SOURCES) as (keyof typeof SOURCES)[]).map((key) => {
        const url = serving ? JSON.stringify(`/@fs/${path.resolve(SOURCES[key])}`) : `import.meta.ROLLUP_FILE_URL_${refs[key]}`;
        return `${key}: ${url}`;
      });
      return `export const POSE_FILES = { ${entries.join(', ')} };\n`;
    },
  };
}
