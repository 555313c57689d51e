import { memo, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isRegionId, regionById, type RegionId } from '../../core/body/regions';
import { STAGE_LABELS } from '../../core/plan/stages';
import { api, isApiError, type EpisodeT, type ProgressT } from '../api/client';
import { BodyFigures, type ShownMap } from '../bodymap/BodyFigure';
import { Card } from '../components/Card';
import { Screen } from '../components/Screen';
import { ErrorState, Loading } from '../components/Status';
import { longDate } from '../lib/dates';
import { usePartsShown } from '../lib/nextTask';
import { Link } from '../lib/router';
import { Chart, type ChartSpec } from '../progress/Chart';
import {
  activityFacts,
  activitySummary,
  dayLabel,
  hasCheckIns,
  hasLongPoints,
  helpedWords,
  IMPROVEMENT_RULE_WORDS,
  isRealImprovement,
  latestPain,
  painSeries,
  perDay,
  pointLabel,
  psfsChangeWords,
  weekTitle,
  worstChangeWords,
} from '../progress/series';
import { errorWords } from '../words/errors';
import { durationWords } from '../words/move';
import { PRINCIPLE_WORDS } from '../words/plan';
import '../progress/progress.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; progress: ProgressT };

/** Progress: the plain-words summary first, then pain, activities, moving, stages, the body map by week, and the usual course. */
export function Progress({ episode }: { episode: EpisodeT }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api.progress(episode.id).then(
      (progress) => {
        if (!cancelled) setState({ status: 'ready', progress });
      },
      (e: unknown) => {
        if (!cancelled) setState({ status: 'error', message: errorWords(isApiError(e) ? e.code : 'server') });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [episode.id, attempt]);

  if (state.status === 'loading')
    return (
      <Screen title="Your progress">
        <Loading what="Gathering your progress…" />
      </Screen>
    );
  if (state.status === 'error')
    return (
      <Screen title="Your progress">
        <ErrorState
          message={`We couldn’t load your progress. ${state.message}`}
          onRetry={() => {
            setState({ status: 'loading' });
            setAttempt((n) => n + 1);
          }}
        />
      </Screen>
    );
  return <ProgressView progress={state.progress} />;
}

/** The sections drawn after the first paint, one per task. */
const LATER_SECTIONS = 6;

// Shown one per task, every section already there would otherwise be drawn again at each step; memo keeps each
// step to the one new section.
const Pain = memo(PainSection);
const FunctionGoals = memo(FunctionSection);
const Activity = memo(ActivitySection);
const Helped = memo(HelpedSection);
const Stages = memo(StagesSection);
const Body = memo(BodySection);
const Expectation = memo(ExpectationSection);

function ProgressView({ progress: p }: { progress: ProgressT }) {
  const any = hasCheckIns(p);
  // The summary and pain first; each section below follows in a task of its own, so no one long render holds up the
  // first paint (or a tap) on a slow phone.
  const shown = usePartsShown(LATER_SECTIONS);
  return (
    <Screen title="Your progress" lead={`Since ${longDate(p.onsetDate)}. Little by little counts.`} className="progress-screen">
      <section className="card progress-summary" aria-labelledby="summary-title">
        <h2 id="summary-title">In a few words</h2>
        {p.summary.map((line, i) => (
          <p key={i} className={i === 0 ? 'summary-first' : undefined}>
            {line}
          </p>
        ))}
      </section>

      {p.reviews.length ? (
        <section aria-labelledby="reviews-title">
          <h2 id="reviews-title">A suggestion</h2>
          {p.reviews.map((r) => (
            <Card key={r.code} tone="gentle">
              <p data-reason-code={r.code}>{r.text}</p>
              <p className="principle">
                <span className="principle-label">Principle:</span> {PRINCIPLE_WORDS[r.principle]}
              </p>
            </Card>
          ))}
        </section>
      ) : null}

      {any ? <Pain p={p} /> : <EmptySection title="Pain over time" text="Your pain will be drawn here, day by day, from your check-ins." />}
      {shown > 0 ? <FunctionGoals p={p} /> : null}
      {shown > 1 && any ? <Activity p={p} /> : null}
      {shown > 2 ? <Helped p={p} /> : null}
      {shown > 3 ? <Stages p={p} /> : null}
      {shown > 4 ? <Body p={p} /> : null}
      {shown > 5 ? (
        <>
          <Expectation p={p} />
          <p className="secondary-action">
            <Link to="/today">Back to today</Link>
          </p>
        </>
      ) : null}
    </Screen>
  );
}

function EmptySection({ title, text, children }: { title: string; text: string; children?: ReactNode }) {
  return (
    <Card title={title}>
      <p className="empty">{text}</p>
      {children}
    </Card>
  );
}

/** A table of the same numbers as a chart, behind "Show as a table". */
function ChartTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <details className="chart-table">
      <summary>Show as a table</summary>
      {/* Focusable, so a keyboard can scroll a wide table sideways. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

const dash = (n: number | null) => (n === null ? '–' : String(n));

/** Said under a chart whose earlier points cover a week or more. */
const LONG_POINTS_NOTE = 'The last 12 weeks show each day. Before that, each point is a week, and before the last year four weeks or more, so the chart stays easy to read.';

function PainSection({ p }: { p: ProgressT }) {
  const s = useMemo(() => painSeries(p), [p]);
  const spec = useMemo<ChartSpec>(
    () => ({
      days: s.days,
      spans: s.spans,
      yMax: 10,
      series: [
        { label: 'Pain now', values: s.now, style: 'line', colour: 'now' },
        { label: 'Worst in the day', values: s.worst, style: 'thin', colour: 'worst' },
        { label: 'The usual course', values: s.typical, style: 'dashed', colour: 'typical' },
        ...(s.line ? [{ label: 'A real improvement: at or below this line', values: s.line, style: 'dotted' as const, colour: 'mcid' as const }] : []),
      ],
    }),
    [s],
  );
  const now = latestPain(p.pain);
  const long = hasLongPoints(p.pain);
  const change = p.worstChange;
  const real = isRealImprovement(change);
  return (
    <section className="card" aria-labelledby="pain-title">
      <h2 id="pain-title">Pain over time</h2>
      {now ? (
        <p>
          Your pain now: <strong>{now.words}</strong>.
        </p>
      ) : null}
      {change ? <p>{worstChangeWords(change)}</p> : null}
      {real ? (
        <p className="mcid" data-testid="mcid">
          <span className="mcid-mark" aria-hidden="true">
            ✓
          </span>{' '}
          A real improvement: {IMPROVEMENT_RULE_WORDS}
        </p>
      ) : change && change.change > 0 ? (
        <p className="muted-note">A change counts as a real improvement from {IMPROVEMENT_RULE_WORDS} less; you are on the way.</p>
      ) : null}
      <Chart spec={spec} name="pain" />
      <p className="chart-note">
        The dashed line is how pain usually eases for someone who started where you did (Menezes Costa et al., 2012). Yours can wander above and below it.
      </p>
      {long ? <p className="chart-note">{LONG_POINTS_NOTE}</p> : null}
      <ChartTable
        caption={long ? 'Pain each day, and before the last 12 weeks the average over each week or four weeks, 0 to 10' : 'Pain each day, 0 to 10'}
        head={[long ? 'When' : 'Day', 'Pain now', 'Worst', 'Usual course']}
        rows={p.pain.map((d) => [pointLabel(d), dash(d.painNow), dash(d.painWorst), dash(d.typical)])}
      />
    </section>
  );
}

function FunctionSection({ p }: { p: ProgressT }) {
  const spec = useMemo<ChartSpec | null>(() => {
    if (p.functionMean.length < 2) return null;
    return { days: p.functionMean.map((m) => m.date), yMax: 10, series: [{ label: 'Your activities, on average', values: p.functionMean.map((m) => m.score), style: 'line', colour: 'psfs' }] };
  }, [p]);
  if (!p.functionGoals.length)
    return (
      <EmptySection title="Everyday activities" text="Name a few everyday things your back makes hard — putting on socks, lifting a child — and watch them get easier.">
        <p className="secondary-action">
          <Link to="/goals">Choose your activities</Link>
        </p>
      </EmptySection>
    );
  const mean = p.functionMean[p.functionMean.length - 1];
  return (
    <section className="card" aria-labelledby="function-title">
      <h2 id="function-title">Everyday activities</h2>
      <p className="hint">0 means you can’t do it; 10 means as well as before your back pain.</p>
      <ul className="goal-progress">
        {p.functionGoals.map((g) => {
          const last = g.ratings[g.ratings.length - 1];
          const first = g.ratings[0];
          return (
            <li key={g.id}>
              <span className="goal-name">{g.activity}</span>
              {last ? (
                <>
                  <span className="goal-bar" aria-hidden="true">
                    <span className={`goal-fill fill-${Math.round(last.rating)}`} />
                  </span>
                  <span className="goal-now">
                    {last.rating} out of 10{first && first !== last ? `, from ${first.rating} on ${dayLabel(first.date)}` : ''}.
                  </span>
                  <span className="goal-change">{psfsChangeWords(g.change)}</span>
                </>
              ) : (
                <span className="goal-now">Not rated yet.</span>
              )}
            </li>
          );
        })}
      </ul>
      {mean ? (
        <p>
          On average: <strong>{mean.score} out of 10</strong>. {p.functionChange ? psfsChangeWords(p.functionChange) : ''}
        </p>
      ) : null}
      {spec ? (
        <>
          <Chart spec={spec} name="function" />
          <ChartTable caption="Your activities on average, 0 to 10" head={['Day', 'Average']} rows={p.functionMean.map((m) => [dayLabel(m.date), m.score])} />
        </>
      ) : null}
      <p className="chart-note">A change of 1.3 points or more is one people notice (Abbott &amp; Schmitt, 2014).</p>
      <p className="secondary-action">
        <Link to="/goals">Rate your activities</Link>
      </p>
    </section>
  );
}

function ActivitySection({ p }: { p: ProgressT }) {
  const sum = activitySummary(p.activity);
  const long = hasLongPoints(p.activity);
  const spec = useMemo<ChartSpec>(
    () => ({
      days: p.activity.map((d) => d.date),
      spans: p.activity.map((d) => d.days),
      yMax: null,
      series: [
        { label: long ? 'Minutes walked a day' : 'Minutes walked', values: p.activity.map((d) => perDay(d.walkMinutes, d.days)), style: 'bars', colour: 'walk' },
        { label: 'Walking goal', values: p.activity.map((d) => perDay(d.walkGoalMinutes, d.days)), style: 'dashed', colour: 'goal' },
        { label: long ? 'Stand-up breaks a day' : 'Stand-up breaks', values: p.activity.map((d) => perDay(d.standBreaks, d.days)), style: 'thin', colour: 'breaks' },
      ],
    }),
    [p, long],
  );
  return (
    <section className="card" aria-labelledby="activity-title">
      <h2 id="activity-title">Moving</h2>
      <ul className="activity-facts">
        {activityFacts(sum).map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      <Chart spec={spec} name="activity" />
      {long ? <p className="chart-note">{LONG_POINTS_NOTE} Where a point is a week or more, the chart shows the daily average and the table the totals.</p> : null}
      <ChartTable
        caption={long ? 'Moving each day, and before the last 12 weeks the totals over each week or four weeks' : 'Moving each day'}
        head={[long ? 'When' : 'Day', 'Walked', 'Walk planned', 'Sessions done', long ? 'Days with a session planned' : 'Session planned', 'Stand-up breaks']}
        rows={p.activity.map((d) => [
          pointLabel(d),
          d.walkMinutes > 0 ? durationWords(d.walkMinutes * 60) : '–',
          d.walkGoalMinutes > 0 ? durationWords(d.walkGoalMinutes * 60) : '–',
          d.sessionsDone,
          d.days === 1 ? (d.sessionsPlanned > 0 ? 'Yes' : 'No') : d.sessionsPlanned,
          d.standBreaks,
        ])}
      />
    </section>
  );
}

/** What helped, from the "Did it help?" answers on Move. Only the person's own answers; never a suggestion. */
function HelpedSection({ p }: { p: ProgressT }) {
  return (
    <section className="card" aria-labelledby="helped-title">
      <h2 id="helped-title">What helped you move</h2>
      {p.whatHelped.length ? (
        <ul className="what-helped">
          {p.whatHelped.map((h) => (
            <li key={h.name} data-helped={h.name}>
              {helpedWords(h)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">When you log heat, a walking aid or anything else on Move, we ask later that day whether it helped. Your answers gather here.</p>
      )}
      <p className="secondary-action">
        <Link to="/move">Log what you used</Link>
      </p>
    </section>
  );
}

function StagesSection({ p }: { p: ProgressT }) {
  if (!p.stages.length) return null;
  return (
    <section className="card" aria-labelledby="stages-title">
      <h2 id="stages-title">Your stages</h2>
      <ol className="stage-timeline">
        {p.stages.map((s) => (
          <li key={`${s.date}-${s.stage}`} data-stage={s.stage}>
            <p className="stage-when">
              {longDate(s.date)}: {s.from ? `${STAGE_LABELS[s.from]} → ${STAGE_LABELS[s.stage]}` : `started in ${STAGE_LABELS[s.stage]}`}
            </p>
            <p data-reason-code={s.reason.code}>{s.reason.text}</p>
          </li>
        ))}
      </ol>
      {p.stagesEarlier > 0 ? <p className="chart-note">These are your latest {p.stages.length} changes of stage; before them your stage changed {p.stagesEarlier === 1 ? 'once' : `${p.stagesEarlier} times`} more.</p> : null}
    </section>
  );
}

function shownOf(regions: ProgressT['bodyMapByWeek'][number]['regions']): ShownMap {
  const shown: ShownMap = {};
  for (const r of regions) if (isRegionId(r.region) && r.maxPain > 0) shown[r.region] = { pain: r.maxPain, spasm: r.spasm };
  return shown;
}

function BodySection({ p }: { p: ProgressT }) {
  return (
    <section className="card" aria-labelledby="body-title">
      <h2 id="body-title">Where it hurt, week by week</h2>
      {p.relatedPains.length ? (
        <div className="related-pains">
          {p.relatedPains.map((r) => (
            <p key={r.region} data-region={r.region}>
              {r.text}
            </p>
          ))}
          <p className="chart-note">The back connects to the neck, hips and legs, so pain can travel. Your plan adds gentle care for the new place.</p>
        </div>
      ) : null}
      {p.askAboutLegs ? (
        <Card tone="gentle" headingLevel={3} title="Pain in your legs" id="legs-note">
          <p>
            If both legs feel numb or tingly, a leg gets weaker, the skin around your bottom or genitals feels numb, or peeing or pooing changes, get
            help at once. Otherwise, tell us how your legs are at your next check-in.
          </p>
        </Card>
      ) : null}
      {p.bodyMapByWeek.length ? (
        <ul className="bm-weeks">
          {p.bodyMapByWeek.map((w) => {
            const painful = w.regions.filter((r): r is typeof r & { region: RegionId } => r.maxPain > 0 && isRegionId(r.region)).sort((a, b) => b.maxPain - a.maxPain);
            return (
              <li key={w.weekStart} className="bm-week">
                <h3>{weekTitle(w.weekStart, p.onsetDate)}</h3>
                <BodyFigures regions={shownOf(w.regions)} size="small" />
                {painful.length ? (
                  <ul>
                    {painful.map((r) => (
                      <li key={r.region}>
                        {regionById(r.region).label}: {r.maxPain}
                        {r.spasm ? ', spasm' : ''}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>No pain marked.</p>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {p.bodyMapEarlierWeeks > 0 ? (
        <p className="chart-note">
          These are the latest {p.bodyMapByWeek.length} weeks you marked where it hurt; {p.bodyMapEarlierWeeks === 1 ? 'one earlier week is' : `${p.bodyMapEarlierWeeks} earlier weeks are`} not shown.
        </p>
      ) : null}
      {p.bodyMapByWeek.length ? null : (
        <p className="empty">Each week’s body map will appear here once you mark where it hurts in a check-in.</p>
      )}
    </section>
  );
}

function ExpectationSection({ p }: { p: ProgressT }) {
  return (
    <section className="card" aria-labelledby="usual-title">
      <h2 id="usual-title">How recovery usually goes</h2>
      <p>{p.expectation.text}</p>
      <h3>Where this comes from</h3>
      <ul className="sources">
        {p.expectation.sources.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </section>
  );
}
