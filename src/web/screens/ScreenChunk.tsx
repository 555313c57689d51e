import { Suspense, type ReactNode } from 'react';

/**
 * Shows a screen whose code may still be loading. Keyed by the path, so the screen left behind is gone at once (not
 * kept hidden while the next one loads) and the next screen's heading is the one that receives focus. The empty
 * placeholder keeps main's height (main is at least a screen tall), so nothing below moves when the screen arrives.
 */
export function ScreenChunk({ path, children }: { path: string; children: ReactNode }) {
  return (
    <Suspense key={path} fallback={<div className="screen" aria-busy="true" />}>
      {children}
    </Suspense>
  );
}
