import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * What each screen costs to open on a cold load, read from the real build's Vite manifest: the entry (index.html's
 * script and its static imports) plus the screen's own chunk and its static imports, scripts and styles apart,
 * raw and as the server sends them (the brotli and gzip copies the build wrote, or compressed here if missing).
 */

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface Sizes {
  files: number;
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

export interface ScreenCost {
  screen: string;
  js: Sizes;
  css: Sizes;
  /** The source modules in its scripts (from .vite/chunk-modules.json). */
  modules: string[];
}

/** Brotli bytes of script a cold load of each first screen may send (issue 11): Welcome signed out, Today signed in. */
export const FIRST_SCREEN_BUDGETS: Readonly<Record<string, number>> = { Welcome: 60_000, Today: 100_000 };

export function readManifest(webRoot: string): Manifest {
  const file = path.join(webRoot, '.vite', 'manifest.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first.`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}

/** The files a chunk needs before it runs: itself and its static imports, depth first, each once. */
function closure(manifest: Manifest, keys: readonly string[]): { js: string[]; css: string[] } {
  const seen = new Set<string>();
  const js: string[] = [];
  const css = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest has no chunk ${key}`);
    js.push(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    for (const i of chunk.imports ?? []) visit(i);
  };
  keys.forEach(visit);
  // One stylesheet for the whole app (vite.config.ts, cssCodeSplit false): every page links it.
  const shared = manifest['style.css']?.file;
  if (shared) css.add(shared);
  return { js, css: [...css] };
}

function sizeOf(webRoot: string, files: readonly string[]): Sizes {
  const sizes: Sizes = { files: files.length, rawBytes: 0, gzipBytes: 0, brotliBytes: 0 };
  for (const f of files) {
    const file = path.join(webRoot, f);
    const raw = fs.readFileSync(file);
    sizes.rawBytes += raw.length;
    sizes.gzipBytes += fs.existsSync(`${file}.gz`) ? fs.statSync(`${file}.gz`).size : zlib.gzipSync(raw, { level: 9 }).length;
    sizes.brotliBytes += fs.existsSync(`${file}.br`) ? fs.statSync(`${file}.br`).size : zlib.brotliCompressSync(raw).length;
  }
  return sizes;
}

/** Every screen (src/web/screens/<Name>.tsx, loaded on demand) with what its cold load costs. */
export function screenCosts(webRoot: string): ScreenCost[] {
  const manifest = readManifest(webRoot);
  const modulesFile = path.join(webRoot, '.vite', 'chunk-modules.json');
  const modulesOf = fs.existsSync(modulesFile) ? (JSON.parse(fs.readFileSync(modulesFile, 'utf8')) as Record<string, string[]>) : {};
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry)?.[0];
  if (!entry) throw new Error('The manifest has no entry chunk');
  // A screen's chunk is the one holding its module: Rollup may have merged a small screen into a chunk named after
  // other code, or into the entry itself (vite.config.ts, experimentalMinChunkSize).
  const keyOfFile = new Map(Object.entries(manifest).map(([key, c]) => [c.file, key]));
  const screens = Object.entries(modulesOf)
    .flatMap(([file, modules]) => modules.filter((m) => /^src\/web\/screens\/[A-Z]\w*\.tsx$/.test(m)).map((m) => ({ screen: path.basename(m, '.tsx'), key: keyOfFile.get(file) })))
    .filter((s): s is { screen: string; key: string } => s.key !== undefined)
    .sort((a, b) => (a.screen < b.screen ? -1 : a.screen > b.screen ? 1 : 0));
  if (screens.length === 0) throw new Error(`${modulesFile} names no screen: run "npm run build" first.`);
  const rows = [{ screen: '(entry)', keys: [entry] }, ...screens.map(({ screen, key }) => ({ screen, keys: [entry, key] }))];
  return rows.map(({ screen, keys }) => {
    const { js, css } = closure(manifest, keys);
    return { screen, js: sizeOf(webRoot, js), css: sizeOf(webRoot, css), modules: js.flatMap((f) => modulesOf[f] ?? []) };
  });
}
