import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, isApiError, type PersonRowT } from '../api/client';
import { FormAlert } from '../components/ErrorSummary';
import { Screen } from '../components/Screen';
import { Loading } from '../components/Status';
import { TextField } from '../components/TextField';
import { Link } from '../lib/router';
import { errorWords } from '../words/errors';
import { scopesText, whenText } from '../words/therapist';
import { PersonPage } from './PersonPage';

type SortKey = 'flags' | 'name' | 'last';
const SORT_WORDS: Record<SortKey, string> = { flags: 'Most flags first', name: 'Name', last: 'Longest since a check-in' };

/** A therapist's app: the dashboard at /therapist, a person's page at /therapist/people/:episodeId. */
export function TherapistHome({ path, onSignOut }: { path: string; onSignOut: () => Promise<void> }) {
  const [rows, setRows] = useState<PersonRowT[] | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let cancelled = false;
    api.therapistPeople().then(
      (value) => {
        if (!cancelled) setRows(value);
      },
      (err: unknown) => {
        if (!cancelled) setAlert(errorWords(isApiError(err) ? err.code : 'server'));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [version, path]);
  const refresh = async () => setVersion((v) => v + 1);

  const personEpisode = /^\/therapist\/people\/([0-9a-f-]{36})$/.exec(path)?.[1];
  if (personEpisode) {
    const row = rows?.find((r) => r.episodeId === personEpisode);
    if (!rows) return <Loading what="Opening…" />;
    return <PersonPage episodeId={personEpisode} row={row ?? null} />;
  }
  return <Dashboard rows={rows} alert={alert} onRedeemed={refresh} onSignOut={onSignOut} />;
}

function Dashboard({ rows, alert, onRedeemed, onSignOut }: { rows: PersonRowT[] | null; alert: string | null; onRedeemed: () => Promise<void>; onSignOut: () => Promise<void> }) {
  const [sort, setSort] = useState<SortKey>('flags');
  const sorted = useMemo(() => {
    const list = [...(rows ?? [])];
    const label = (r: PersonRowT) => (r.name ?? r.email ?? '').toLowerCase();
    if (sort === 'name') list.sort((a, b) => label(a).localeCompare(label(b)));
    if (sort === 'flags') list.sort((a, b) => b.flags.length - a.flags.length || label(a).localeCompare(label(b)));
    if (sort === 'last') list.sort((a, b) => (a.lastCheckInAt ?? '').localeCompare(b.lastCheckInAt ?? ''));
    return list;
  }, [rows, sort]);

  return (
    <Screen title="The people you follow">
      <FormAlert message={alert} />
      <Redeem onRedeemed={onRedeemed} />
      {rows === null ? (
        <Loading what="Loading the people you follow…" />
      ) : rows.length === 0 ? (
        <p>No one has shared with you yet. When someone gives you their code, enter it above.</p>
      ) : (
        <section className="card" aria-labelledby="people-title">
          <h2 id="people-title">Your people</h2>
          <div className="button-row" role="group" aria-label="Sort by">
            {(Object.keys(SORT_WORDS) as SortKey[]).map((k) => (
              <button key={k} type="button" className="button secondary" aria-pressed={sort === k} onClick={() => setSort(k)}>
                {SORT_WORDS[k]}
              </button>
            ))}
          </div>
          <table className="people-table">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Latest check-in</th>
                <th scope="col">Worth a look</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.linkId} data-link-id={r.linkId}>
                  <th scope="row">
                    {r.episodeId ? <Link to={`/therapist/people/${r.episodeId}`}>{r.name ?? r.email ?? 'Someone without a name'}</Link> : (r.name ?? r.email ?? 'Someone without a name')}
                    <div className="hint">{scopesText(r.scopes)}</div>
                  </th>
                  <td>{r.lastCheckInAt ? `${whenText(r.lastCheckInAt)}: pain ${r.painNow ?? '–'} out of 10, worst ${r.painWorst24h ?? '–'}` : r.scopes.includes('view') ? 'None yet' : 'Not shared'}</td>
                  <td>
                    {r.flags.length === 0 ? (
                      'Nothing this week'
                    ) : (
                      <ul className="flags">
                        {r.flags.map((f) => (
                          <li key={f.code} data-flag={f.code}>
                            {f.text}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <button type="button" className="button secondary" onClick={() => void onSignOut()}>
        Sign out
      </button>
    </Screen>
  );
}

function Redeem({ onRedeemed }: { onRedeemed: () => Promise<void> }) {
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get('code') ?? '');
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setDone(null);
    try {
      const link = await api.redeemInvite(code);
      setCode('');
      setDone(`You now follow ${link.person.name ?? link.person.email ?? 'them'}.`);
      // The invite link's code is used: it leaves the address, so a reload does not offer it again.
      if (window.location.search) window.history.replaceState(null, '', window.location.pathname);
      await onRedeemed();
    } catch (err) {
      if (isApiError(err) && err.issues.length) setError(err.issues[0]?.message);
      else if (isApiError(err) && err.status === 404) setError('That code does not work: it may have been used already, or more than 7 days have passed. Ask for a new one.');
      else setError(errorWords(isApiError(err) ? err.code : 'server'));
    }
  };
  return (
    <section className="card" aria-labelledby="redeem-title">
      <h2 id="redeem-title">Add a person</h2>
      <form onSubmit={submit} noValidate aria-labelledby="redeem-title">
        <TextField path="code" label="Their invite code" hint="8 letters and digits, like ABCD-2345" autoComplete="off" autoCapitalize="characters" value={code} onChange={setCode} error={error} />
        <button type="submit" className="button primary">
          Follow this person
        </button>
        {done ? <p role="status">{done}</p> : null}
      </form>
    </section>
  );
}
