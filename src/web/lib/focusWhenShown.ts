/** How long a screen's code may take to arrive before focus stops waiting for its heading. */
const WAIT_MS = 10_000;

/**
 * Focuses the element with this id now, or as soon as it appears (a screen whose code is still loading shows its
 * heading a moment later). Returns a function that stops waiting.
 */
export function focusWhenShown(id: string): () => void {
  const tryFocus = () => {
    const el = document.getElementById(id);
    el?.focus();
    return el !== null;
  };
  if (tryFocus()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = window.setTimeout(() => stop(), WAIT_MS);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}
