import { useEffect, useState, type FormEvent } from 'react';
import { checkInPrefill, type CheckInPrefill, type SameAnswers } from '../../core/body/checkInPrefill';
import { painCarriedFromStart } from '../../core/clinical';
import type { Rescreen } from '../../core/clinical/legRecheck';
import { regionById, type RegionId } from '../../core/body/regions';
import { api, ApiError, isApiError, type CheckInT, type EpisodeT, type Issue } from '../api/client';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { EmergencySigns } from '../components/EmergencySigns';
import { ErrorSummary, FormAlert } from '../components/ErrorSummary';
import { PainScale } from '../components/PainScale';
import { BodyMap } from '../bodymap/BodyMap';
import { LegCheck } from '../bodymap/LegCheck';
import { rescreenFrom } from '../bodymap/rescreen';
import { useCheckInMap } from '../bodymap/useCheckInMap';
import { SafetyForm } from '../components/SafetyForm';
import { ActionBar, Screen } from '../components/Screen';
import { TextField } from '../components/TextField';
import { ErrorState, Loading } from '../components/Status';
import { addDays, browserTimeZone, dateIn, instantAt, longDate, todayIn } from '../lib/dates';
import { newId } from '../lib/ids';
import { usePartsShown } from '../lib/nextTask';
import { messageFor } from '../lib/issues';
import { isCheckInBody, isStoredRecord } from '../offline/bodies';
import { checkInOf } from '../offline/entries';
import { checkInWithSafety, saveCheckIn } from '../offline/writes';
import { draftFromAnswers, type SafetyDraft } from '../lib/safetyDraft';
import { checkSafety } from '../lib/safetyCheck';
import { STAND_CHOICES, WALK_CHOICES } from '../words/checkIn';
import { errorWords } from '../words/errors';
import { PAIN_BAND_WORDS } from '../words/pain';
import { nprsBand } from '../../core/clinical';
import './checkIn.css';

type Stand = (typeof STAND_CHOICES)[number]['value'];
type Walk = (typeof WALK_CHOICES)[number]['value'];

const FOR_DAY_CHOICES = [
  { value: 'today', label: 'Today' },
  { value: 'earlier', label: 'An earlier day' },
] as const;
type ForDay = (typeof FOR_DAY_CHOICES)[number]['value'];

/** A check-in for an earlier day is placed at 8 in the evening of that day, local time. */
const EARLIER_DAY_HOUR = 20;
/** The parts of the form drawn after the body map, one per task. */
const LATER_PARTS = 3;
const UNREADABLE = 'Some of these answers could not be read, so nothing was saved. Please look over them and save again.';

const NEW_CHOICES = [
  { value: 'no', label: 'No, nothing new' },
  { value: 'yes', label: 'Yes, something is new or different' },
] as const;

/** The walking choice a number of minutes falls in (the choices' minutes are each band's lower end). */
function walkChoiceOf(minutes: number): (typeof WALK_CHOICES)[number] {
  let found: (typeof WALK_CHOICES)[number] = WALK_CHOICES[0];
  for (const w of WALK_CHOICES) if (w.minutes <= minutes) found = w;
  return found;
}

/** "4 (moderate)": a number with its meaning. */
const painBrief = (n: number) => `${n} (${PAIN_BAND_WORDS[nprsBand(n)]})`;
const standLabel = (v: Stand) => STAND_CHOICES.find((s) => s.value === v)?.label ?? '';

interface Props {
  episode: EpisodeT;
  /** The person's time zone: "today" and the evening of an earlier day are counted in it. */
  timeZone: string | undefined;
  /** After a clinician has seen the person following an emergency: the safety questions must be answered again. */
  recheck: boolean;
  onSaved: (episode: EpisodeT | null, checkIn: CheckInT) => void;
}

interface Loaded {
  history: CheckInT[];
  /** The server's word on a re-screen when it could be asked, else the same rule worked out on this device. */
  rescreen: Rescreen;
}

/** The 30-second daily check-in on one screen: "Same as yesterday", the body map, and a few taps. */
export function CheckIn({ episode, timeZone, recheck, onSaved }: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.listCheckIns(episode.id), api.today(episode.id).then((t) => t.rescreen, () => null)]).then(
      ([history, server]) => {
        if (!cancelled) setLoaded({ history, rescreen: server ?? rescreenFrom(episode, history) });
      },
      (e: unknown) => {
        if (!cancelled) setLoadError(errorWords(isApiError(e) ? e.code : 'server'));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [episode, attempt]);

  const title = recheck ? 'The safety questions, once more' : 'Check in';
  const lead = recheck ? 'Answer as things are now, after your visit.' : 'A few taps. There are no wrong answers.';
  if (loadError)
    return (
      <Screen title={title}>
        <ErrorState
          message={loadError}
          onRetry={() => {
            setLoadError(null);
            setAttempt((n) => n + 1);
          }}
        />
      </Screen>
    );
  if (!loaded)
    return (
      <Screen title={title}>
        <Loading what="Getting your check-in ready…" />
      </Screen>
    );
  return (
    <Screen title={title} lead={lead} className="check-in">
      <CheckInForm episode={episode} timeZone={timeZone} history={loaded.history} rescreen={loaded.rescreen} recheck={recheck} onSaved={onSaved} />
    </Screen>
  );
}

function CheckInForm({ episode, timeZone, history, rescreen, recheck, onSaved }: Props & Loaded) {
  const [checkInId] = useState(newId);
  const today = todayIn(timeZone);
  // Filling a missed day is offered once the episode is older than today (never for the re-check after a visit).
  const canBackdate = !recheck && episode.onsetDate < today;
  const [forDay, setForDay] = useState<ForDay>('today');
  const [day, setDay] = useState(() => (canBackdate ? addDays(today, -1) : today));
  const earlier = canBackdate && forDay === 'earlier';
  const lastSafety = [...history].reverse().find((c) => c.safety)?.safety ?? episode.safety;
  // Where this check-in starts and what "Same as yesterday" answers: the core decides (core/body/checkInPrefill).
  const [prefill] = useState<CheckInPrefill>(() => checkInPrefill(episode, history));

  // Pain is asked once: given with the start today, it is already filled in (core painCarriedFromStart).
  const [painNow, setPainNow] = useState<number | undefined>(() => (recheck ? undefined : painCarriedFromStart(episode, history, today, timeZone ?? browserTimeZone() ?? 'UTC')));
  const [painWorst, setPainWorst] = useState<number>();
  const [stand, setStand] = useState<Stand>();
  const [walk, setWalk] = useState<Walk>();
  const [anythingNew, setAnythingNew] = useState<'yes' | 'no' | undefined>(recheck ? 'yes' : undefined);
  const [safety, setSafety] = useState<SafetyDraft>(() => draftFromAnswers(lastSafety));
  const [sameUsed, setSameUsed] = useState(false);
  // Saving with no place marked asks once whether nothing hurts today.
  const [askedNoPlace, setAskedNoPlace] = useState(false);
  const bodyMap = useCheckInMap(episode, history, prefill);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const dayAt = earlier && /^\d{4}-\d{2}-\d{2}$/.test(day) && day < today ? instantAt(day, EARLIER_DAY_HOUR, 0, timeZone) : null;
  const compareAt = dayAt?.toISOString();
  // New pain in a leg, on this map or on one saved without the leg questions (the re-screen), asks them now.
  const earlierLegs: RegionId[] = rescreen.needed ? rescreen.regions : [];
  const legPlaces = anythingNew === 'yes' ? [] : [...new Set([...earlierLegs, ...bodyMap.newLegs(painNow, compareAt)])];
  const noPlace = !bodyMap.regions(painNow, compareAt).some((r) => r.pain > 0);

  const useSame = (same: SameAnswers) => {
    setPainNow(same.painNow);
    setPainWorst(same.painWorst24h);
    setStand(same.standStraight);
    setWalk(walkChoiceOf(same.walkMinutes).value);
    bodyMap.reset(same.regions);
    if (!recheck) setAnythingNew('no');
    setSameUsed(true);
    setIssues([]);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAlert(null);
    const found: Issue[] = [];
    const choose = 'Please choose an answer.';
    if (painNow === undefined) found.push({ path: 'painNow', rule: 'required', message: 'Please choose a number from 0 to 10.' });
    if (painWorst === undefined) found.push({ path: 'painWorst24h', rule: 'required', message: 'Please choose a number from 0 to 10.' });
    if (!stand) found.push({ path: 'standStraight', rule: 'required', message: choose });
    if (!walk) found.push({ path: 'walkMinutes', rule: 'required', message: choose });
    if (!anythingNew) found.push({ path: 'anythingNew', rule: 'required', message: choose });
    let at = new Date();
    if (earlier) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) found.push({ path: 'at', rule: 'required', message: 'Please choose the day this check-in is for.' });
      else if (day < episode.onsetDate || day > today)
        found.push({ path: 'at', rule: 'within_episode', message: `Please choose a day from ${longDate(episode.onsetDate)} to today.` });
      else if (dayAt) at = dayAt;
    }
    const withSafety = anythingNew === 'yes';
    const checked = withSafety ? checkSafety(safety, painNow ?? 0) : legPlaces.length ? bodyMap.legSafety(lastSafety, painNow) : null;
    if (checked) found.push(...checked.issues);
    const body = {
      at: at.toISOString(),
      painNow,
      painWorst24h: painWorst,
      standStraight: stand,
      walkMinutes: WALK_CHOICES.find((w) => w.value === walk)?.minutes,
      regions: bodyMap.regions(painNow, compareAt),
      ...(checked?.answers ? { safety: checked.answers } : {}),
    };
    // Every answer comes from a control, so with nothing missing the body has the contract's shape (bodies.ts checks
    // it as the contract would); should it not, nothing is sent and the person is told.
    setIssues(found);
    if (found.length) return;
    if (!isCheckInBody(body)) {
      setAlert(UNREADABLE);
      return;
    }
    // (Not on the re-check after a clinician's visit: that screen is for the safety questions, asked once already.)
    if (noPlace && !askedNoPlace && !recheck) {
      setAskedNoPlace(true);
      return;
    }

    setBusy(true);
    try {
      if (body.safety) {
        // New safety answers go to the server at once (it triages them, and the episode is read back so the app
        // reacts). Offline they wait on this device, and every screen says the check will finish when back online.
        const result = await checkInWithSafety(episode.id, checkInId, body);
        if (result.kind === 'saved') onSaved(result.episode, result.checkIn);
        else onSaved(null, checkInOf(checkInId, episode.id, body, Date.now()));
        return;
      }
      // Saved on this device at once and sent through the outbox; the server's answer is used when it comes quickly.
      const result = await saveCheckIn(episode.id, checkInId, body);
      if (result.status === 'rejected') throw new ApiError(result.rejection.status, result.rejection.code, result.rejection.message, result.rejection.issues ?? []);
      const answered = result.status === 'sent' && isStoredRecord(result.body, 'check-in') ? (result.body as CheckInT) : null;
      onSaved(null, answered ?? checkInOf(checkInId, episode.id, body, Date.now()));
    } catch (err) {
      setBusy(false);
      if (isApiError(err) && err.issues.length) {
        setIssues([...err.issues]);
      } else setAlert(errorWords(isApiError(err) ? err.code : 'server'));
    }
  };

  const askingNoPlace = askedNoPlace && noPlace;
  // The body map fills the first screen; the questions below it are drawn in the tasks after, one part each, so a
  // slow phone shows the map (and answers a tap on it) before it has built the whole form.
  const shown = usePartsShown(LATER_PARTS);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="screen-title">
      <ErrorSummary issues={issues} />
      <FormAlert message={alert} />
      {prefill.same && !recheck ? <SameAsBefore same={prefill.same} timeZone={timeZone} today={today} used={sameUsed} onUse={useSame} /> : null}

      <section className="card form-section">
        <BodyMap legend={earlier ? 'Where did it hurt that day?' : 'Where does it hurt today?'} value={bodyMap.map} onChange={bodyMap.setMap} painNow={painNow} error={messageFor(issues, 'regions')} />
      </section>
      {legPlaces.length ? <LegCheck places={legPlaces} earlier={earlierLegs} value={bodyMap.legs} onChange={bodyMap.patchLegs} issues={issues} /> : null}

      {shown > 0 ? (
        <section className="card form-section">
          <PainScale
            path="painNow"
            legend={earlier ? 'How much did it hurt that evening?' : 'How much does it hurt right now?'}
            value={painNow}
            onChange={setPainNow}
            error={messageFor(issues, 'painNow')}
          />
          <PainScale
            path="painWorst24h"
            legend={earlier ? 'And at its worst that day?' : 'And at its worst in the last 24 hours?'}
            value={painWorst}
            onChange={setPainWorst}
            error={messageFor(issues, 'painWorst24h')}
          />
        </section>
      ) : null}
      {shown > 1 ? (
        <section className="card form-section">
          <ChoiceGroup
            path="standStraight"
            legend={earlier ? 'Could you stand up straight?' : 'Can you stand up straight?'}
            choices={STAND_CHOICES}
            value={stand}
            onChange={setStand}
            error={messageFor(issues, 'standStraight')}
          />
          <ChoiceGroup
            path="walkMinutes"
            legend={earlier ? 'How long could you walk comfortably?' : 'How long can you walk comfortably?'}
            choices={WALK_CHOICES}
            layout="column"
            value={walk}
            onChange={setWalk}
            error={messageFor(issues, 'walkMinutes')}
          />
        </section>
      ) : null}

      {shown > 2 && !recheck ? (
        <section className="card form-section">
          <ChoiceGroup
            path="anythingNew"
            legend="Anything new or changed since you last told us?"
            hint="For example new numbness, new leg symptoms, a fever, or pain in a new place."
            choices={NEW_CHOICES}
            layout="column"
            value={anythingNew}
            onChange={setAnythingNew}
            error={messageFor(issues, 'anythingNew')}
          />
        </section>
      ) : null}

      {anythingNew === 'yes' ? (
        <div className="recheck">
          <p className="section-intro">{recheck ? 'We’ve filled in your last answers. Change anything that is different now.' : 'Thank you for telling us. We’ve filled in your last answers — change anything that is new.'}</p>
          <SafetyForm draft={safety} onChange={(patch) => setSafety((d) => ({ ...d, ...patch }))} issues={issues} askPain={false} headingLevel={2} />
        </div>
      ) : null}

      {shown > 2 && canBackdate ? (
        <details className="card form-section for-day" open={forDay === 'earlier'}>
          <summary>{earlier && /^\d{4}-\d{2}-\d{2}$/.test(day) ? `This check-in is for ${longDate(day)}` : 'Filling in a day you missed?'}</summary>
          <ChoiceGroup path="forDay" legend="This is for" choices={FOR_DAY_CHOICES} value={forDay} onChange={setForDay} />
          {forDay === 'earlier' ? (
            <TextField
              path="at"
              label="Which day?"
              hint="Answer as things were that day. It is saved for 8 in the evening."
              type="date"
              min={episode.onsetDate}
              max={today}
              className="narrow"
              value={day}
              onChange={setDay}
              error={messageFor(issues, 'at')}
            />
          ) : null}
        </details>
      ) : null}

      {shown > 2 ? <EmergencySigns /> : null}

      <ActionBar>
        {askingNoPlace ? (
          <p className="no-place" role="alert">
            You haven’t marked any place on the body. If nothing hurts today, tap save again.
          </p>
        ) : null}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Saving…' : askingNoPlace ? 'Save: nothing hurts today' : 'Save check-in'}
        </button>
      </ActionBar>
    </form>
  );
}

/** "Same as yesterday": last time's answers in words, and one tap that answers everything the same way. */
function SameAsBefore({ same, timeZone, today, used, onUse }: { same: SameAnswers; timeZone: string | undefined; today: string; used: boolean; onUse: (s: SameAnswers) => void }) {
  const day = dateIn(new Date(same.from), timeZone);
  const when = day === addDays(today, -1) ? 'yesterday' : day === today ? 'earlier today' : 'last time';
  const places = same.regions.map((r) => `${regionById(r.region).label} (${r.pain})`).join(', ');
  return (
    <section className="card same-as" aria-labelledby="same-title" data-testid="same-as">
      <h2 id="same-title">Same as {when}?</h2>
      <p className="same-summary">
        {when === 'last time' ? `On ${longDate(day)} pain was` : 'Pain was'} {painBrief(same.painNow)}, and {painBrief(same.painWorst24h)} at its worst. Standing up straight:{' '}
        {standLabel(same.standStraight)}. Walking comfortably: {walkChoiceOf(same.walkMinutes).label}.{places ? ` Where: ${places}.` : ' No places marked.'}
      </p>
      <button type="button" className={`button secondary same-button${used ? ' is-used' : ''}`} onClick={() => onUse(same)}>
        Same as {when}
      </button>
      <p className="same-done" role="status">
        {used ? 'Filled in. Change anything that is different, then save.' : ''}
      </p>
    </section>
  );
}
