import { useEffect, type ReactNode } from 'react';

/** A screen's heading (focused on arrival by the layout) and its page title. */
export function Screen({ title, lead, children, className }: { title: string; lead?: ReactNode; children: ReactNode; className?: string }) {
  useEffect(() => {
    document.title = `${title} — Unclench`;
  }, [title]);
  return (
    <div className={`screen${className ? ` ${className}` : ''}`}>
      <h1 id="screen-title" tabIndex={-1}>
        {title}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </div>
  );
}

/** The thumb-zone bar that holds a screen's one primary action. */
export function ActionBar({ children }: { children: ReactNode }) {
  return <div className="action-bar">{children}</div>;
}
