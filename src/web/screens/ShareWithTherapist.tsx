import { useEffect, useState, type FormEvent } from 'react';
import { api, isApiError, type AccessEntryT, type InviteT, type LinkT, type PlanEditT } from '../api/client';
import { CheckboxGroup } from '../components/CheckboxGroup';
import { FormAlert } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { newId } from '../lib/ids';
import { errorWords } from '../words/errors';
import { dayText, SCOPE_HINTS, SCOPE_WORDS, scopesText, whenText } from '../words/therapist';

type Scope = 'view' | 'plan';
const SCOPES: Scope[] = ['view', 'plan'];

/** Account → Share with my therapist: invite, who is linked, stop sharing, what they changed and what they looked at. */
export function ShareWithTherapist({ episodeId }: { episodeId: string | null }) {
  const [links, setLinks] = useState<LinkT[]>([]);
  const [edits, setEdits] = useState<PlanEditT[]>([]);
  const [log, setLog] = useState<AccessEntryT[]>([]);
  const [alert, setAlert] = useState<string | null>(null);

  // Each change bumps the version, and the lists are read again.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let cancelled = false;
    Promise.all([api.listLinks(), episodeId ? api.listPlanEdits(episodeId) : [], episodeId ? api.accessLog(episodeId) : []]).then(
      ([l, e, a]) => {
        if (cancelled) return;
        setLinks(l);
        setEdits(e);
        setLog(a);
      },
      (err: unknown) => {
        if (!cancelled) setAlert(errorWords(isApiError(err) ? err.code : 'server'));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [episodeId, version]);

  const act = async (action: () => Promise<unknown>) => {
    setAlert(null);
    try {
      await action();
      setVersion((v) => v + 1);
    } catch (err) {
      setAlert(errorWords(isApiError(err) ? err.code : 'server'));
    }
  };

  return (
    <section className="card share-therapist" aria-labelledby="share-title">
      <h2 id="share-title">Share with my therapist</h2>
      <p>A physiotherapist can follow along: see how you are doing and, if you let them, adjust your plan. You choose what they may do, and you can stop at any time.</p>
      <FormAlert message={alert} />
      <InviteForm />
      <h3>Who you share with</h3>
      {links.length === 0 ? (
        <p className="hint">No one yet.</p>
      ) : (
        <ul className="share-links">
          {links.map((l) => (
            <li key={l.id} data-link-id={l.id}>
              <strong>{l.therapist.name}</strong>
              {l.therapist.email ? ` (${l.therapist.email})` : ''}: {scopesText(l.scopes)}, since {dayText(l.createdAt)}.{' '}
              <button type="button" className="button secondary" onClick={() => void act(() => api.deleteLink(l.id))}>
                Stop sharing with {l.therapist.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {episodeId ? (
        <>
          <h3>Changes your therapist made to your plan</h3>
          {edits.length === 0 ? (
            <p className="hint">None.</p>
          ) : (
            <ul className="plan-edits">
              {edits.map((e) => (
                <li key={e.id} data-edit-id={e.id}>
                  {e.therapistName}: {e.text} ({whenText(e.updatedAt)}).{' '}
                  <button type="button" className="button secondary" onClick={() => void act(() => api.deletePlanEdit(episodeId, e.id))}>
                    Undo
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h3>What your therapists looked at</h3>
          {log.length === 0 ? (
            <p className="hint">Nothing yet.</p>
          ) : (
            <>
              <AccessList entries={log.slice(0, RECENT_ACCESS)} />
              {log.length > RECENT_ACCESS ? (
                <details>
                  <summary>Earlier ({log.length - RECENT_ACCESS} more)</summary>
                  <AccessList entries={log.slice(RECENT_ACCESS)} />
                </details>
              ) : null}
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

/** The newest entries of the access log shown at once; the rest fold away. */
const RECENT_ACCESS = 8;

function AccessList({ entries }: { entries: readonly AccessEntryT[] }) {
  return (
    <ul className="access-log">
      {entries.map((e) => (
        <li key={e.id}>
          {e.text}, {whenText(e.at)}
        </li>
      ))}
    </ul>
  );
}

function InviteForm() {
  const [scopes, setScopes] = useState<Scope[]>(['view']);
  const [name, setName] = useState('');
  const [invite, setInvite] = useState<InviteT | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAlert(null);
    if (scopes.length === 0) return setError('Choose at least one thing your therapist may do');
    setError(undefined);
    setBusy(true);
    try {
      setInvite(await api.putInvite(newId(), { scopes, ...(name.trim() ? { name: name.trim() } : {}) }));
    } catch (err) {
      setAlert(errorWords(isApiError(err) ? err.code : 'server'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Invite your therapist">
      <FormAlert message={alert} />
      <CheckboxGroup
        path="scopes"
        legend="What may your therapist do?"
        choices={SCOPES.map((s) => ({ value: s, label: SCOPE_WORDS[s], hint: SCOPE_HINTS[s] }))}
        value={scopes}
        onChange={setScopes}
        error={error}
      />
      <TextField path="name" label="Your name, as your therapist will see it (optional)" autoComplete="name" value={name} onChange={setName} />
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? 'Making an invite…' : 'Make an invite'}
      </button>
      {invite ? (
        <div className="invite" role="status">
          <p>
            Give your therapist this code: <strong className="invite-code">{invite.code}</strong>
          </p>
          <p>
            Or send them this link: <span className="invite-link">{new URL(invite.link, window.location.origin).href}</span>
          </p>
          <p className="hint">It works once, until {dayText(invite.expiresAt)}. They will be able to: {scopesText(invite.scopes).toLowerCase()}.</p>
        </div>
      ) : null}
    </form>
  );
}
