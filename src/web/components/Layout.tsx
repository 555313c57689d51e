import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { Link } from '../lib/router';
import { TABS, tabFor } from '../lib/places';
import { Banners } from '../offline/Banners';
import { SyncStatus } from '../offline/SyncStatus';
import { Logo, NavIcon } from './NavIcons';
import { focusWhenShown } from '../lib/focusWhenShown';
import './nav.css';

/**
 * Header, main and the footer line; moves focus to the new screen's heading when the path changes.
 * The five places are one `nav` landmark: a bottom tab bar on a phone, part of the one-row header on a wide screen.
 * The scroll and focus move before the new screen is painted (a layout effect): painted first at the old screen's
 * scroll offset, it would jump to the top a frame later, under a finger or a test's tap.
 */
export function Layout({ path, showNav, timeZone, children }: { path: string; showNav: boolean; timeZone?: string; children: ReactNode }) {
  const first = useRef(true);
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    return focusWhenShown('screen-title');
  }, [path]);

  const current = tabFor(path);
  return (
    <div className={showNav ? 'app has-tabbar' : 'app'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-row">
          <Link to={showNav ? '/today' : '/'} className="brand">
            <Logo />
            Unclench
          </Link>
          {showNav ? (
            <nav aria-label="Main" className="main-nav">
              <ul>
                {TABS.map((t) => (
                  <li key={t.id}>
                    <Link to={t.to} aria-current={current === t.id ? 'page' : undefined} data-tab={t.id}>
                      <NavIcon tab={t.id} />
                      <span className="nav-label">{t.label}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <SyncStatus />
        </div>
      </header>
      <div className="shell">
        <main id="main">
          <Banners path={path} timeZone={timeZone} />
          {children}
        </main>
        <footer className="site-footer">
          <p>Unclench is not a medical device. It never diagnoses.</p>
        </footer>
      </div>
    </div>
  );
}
