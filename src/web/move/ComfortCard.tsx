import { useState, type FormEvent } from 'react';
import { overDailyLimits, type OverLimit } from '../../core/comfort/dailyLimits';
import { COMFORT_KIND_RULES, type ComfortKind, type ComfortUnit } from '../../core/comfort/kinds';
import type { ComfortT, Issue } from '../api/client';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { localTimeOf } from '../../core/time';
import { dateIn, instantAt, todayIn } from '../lib/dates';
import { newId } from '../lib/ids';
import { messageFor } from '../lib/issues';
import { comfortIssues, isComfortBody, isStoredRecord } from '../offline/bodies';
import { comfortOf } from '../offline/entries';
import { saveComfort } from '../offline/writes';
import { AMOUNT_QUESTIONS, amountWords, clockTime, COMFORT_KIND_CHOICES, COMFORT_KIND_HINT, COMFORT_KIND_WORDS, HELPED_WORDS, NEVER_SUGGESTS, overLimitWords, unitChoices, unitWord } from '../words/move';
import { HelpedPrompts } from './HelpedPrompt';
import './move.css';

const FIELDS = ['kind', 'name', 'unit', 'amount', 'dailyMax', 'at'] as const;
/** Field paths on this screen: `comfortAmount` for the API's `amount`, so they never clash with other forms' fields. */
const P = (f: string) => `comfort${f.charAt(0).toUpperCase()}${f.slice(1)}`;
const placed = (i: Issue): Issue => ({ ...i, path: (FIELDS as readonly string[]).includes(i.path.split('.')[0] ?? '') ? P(i.path.split('.')[0] ?? '') : i.path });

function nowHHMM(timeZone: string): string {
  return localTimeOf(Date.now(), timeZone);
}

const number = (text: string) => Number(text.trim().replace(',', '.'));

/** Today's days over the person's own label maximum: from the server's answers, and worked out here for entries still waiting. */
export function todaysOverLimits(entries: readonly ComfortT[], timeZone: string): OverLimit[] {
  const today = todayIn(timeZone);
  const local = overDailyLimits(entries, timeZone).filter((o) => o.date === today);
  const fromServer = entries.flatMap((e) => (e.overLimit && e.overLimit.date === today ? [e.overLimit] : []));
  const byName = new Map<string, OverLimit>();
  for (const o of [...fromServer, ...local]) byName.set(`${o.name.trim().toLocaleLowerCase('en')}\u0000${o.unit ?? ''}`, o);
  return [...byName.values()];
}

/** One entry's amount as a person reads it: "Heat · 20 minutes (label maximum 3 tablets a day)". */
export function comfortMeta(e: Pick<ComfortT, 'kind' | 'amount' | 'unit' | 'dailyMax'>): string {
  const max = e.dailyMax !== null ? ` (label maximum ${amountWords(e.dailyMax, e.unit)} a day)` : '';
  return `${COMFORT_KIND_WORDS[e.kind].label} · ${amountWords(e.amount, e.unit)}${max}`;
}

/** What helped me move: a private log of heat, cold, a walking aid, creams, patches or tablets. Logged, never suggested. */
export function ComfortCard({ episodeId, timeZone, entries, onSaved }: { episodeId: string; timeZone: string; entries: readonly ComfortT[]; onSaved: (entry: ComfortT) => void }) {
  const [kind, setKindState] = useState<ComfortKind | undefined>();
  const [unit, setUnit] = useState<ComfortUnit | undefined>();
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
  const rule = kind ? COMFORT_KIND_RULES[kind] : null;
  const units = rule?.units ?? [];

  const setKind = (k: ComfortKind) => {
    setKindState(k);
    // A kind with one unit needs no question; a kind with a choice starts with its usual unit.
    setUnit(COMFORT_KIND_RULES[k].units[0]);
    if (!COMFORT_KIND_RULES[k].hasLabel) setDailyMax('');
  };

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
    const withMax = rule?.hasLabel && dailyMax.trim() ? number(dailyMax) : null;
    const body = { kind, name: name.trim(), amount: number(amount), unit, dailyMax: withMax, at: at?.toISOString() };
    // The contract's rules and messages, without loading it (offline/bodies.ts); the server checks the write again.
    const problems = comfortIssues(body);
    for (const i of problems.map(placed)) if (!found.some((f) => f.path === i.path)) found.push(i);
    setIssues(found);
    if (found.length || problems.length || !isComfortBody(body)) return;

    setBusy(true);
    const id = newId();
    const result = await saveComfort(episodeId, id, body);
    setBusy(false);
    if (result.status === 'rejected') {
      setIssues(result.rejection.issues?.length ? result.rejection.issues.map(placed) : [{ path: 'comfort', rule: 'rejected', message: result.rejection.message }]);
      return;
    }
    const answered = result.status === 'sent' && isStoredRecord(result.body, 'comfort') ? (result.body as ComfortT) : null;
    const entry: ComfortT = answered ?? comfortOf(id, episodeId, body, Date.now());
    onSaved(entry);
    setSaid(`Saved: ${entry.name}, ${amountWords(entry.amount, entry.unit)}, at ${clockTime(new Date(entry.at).getTime(), timeZone)}. We’ll ask later today whether it helped.`);
    setName('');
    setAmount('');
    setDailyMax('');
    setTime(nowHHMM(timeZone));
  };

  return (
    <section className="card comfort-card" aria-labelledby="comfort-title">
      <h2 id="comfort-title">What helped me move</h2>
      <p>Note heat, cold, a walking aid, a cream, a patch or a tablet — what you used, how much and when. Later today we’ll ask whether it helped, so you and your therapist can see what works.</p>
      <p className="never-suggests">{NEVER_SUGGESTS}</p>

      {over.map((o) => (
        <div key={`${o.name}-${o.unit ?? ''}`} className="card tone-urgent over-limit" role="alert" data-over-limit={o.name}>
          <h3>More than your label’s daily maximum</h3>
          <p>{overLimitWords(o)}</p>
        </div>
      ))}

      <HelpedPrompts episodeId={episodeId} timeZone={timeZone} entries={entries} onSaved={onSaved} />

      <form onSubmit={submit} noValidate aria-labelledby="comfort-title" className="comfort-form">
        <ErrorSummary issues={issues} />
        <ChoiceGroup path={P('kind')} legend="What was it?" hint={COMFORT_KIND_HINT} choices={COMFORT_KIND_CHOICES} value={kind} onChange={setKind} error={messageFor(issues, P('kind'))} />
        <TextField path={P('name')} label="Name" hint="As on the package, or in your own words." autoComplete="off" maxLength={80} value={name} onChange={setName} error={messageFor(issues, P('name'))} />
        {units.length > 1 ? <ChoiceGroup path={P('unit')} legend="Counted in" choices={unitChoices(units)} value={unit} onChange={setUnit} error={messageFor(issues, P('unit'))} /> : null}
        <TextField
          path={P('amount')}
          label={unit ? AMOUNT_QUESTIONS[unit] : 'How much?'}
          hint={unit ? undefined : 'Choose what it was first, and we’ll ask in the right unit.'}
          inputMode="decimal"
          className="narrow"
          value={amount}
          onChange={setAmount}
          error={messageFor(issues, P('amount'))}
        />
        {rule?.hasLabel && unit ? (
          <TextField
            path={P('dailyMax')}
            label="Daily maximum from your own package label (optional)"
            hint={`In ${unitWord(unit)}, as on the label. We’ll tell you if a day’s total goes over it.`}
            inputMode="decimal"
            className="narrow"
            value={dailyMax}
            onChange={setDailyMax}
            error={messageFor(issues, P('dailyMax'))}
          />
        ) : null}
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
              <span className="comfort-meta">{comfortMeta(e)}</span>
              {e.helped ? <span className="comfort-helped"> Did it help? {HELPED_WORDS[e.helped]}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">Nothing logged today. Entries appear here as soon as you save them, even offline.</p>
      )}
    </section>
  );
}
