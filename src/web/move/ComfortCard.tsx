import { useState, type FormEvent } from 'react';
import { Comfort, ComfortPut } from '../../contract';
import { overDailyLimits, type OverLimit } from '../../core/comfort/dailyLimits';
import { issuesFrom, type ComfortT, type Issue } from '../api/client';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { dateIn, instantAt, todayIn } from '../lib/dates';
import { newId } from '../lib/ids';
import { messageFor } from '../lib/issues';
import { saveComfort } from '../offline/writes';
import { AMOUNT_HINTS, clockTime, COMFORT_KIND_CHOICES, COMFORT_KIND_WORDS, NEVER_SUGGESTS, overLimitWords, type ComfortKindValue } from '../words/move';
import './move.css';

const FIELDS = ['kind', 'name', 'amount', 'dailyMax', 'at'] as const;
/** Field paths on this screen: `comfortAmount` for the API's `amount`, so they never clash with other forms' fields. */
const P = (f: string) => `comfort${f.charAt(0).toUpperCase()}${f.slice(1)}`;
const placed = (i: Issue): Issue => ({ ...i, path: (FIELDS as readonly string[]).includes(i.path.split('.')[0] ?? '') ? P(i.path.split('.')[0] ?? '') : i.path });

function nowHHMM(timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date());
}

const number = (text: string) => Number(text.trim().replace(',', '.'));

/** Today's days over the person's own label maximum: from the server's answers, and worked out here for entries still waiting. */
export function todaysOverLimits(entries: readonly ComfortT[], timeZone: string): OverLimit[] {
  const today = todayIn(timeZone);
  const local = overDailyLimits(
    entries.map((e) => ({ kind: e.kind, name: e.name, amount: e.amount, dailyMax: e.dailyMax, at: e.at })),
    timeZone,
  ).filter((o) => o.date === today);
  const fromServer = entries.flatMap((e) => (e.overLimit && e.overLimit.date === today ? [e.overLimit] : []));
  const byName = new Map<string, OverLimit>();
  for (const o of [...fromServer, ...local]) byName.set(o.name.trim().toLocaleLowerCase('en'), o);
  return [...byName.values()];
}

/** What helped me move: a private log of tablets, creams, patches, heat or cold. Logged, never suggested. */
export function ComfortCard({ episodeId, timeZone, entries, onSaved }: { episodeId: string; timeZone: string; entries: readonly ComfortT[]; onSaved: (entry: ComfortT) => void }) {
  const [kind, setKind] = useState<ComfortKindValue | undefined>();
  const [name, setName] = useState('');
  const [amount, setAmount] = useState('');
  const [dailyMax, setDailyMax] = useState('');
  const [time, setTime] = useState(() => nowHHMM(timeZone));
  const [issues, setIssues] = useState<Issue[]>([]);
  const [said, setSaid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = todayIn(timeZone);
  const todays = entries.filter((e) => dateIn(new Date(e.at), timeZone) === today);
  const over = todaysOverLimits(entries, timeZone);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaid(null);
    const found: Issue[] = [];
    if (!kind) found.push({ path: P('kind'), rule: 'required', message: 'Please choose what it was.' });
    if (!name.trim()) found.push({ path: P('name'), rule: 'required', message: 'Please give it a name, as on the package (or “hot water bottle”).' });
    if (!amount.trim()) found.push({ path: P('amount'), rule: 'required', message: 'Please enter how much.' });
    const [hh, mm] = time.split(':').map(Number);
    const at = /^\d{2}:\d{2}$/.test(time) ? instantAt(today, hh ?? 0, mm ?? 0, timeZone) : null;
    if (!at) found.push({ path: P('at'), rule: 'required', message: 'Please enter the time, for example 14:30.' });
    else if (at.getTime() > Date.now() + 60_000) found.push({ path: P('at'), rule: 'not_future', message: 'The time can’t be later than now.' });
    const body = { kind, name: name.trim(), amount: number(amount), dailyMax: dailyMax.trim() ? number(dailyMax) : null, at: at?.toISOString() };
    const parsed = ComfortPut.safeParse(body);
    if (!parsed.success) for (const i of issuesFrom(parsed.error).map(placed)) if (!found.some((f) => f.path === i.path)) found.push(i);
    setIssues(found);
    if (found.length || !parsed.success) return;

    setBusy(true);
    const id = newId();
    const result = await saveComfort(episodeId, id, parsed.data);
    setBusy(false);
    if (result.status === 'rejected') {
      setIssues(result.rejection.issues?.length ? result.rejection.issues.map(placed) : [{ path: 'comfort', rule: 'rejected', message: result.rejection.message }]);
      return;
    }
    const answered = result.status === 'sent' ? Comfort.safeParse(result.body) : null;
    const entry: ComfortT = answered?.success
      ? answered.data
      : { ...parsed.data, dailyMax: parsed.data.dailyMax ?? null, id, episodeId, createdAt: new Date().toISOString(), overLimit: null };
    onSaved(entry);
    setSaid(`Saved: ${entry.name}, ${entry.amount}, at ${clockTime(new Date(entry.at).getTime(), timeZone)}.`);
    setName('');
    setAmount('');
    setDailyMax('');
    setTime(nowHHMM(timeZone));
  };

  return (
    <section className="card comfort-card" aria-labelledby="comfort-title">
      <h2 id="comfort-title">What helped me move</h2>
      <p>Note a tablet, a cream or gel, a patch, heat or cold — what you used, how much and when. It helps you and your therapist see what works.</p>
      <p className="never-suggests">{NEVER_SUGGESTS}</p>

      {over.map((o) => (
        <div key={o.name} className="card tone-urgent over-limit" role="alert" data-over-limit={o.name}>
          <h3>More than your label’s daily maximum</h3>
          <p>{overLimitWords(o)}</p>
        </div>
      ))}

      <form onSubmit={submit} noValidate aria-labelledby="comfort-title" className="comfort-form">
        <ErrorSummary issues={issues} />
        <ChoiceGroup path={P('kind')} legend="What was it?" choices={COMFORT_KIND_CHOICES} value={kind} onChange={setKind} error={messageFor(issues, P('kind'))} />
        <TextField path={P('name')} label="Name" hint="As on the package, or in your own words." autoComplete="off" maxLength={80} value={name} onChange={setName} error={messageFor(issues, P('name'))} />
        <TextField
          path={P('amount')}
          label="How much?"
          hint={kind ? AMOUNT_HINTS[kind] : 'A number, in the unit on your package.'}
          inputMode="decimal"
          className="narrow"
          value={amount}
          onChange={setAmount}
          error={messageFor(issues, P('amount'))}
        />
        <TextField
          path={P('dailyMax')}
          label="Daily maximum from your own package label (optional)"
          hint="In the same unit. We’ll tell you if a day’s total goes over it."
          inputMode="decimal"
          className="narrow"
          value={dailyMax}
          onChange={setDailyMax}
          error={messageFor(issues, P('dailyMax'))}
        />
        <TextField path={P('at')} label="When? (today)" type="time" className="narrow" value={time} onChange={setTime} error={messageFor(issues, P('at'))} />
        <button type="submit" className="button secondary" disabled={busy}>
          {busy ? 'Saving…' : 'Save this entry'}
        </button>
        <p className="saved-note" role="status">
          {said ?? ''}
        </p>
      </form>

      <h3 id="comfort-today-title">Logged today</h3>
      {todays.length ? (
        <ul className="comfort-list" aria-labelledby="comfort-today-title">
          {todays.map((e) => (
            <li key={e.id} className="comfort-entry" data-comfort-id={e.id}>
              <span className="comfort-time">{clockTime(new Date(e.at).getTime(), timeZone)}</span> <span className="comfort-name">{e.name}</span>{' '}
              <span className="comfort-meta">
                {COMFORT_KIND_WORDS[e.kind]} · {e.amount}
                {e.dailyMax !== null ? ` (label maximum ${e.dailyMax} a day)` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">Nothing logged today. Entries appear here as soon as you save them, even offline.</p>
      )}
    </section>
  );
}
