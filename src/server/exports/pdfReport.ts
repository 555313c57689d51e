import PDFDocument from 'pdfkit';
import type { Episode, Me, PlanEdit, Progress, Today } from '../../contract';
import { isRegionId, regionById } from '../../core/body/regions';
import { exerciseById } from '../../core/exercises';
import { STAGE_LABELS } from '../../core/plan/stages';
import { RULE_WORDS } from '../../web/words/triage';

/**
 * A clinician-ready summary of one episode, drawn with pdfkit's built-in fonts (nothing is fetched). Every figure
 * comes from what the person recorded and the Progress and Today answers the app itself shows them.
 */
export interface PdfReportInput {
  account: Me;
  episode: Episode;
  /** Safety results in time order: the start's, then any a check-in asked again. */
  triageHistory: { at: string; source: 'start' | 'check-in'; triage: Episode['triage'] }[];
  progress: Progress;
  today: Today;
  /** The changes a physical therapist the person invited made to the plan, still in force, oldest first. */
  planEdits: readonly PlanEdit[];
  now: Date;
}

export const DISCLAIMER =
  'Unclench is a self-care coach, not a medical device. It does not diagnose, treat or prescribe. This report shows what the person recorded in the app; it is not a clinical assessment.';

const INK = '#1f2a30';
const MUTED = '#5b6770';
const LINE = '#c9d1d6';
const NOW_COLOUR = '#1d5f8a';
const WORST_COLOUR = '#b5542a';
const GOAL_COLOURS = ['#1d5f8a', '#b5542a', '#3c7a3a', '#7a4a9a', '#8a6d1d'];
const MARGIN = 50;

const TRIAGE_WORDS: Record<Episode['triage']['level'], string> = {
  emergency: 'Emergency signs: told to get emergency help now',
  'urgent-doctor': 'Advised to see a doctor',
  'self-care': 'No warning signs: self-care',
};
const TIMEFRAME_WORDS = { now: 'now', within_24h: 'within 24 hours', within_1_week: 'within a week' } as const;

const regionLabel = (id: string) => (isRegionId(id) ? regionById(id).label : id);
const day = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDay = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export function renderPdfReport(input: PdfReportInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: 'Unclench recovery summary', Creator: 'Unclench' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  header(doc, input);
  triageSection(doc, input);
  painChart(doc, input.progress);
  functionChart(doc, input.progress);
  bodyMapSection(doc, input.progress);
  whatHelpedSection(doc, input.progress);
  stagesSection(doc, input.progress);
  planSection(doc, input.today);
  therapistSection(doc, input.planEdits);
  footers(doc);
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;
const width = (doc: Doc) => doc.page.width - 2 * MARGIN;

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - MARGIN - 30) doc.addPage();
}

function heading(doc: Doc, text: string, room = 60) {
  ensureRoom(doc, room);
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(INK).text(text, MARGIN, doc.y);
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor(INK);
}

function header(doc: Doc, { account, episode, progress, now }: PdfReportInput) {
  doc.font('Helvetica-Bold').fontSize(20).fillColor(INK).text('Recovery summary');
  doc.font('Helvetica').fontSize(10).fillColor(MUTED).text('From Unclench, a self-care coach for an acute back spasm');
  doc.moveDown(0.6).fillColor(INK).fontSize(10);
  const who = account.email ? `Account: ${account.email}` : 'Guest account (no name or email kept)';
  doc.text(who);
  doc.text(`Episode began: ${day(episode.onsetDate)}   ·   Report made: ${day(now.toISOString())}`);
  doc.text(`Where it hurt at the start: ${episode.regions.map(regionLabel).join(', ') || 'not given'}; pain ${episode.painNow}/10`);
  const boxTop = doc.y + 8;
  doc.font('Helvetica').fontSize(9);
  const boxHeight = doc.heightOfString(DISCLAIMER, { width: width(doc) - 20 }) + 14;
  doc.roundedRect(MARGIN, boxTop, width(doc), boxHeight, 4).lineWidth(0.8).strokeColor(LINE).stroke();
  doc.fillColor(INK).text(DISCLAIMER, MARGIN + 10, boxTop + 7, { width: width(doc) - 20 });
  doc.y = boxTop + boxHeight + 4;
  if (progress.summary.length) {
    heading(doc, 'In short (as the app told the person)');
    for (const line of progress.summary) doc.text(`•  ${line}`, { width: width(doc) });
  }
}

function triageSection(doc: Doc, { triageHistory }: PdfReportInput) {
  heading(doc, 'Safety questions');
  for (const { at, source, triage } of triageHistory) {
    const when = triage.level === 'urgent-doctor' && triage.timeframe ? ` ${TIMEFRAME_WORDS[triage.timeframe]}` : '';
    doc.text(`${shortDay(at)}, ${source === 'start' ? 'at the start' : 'asked again at a check-in'}: ${TRIAGE_WORDS[triage.level]}${when}`, { width: width(doc) });
    // The same words the app showed the person for each rule that was met, never the rule's id.
    for (const rule of triage.triggeredRules) doc.text(`–  ${RULE_WORDS[rule]}`, MARGIN + 12, undefined, { width: width(doc) - 12 });
    doc.x = MARGIN;
  }
}

interface Series {
  label: string;
  colour: string;
  dash?: boolean;
  points: { date: string; value: number | null }[];
}

/** A line chart over the episode's days, 0 to 10 on the left. */
function lineChart(doc: Doc, title: string, dates: string[], series: Series[], caption: string) {
  const height = 150;
  heading(doc, title, height + 70);
  const top = doc.y + 4;
  const left = MARGIN + 24;
  const chartWidth = width(doc) - 30;
  const bottom = top + height;
  const x = (i: number) => left + (dates.length <= 1 ? chartWidth / 2 : (i * chartWidth) / (dates.length - 1));
  const y = (v: number) => bottom - (v / 10) * height;
  doc.fontSize(8).fillColor(MUTED);
  for (const v of [0, 2, 4, 6, 8, 10]) {
    doc.moveTo(left, y(v)).lineTo(left + chartWidth, y(v)).lineWidth(0.4).strokeColor(LINE).stroke();
    doc.text(String(v), MARGIN, y(v) - 4, { width: 18, align: 'right' });
  }
  const step = Math.max(1, Math.ceil(dates.length / 8));
  dates.forEach((d, i) => {
    if (i % step === 0 || i === dates.length - 1) doc.text(shortDay(d), x(i) - 20, bottom + 4, { width: 40, align: 'center' });
  });
  for (const s of series) {
    const index = new Map(dates.map((d, i) => [d, i]));
    let drawing = false;
    for (const p of s.points) {
      const i = index.get(p.date);
      if (i === undefined || p.value === null) {
        drawing = false;
        continue;
      }
      if (drawing) doc.lineTo(x(i), y(p.value));
      else doc.moveTo(x(i), y(p.value));
      drawing = true;
    }
    doc.lineWidth(1.6).strokeColor(s.colour);
    if (s.dash) doc.dash(4, { space: 3 });
    doc.stroke().undash();
    for (const p of s.points) {
      const i = index.get(p.date);
      if (i !== undefined && p.value !== null) doc.circle(x(i), y(p.value), 1.8).fillColor(s.colour).fill();
    }
  }
  let legendX = left;
  const legendY = bottom + 18;
  doc.fontSize(9);
  for (const s of series) {
    doc.moveTo(legendX, legendY + 4).lineTo(legendX + 16, legendY + 4).lineWidth(1.6).strokeColor(s.colour);
    if (s.dash) doc.dash(4, { space: 3 });
    doc.stroke().undash();
    doc.fillColor(INK).text(s.label, legendX + 20, legendY, { lineBreak: false });
    legendX += 30 + doc.widthOfString(s.label);
  }
  doc.fillColor(MUTED).fontSize(8).text(caption, MARGIN, legendY + 16, { width: width(doc) });
  doc.fillColor(INK).fontSize(10);
}

function painChart(doc: Doc, progress: Progress) {
  const dates = progress.pain.map((p) => p.date);
  lineChart(
    doc,
    'Pain, day by day',
    dates,
    [
      { label: 'Pain now', colour: NOW_COLOUR, points: progress.pain.map((p) => ({ date: p.date, value: p.painNow })) },
      { label: 'Worst in the last 24 hours', colour: WORST_COLOUR, dash: true, points: progress.pain.map((p) => ({ date: p.date, value: p.painWorst })) },
    ],
    '0 no pain, 10 the worst imaginable (the person’s own rating at each daily check-in).',
  );
  if (progress.worstChange) {
    const c = progress.worstChange;
    doc.text(`Worst pain went from ${c.from} (${shortDay(c.fromDate)}) to ${c.to} (${shortDay(c.toDate)}).`, { width: width(doc) });
  }
}

function functionChart(doc: Doc, progress: Progress) {
  if (!progress.functionGoals.length) {
    heading(doc, 'Everyday activities');
    doc.text('No activities were named.');
    return;
  }
  const dates = [...new Set(progress.functionGoals.flatMap((g) => g.ratings.map((r) => r.date)))].sort();
  lineChart(
    doc,
    'Everyday activities the back limits',
    dates,
    progress.functionGoals.map((g, i) => ({ label: g.activity, colour: GOAL_COLOURS[i % GOAL_COLOURS.length] ?? INK, points: g.ratings.map((r) => ({ date: r.date, value: r.rating })) })),
    'The person named each activity and rated it: 0 unable to do it, 10 able to do it as before the back pain.',
  );
}

function bodyMapSection(doc: Doc, progress: Progress) {
  const weeks = progress.bodyMapByWeek;
  heading(doc, 'Where it hurt, week by week', 80);
  if (!weeks.length) {
    doc.text('No body map was recorded.');
    return;
  }
  const regions = [...new Set(weeks.flatMap((w) => w.regions.map((r) => r.region)))];
  const labelWidth = 150;
  const cell = Math.min(60, (width(doc) - labelWidth) / weeks.length);
  const rowHeight = 18;
  ensureRoom(doc, rowHeight * (regions.length + 1) + 30);
  const top = doc.y;
  doc.fontSize(8).fillColor(MUTED);
  weeks.forEach((w, i) => doc.text(`Week of ${shortDay(w.weekStart)}`, MARGIN + labelWidth + i * cell, top, { width: cell, align: 'center' }));
  regions.forEach((region, row) => {
    const rowTop = top + rowHeight * (row + 1);
    doc.fontSize(9).fillColor(INK).text(regionLabel(region), MARGIN, rowTop + 4, { width: labelWidth - 6 });
    weeks.forEach((w, i) => {
      const found = w.regions.find((r) => r.region === region);
      const x = MARGIN + labelWidth + i * cell;
      doc.rect(x + 1, rowTop + 1, cell - 2, rowHeight - 2).lineWidth(0.4).strokeColor(LINE);
      if (found && found.maxPain > 0) {
        doc.fillAndStroke(painShade(found.maxPain), LINE);
        doc.fillColor(found.maxPain >= 7 ? '#ffffff' : INK).text(`${found.maxPain}${found.spasm ? ' S' : ''}`, x, rowTop + 4, { width: cell, align: 'center' });
      } else doc.stroke();
    });
  });
  doc.y = top + rowHeight * (regions.length + 1) + 6;
  doc.fontSize(8).fillColor(MUTED).text('Each cell is the highest pain (0 to 10) the person marked there that week; S means they marked a spasm.', MARGIN, doc.y, { width: width(doc) });
  doc.fontSize(10).fillColor(INK);
}

/** From a pale peach at pain 1 to a deep rust at pain 10, as an RGB triple pdfkit takes. */
function painShade(pain: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, (pain - 1) / 9));
  const from = [253, 232, 216];
  const to = [150, 60, 25];
  return [0, 1, 2].map((i) => Math.round((from[i] ?? 0) + ((to[i] ?? 0) - (from[i] ?? 0)) * t)) as [number, number, number];
}

function whatHelpedSection(doc: Doc, progress: Progress) {
  heading(doc, 'What helped');
  if (progress.whatHelped.length) {
    for (const h of progress.whatHelped) doc.text(`•  ${h.name}: helped ${h.yes}, a little ${h.aLittle}, did not help ${h.no}`, { width: width(doc) });
  } else doc.text('No answers to “did it help?” yet.');
  const walked = progress.activity.reduce((sum, a) => sum + a.walkMinutes, 0);
  const sessions = progress.activity.reduce((sum, a) => sum + a.sessionsDone, 0);
  const breaks = progress.activity.reduce((sum, a) => sum + a.standBreaks, 0);
  doc.text(`Walking: ${Math.round(walked)} minutes in all. Guided sessions done: ${sessions}. Stand-up breaks: ${breaks}.`, { width: width(doc) });
  if (progress.relatedPains.length) {
    doc.moveDown(0.3);
    for (const r of progress.relatedPains) doc.text(`•  ${r.text}`, { width: width(doc) });
  }
}

function stagesSection(doc: Doc, progress: Progress) {
  heading(doc, 'Stages of the plan');
  if (!progress.stages.length) return void doc.text('No stage yet.');
  for (const s of progress.stages) doc.text(`${shortDay(s.date)}: ${STAGE_LABELS[s.stage]}. ${s.reason.text}`, { width: width(doc) });
}

function planSection(doc: Doc, today: Today) {
  heading(doc, `Current plan (${day(today.date)})`);
  if (today.stage) doc.text(`Stage: ${STAGE_LABELS[today.stage]}`);
  if (!today.plan.length) doc.text('No plan today: the safety questions come first.');
  for (const item of today.plan) {
    switch (item.kind) {
      case 'lie-flat':
        doc.text(`•  Lie flat to rest: ${item.times} times, ${item.minutes} minutes each`);
        break;
      case 'breathing':
        doc.text(`•  Slow breathing: ${item.minutes} minutes`);
        break;
      case 'posture':
        doc.text(`•  Posture cues: ${item.cues.slice(0, 3).join(' ')}`, { width: width(doc) });
        break;
      case 'walk':
        doc.text(`•  Walks: ${item.walks} of ${item.minutesEach} minutes`);
        break;
      case 'stand-breaks':
        doc.text(`•  Stand up and move every ${item.everyMinutes} minutes while sitting`);
        break;
      case 'session': {
        const names = item.exercises.map((e) => exerciseById(e.exerciseId)?.name ?? e.exerciseId);
        const paused = item.paused ? ' (paused until a clinician has seen them)' : '';
        doc.text(`•  Guided session, ${item.totalMinutes} minutes${paused}${names.length ? `: ${names.join(', ')}` : ''}`, { width: width(doc) });
        break;
      }
      case 'see-doctor':
        doc.text(`•  See a doctor ${TIMEFRAME_WORDS[item.timeframe]}`);
        break;
    }
  }
}

/** Left out when no therapist has changed the plan. */
function therapistSection(doc: Doc, edits: readonly PlanEdit[]) {
  if (!edits.length) return;
  heading(doc, 'Changes from your physical therapist');
  for (const e of edits) doc.text(`${shortDay(e.updatedAt)}, ${e.therapistName}: ${e.text}`, { width: width(doc) });
  doc.moveDown(0.3).fillColor(MUTED).fontSize(8).text('These are the changes still in force; you can undo any of them in the app. Your stage and the safety questions stay as the app works them out.', { width: width(doc) });
  doc.fillColor(INK).fontSize(10);
}

function footers(doc: Doc) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.height - MARGIN + 10;
    doc.page.margins.bottom = 0;
    doc.fontSize(7.5).fillColor(MUTED).text(`${DISCLAIMER}   Page ${i + 1} of ${range.count}`, MARGIN, bottom, { width: width(doc), lineBreak: true });
  }
}
