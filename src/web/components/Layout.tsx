import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from '../lib/router';
import { Banners } from '../offline/Banners';
import { SyncStatus } from '../offline/SyncStatus';

/** Six places, with short names so the bar stays compact on a phone. The account lives under Settings. */
const NAV = [
  { to: '/today', label: 'Today', also: ['/session', '/session/', '/progress', '/goals'] as string[] },
  { to: '/check-in', label: 'Check in', also: [] },
  { to: '/move', label: 'Move', also: [] },
  { to: '/library', label: 'Library', also: ['/library/'] },
  { to: '/history', label: 'History', also: [] },
  { to: '/settings', label: 'Settings', also: ['/account'] },
];

function isCurrent(path: string, n: (typeof NAV)[number]): 'page' | 'true' | undefined {
  if (path === n.to) return 'page';
  return n.also.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p)) ? 'true' : undefined;
}

/** Header, main and the footer line; moves focus to the new screen's heading when the path changes. */
export function Layout({ path, showNav, children }: { path: string; showNav: boolean; children: ReactNode }) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.getElementById('screen-title');
    heading?.focus();
    window.scrollTo(0, 0);
  }, [path]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to={showNav ? '/today' : '/'} className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Unclench
        </Link>
        <SyncStatus />
        {showNav ? (
          <nav aria-label="Main">
            <ul>
              {NAV.map((n) => (
                <li key={n.to}>
                  <Link to={n.to} aria-current={isCurrent(path, n)}>
                    {n.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main">
        <Banners path={path} />
        {children}
      </main>
      <footer className="site-footer">
        <p>Unclench is not a medical device. It never diagnoses.</p>
      </footer>
    </div>
  );
}
