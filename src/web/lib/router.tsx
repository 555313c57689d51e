import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { isCameraPage } from '../../contract/cameraPages';

/** A tiny router on the History API: the path is the state, links push, back and forward just work. */

const listeners = new Set<() => void>();
const NAV_EVENT = 'unclench:navigate';

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  window.addEventListener(NAV_EVENT, listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAV_EVENT, listener);
  };
}

function snapshot() {
  return window.location.pathname;
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, snapshot, () => '/');
}

/** What a screen finishes before the app loads another page whole, waited for at most this long. */
const beforeWholeLoad = new Set<() => Promise<unknown>>();
const WHOLE_LOAD_WAIT_MS = 2_000;

/**
 * Runs `finish` (a save, say) before the app leaves this page for a whole page load, so it need not rely on a request
 * sent as the page goes, which a browser may drop. Returns the way to stop.
 */
export function beforeWholePageLoad(finish: () => Promise<unknown>): () => void {
  beforeWholeLoad.add(finish);
  return () => beforeWholeLoad.delete(finish);
}

async function loadWhole(path: string, replace: boolean) {
  let timer = 0;
  const waited = new Promise<void>((resolve) => (timer = window.setTimeout(resolve, WHOLE_LOAD_WAIT_MS)));
  await Promise.race([Promise.allSettled([...beforeWholeLoad].map((finish) => finish())), waited]);
  window.clearTimeout(timer);
  if (replace) window.location.replace(path);
  else window.location.assign(path);
}

export function navigate(path: string, opts: { replace?: boolean } = {}) {
  if (path === window.location.pathname) return;
  // Into or out of a page that may use the camera, a whole page load: the camera is allowed only in its own document.
  if (isCameraPage(path.split('?')[0] ?? path) !== isCameraPage(window.location.pathname)) {
    void loadWhole(path, opts.replace ?? false);
    return;
  }
  if (opts.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAV_EVENT));
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
