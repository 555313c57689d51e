import { Screen } from '../components/Screen';
import { MORE_PLACES } from '../lib/places';
import { Link } from '../lib/router';

/** The places behind the tab bar's "More": one big row each, with a line about what is there. */
export function More() {
  return (
    <Screen title="More">
      <ul className="more-list">
        {MORE_PLACES.map((p) => (
          <li key={p.to} className="more-item">
            <Link to={p.to} className="more-link">
              {p.label}
            </Link>
            <span className="more-hint">{p.hint}</span>
          </li>
        ))}
      </ul>
    </Screen>
  );
}
