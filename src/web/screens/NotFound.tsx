import { ActionBar, Screen } from '../components/Screen';
import { Link } from '../lib/router';

/** An address the app has no page for: say so plainly and offer the way back. */
export function NotFound({ home }: { home: { to: string; label: string } }) {
  return (
    <Screen title="Page not found" lead="There is no page at this address. It may have moved, or the link may be mistyped. Nothing you saved is lost.">
      <ActionBar>
        <Link to={home.to} className="button primary">
          {home.label}
        </Link>
      </ActionBar>
    </Screen>
  );
}
