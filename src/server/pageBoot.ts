import { BOOT_ELEMENT_ID } from '../contract/pageBoot';
import { ROUTES } from '../contract/routes';

export { BOOT_ELEMENT_ID };

/**
 * A page's first reads, answered inside the page. On a phone, each read the first screen waits for is a round trip
 * after the script has loaded (and, over HTTP/1.1, a turn for one of six connections); here the server puts the
 * answers it would give in the HTML, and the app takes each one once instead of asking (web/api/boot.ts).
 *
 * Pure: which reads a page makes, and how they go into the HTML safely.
 */

const pathOf = (template: string, episodeId: string) => template.replace(':id', encodeURIComponent(episodeId));

/** What everyone's first screen asks: who is signed in (with their zone's table of clock changes). */
export const SESSION_READ = ROUTES.currentSession.path;
/** What a signed-in person's first screen asks next. */
export const EPISODES_READ = ROUTES.listEpisodes.path;

/** The plan's reads, as web/offline/load.ts asks them (plan, check-ins, movements, sessions). */
const PLAN_READS = [ROUTES.today.path, ROUTES.listCheckIns.path, ROUTES.listMovements.path, ROUTES.listSessions.path];

/** The reads a page's first screen makes for the person's current episode, beyond the session and the episodes. */
export function episodeReads(page: string, episodeId: string): string[] {
  switch (page) {
    case '/':
    case '/today':
      // The plan's, then the comfort card and the goals link Today shows.
      return [...PLAN_READS, ROUTES.listComfort.path, ROUTES.listFunctionGoals.path].map((p) => pathOf(p, episodeId));
    case '/progress':
      return [pathOf(ROUTES.progress.path, episodeId)];
    case '/move':
      // The plan's, then the screen's lists of walks (asked again, after the plan) and comfort entries.
      return [...PLAN_READS, ROUTES.listComfort.path].map((p) => pathOf(p, episodeId));
    case '/check-in':
    case '/re-check':
      // As screens/CheckIn.tsx asks them: the earlier check-ins ("Same as yesterday") and Today's word on a re-screen.
      return [ROUTES.listCheckIns.path, ROUTES.today.path].map((p) => pathOf(p, episodeId));
    default:
      return [];
  }
}

/** The source file of the screen a page opens on, as the build's manifest names it, or null. */
export function firstScreenOf(page: string, who: 'newcomer' | 'person-with-episode' | 'other'): string | null {
  if (who === 'newcomer') return page === '/' ? 'screens/Welcome.tsx' : page === '/sign-in' ? 'screens/SignIn.tsx' : null;
  if (who !== 'person-with-episode') return null;
  if (page === '/' || page === '/today') return 'screens/Today.tsx';
  if (page === '/progress') return 'screens/Progress.tsx';
  if (page === '/check-in' || page === '/re-check') return 'screens/CheckIn.tsx';
  if (page === '/move') return 'screens/Move.tsx';
  return null;
}

/**
 * The answers as a JSON data block. It is never run as a script, but the HTML parser ends it at the first
 * `</script`, so every `<` is written as `\u003c` (JSON reads it back as the same character); U+2028 and U+2029
 * are escaped too, for any tool that reads the block as JavaScript.
 */
export function bootScript(reads: Record<string, unknown>): string {
  const json = JSON.stringify({ reads })
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script id="${BOOT_ELEMENT_ID}" type="application/json">${json}</script>`;
}

/** A build's manifest entry (vite `build.manifest`): a chunk's file, the chunks it imports, and its styles. */
export interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}
export type Manifest = Record<string, ManifestChunk>;

function closure(manifest: Manifest, start: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) visit(dep);
  };
  for (const key of start) visit(key);
  return seen;
}

/**
 * `<link>`s that fetch a screen's code and styles with the page, beside the entry script, instead of after it has
 * run: the chunks it needs that the entry does not already bring, and their styles (preloaded, not applied, so the
 * first paint does not wait for them; the screen applies them when it loads).
 */
export function screenLinks(manifest: Manifest, screen: string): string {
  if (!manifest[screen]) return '';
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  const loaded = closure(manifest, entries);
  const needed = [...closure(manifest, [screen])].filter((key) => !loaded.has(key));
  const scripts = needed.map((key) => `<link rel="modulepreload" crossorigin href="/${manifest[key]?.file}">`);
  const styles = [...new Set(needed.flatMap((key) => manifest[key]?.css ?? []))].map((file) => `<link rel="preload" as="style" crossorigin href="/${file}">`);
  return [...scripts, ...styles].join('');
}
