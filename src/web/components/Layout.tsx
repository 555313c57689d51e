import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from '../lib/router';

const NAV = [
  { to: '/today', label: 'Today' },
  { to: '/check-in', label: 'Check in' },
  { to: '/account', label: 'Account' },
];

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
        {showNav ? (
          <nav aria-label="Main">
            <ul>
              {NAV.map((n) => (
                <li key={n.to}>
                  <Link to={n.to} aria-current={path === n.to ? 'page' : undefined}>
                    {n.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main">{children}</main>
      <footer className="site-footer">
        <p>Unclench is not a medical device. It never diagnoses.</p>
      </footer>
    </div>
  );
}
