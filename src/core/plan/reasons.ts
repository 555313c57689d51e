import { muscleById, type BodyArea, type MuscleId } from '../body';
import type { PainMonitoringRule } from '../clinical';
import type { Timeframe } from '../clinical/triage';
import { STAGE_LABELS, type StageId } from './stages';
import type { FlareEvent } from './flare';
import { STAGE_ENTRY, STAGE_HOLD, type CriterionId, type StageCriteria, type StageDecision } from './stage';
import type { CheckInData, PostureCueGroup, Principle, Reason } from './types';

/**
 * Every sentence the engine shows a person, in one place: plain, calm, kind, second person.
 * No blame, no diagnosis, no medicine advice. Codes are stable; texts may be reworded.
 */

function reason(code: string, principle: Principle, text: string): Reason {
  return { code, principle, text };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** "a", "a and b", "a, b and c". */
function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function minutes(n: number): string {
  const rounded = Math.round(n);
  return rounded === 1 ? '1 minute' : `${rounded} minutes`;
}

// ───────────────────────────── stages ─────────────────────────────

const STAGE_WHAT: Record<StageId, string> = {
  settle: 'short rests lying flat, slow breathing, gentle pelvic tilts, and getting up for a few steps often',
  'stand-walk': 'standing tall with your belly muscles doing the work, and short walks on flat, safe ground that lengthen day by day',
  move: 'gentle whole-body sessions in the style you chose, and longer walks',
  strengthen: 'longer sessions that strengthen what feels weak, stretch what feels tight, and work on balance',
  maintain: 'a short routine a few times a week, with good posture and sitting breaks as everyday habits',
};

/** What a stage needs, as things you can do ("you could stand up straight and walk 10 minutes, with pain now at 5 or less"). */
function criteriaText(c: StageCriteria, verb: 'could' | 'can', only?: readonly CriterionId[]): string {
  const wanted = (id: CriterionId) => !only || only.includes(id);
  const abilities: string[] = [];
  if (wanted('stand') && !c.standStraight.includes('no')) {
    abilities.push(c.standStraight.includes('partly') ? 'stand up, even if not fully straight' : 'stand up straight');
  }
  if (wanted('walk') && c.minWalkMinutes > 0) abilities.push(`walk ${minutes(c.minWalkMinutes)}`);
  const limits: string[] = [];
  if (wanted('pain-now') && c.maxPainNow < 10) limits.push(`pain now at ${c.maxPainNow} or less`);
  if (wanted('pain-worst') && c.maxPainWorst < 10) limits.push(`worst pain at ${c.maxPainWorst} or less`);
  let text = abilities.length > 0 ? `you ${verb} ${listText(abilities)}` : '';
  if (limits.length > 0) text = text ? `${text}, with ${listText(limits)}` : listText(limits);
  return text;
}

/** Why a check-in fell below a stage, in words. */
function fallText(c: CheckInData, unmet: readonly CriterionId[]): string {
  const parts: string[] = [];
  if (unmet.includes('stand')) parts.push(c.standStraight === 'no' ? 'standing up straight was not possible' : 'standing up straight was hard');
  if (unmet.includes('pain-now')) parts.push(`your pain was higher (${c.painNow} out of 10)`);
  if (unmet.includes('pain-worst')) parts.push(`your worst pain was higher (${c.painWorst24h} out of 10)`);
  if (unmet.includes('walk')) parts.push(`walking was shorter (${minutes(c.walkMinutes)})`);
  return listText(parts);
}

export function stageReason(stage: StageId, decision: StageDecision): Reason {
  const label = STAGE_LABELS[stage];
  const what = STAGE_WHAT[stage];
  switch (decision.kind) {
    case 'no-check-in':
      return reason(
        'stage-no-check-in',
        'pacing',
        `You start in ${label}, the gentlest stage: ${what}. A quick check-in lets the plan fit itself to how you are today.`,
      );
    case 'start': {
      const needs = decision.next ? criteriaText(STAGE_ENTRY[decision.next], 'can') : '';
      const next = needs && decision.next ? ` The plan goes on to ${STAGE_LABELS[decision.next]} when two check-ins in a row show ${needs}.` : '';
      return reason('stage-start', 'pacing', `From your first check-in, you start in ${label}: ${what}. Starting gently is part of the plan.${next}`);
    }
    case 'up':
      return reason(
        'stage-up',
        'pacing',
        `On your last two check-ins ${criteriaText(STAGE_ENTRY[stage], 'could')}, so you're now in ${label}: ${what}.`,
      );
    case 'down-criteria':
      return reason(
        'stage-down-criteria',
        'pacing',
        `On your last check-in ${fallText(decision.checkIn, decision.unmet)}, so the plan steps back to ${label} for now: ${what}. Setbacks are common, and the plan moves on again when you are ready.`,
      );
    case 'down-flare':
      return reason(
        'stage-down-flare',
        'pacing',
        `Your pain has stayed up over your last two check-ins, so the plan steps back to ${label} for a few days to let it settle: ${what}. Flares are a normal part of recovery.`,
      );
    case 'ready-but-flare':
      return reason(
        'stage-ready-but-flare',
        'pacing',
        `Your check-ins show you are nearly ready for ${STAGE_LABELS[decision.next]}, but your pain flared in the last two days, so you stay in ${label} a little longer: ${what}.`,
      );
    case 'ready-once':
      return reason(
        'stage-ready-once',
        'pacing',
        `You're in ${label}: ${what}. Your last check-in was ready for ${STAGE_LABELS[decision.next]}; one more like it and the plan moves on.`,
      );
    case 'stay': {
      if (!decision.next) return reason('stage-stay', 'pacing', `You're in ${label}: ${what}. Keep going at your own steady pace.`);
      const entry = STAGE_ENTRY[decision.next];
      const needs = criteriaText(entry, 'can', decision.unmet);
      let tail = needs ? ` The plan goes on to ${STAGE_LABELS[decision.next]} when two check-ins in a row show ${needs}.` : '';
      if (decision.unmet.includes('days')) tail += ` ${STAGE_LABELS[decision.next]} starts ${entry.minDaysSinceOnset} days or more after your back pain began.`;
      return reason('stage-stay', 'pacing', `You're in ${label}: ${what}.${tail}`);
    }
  }
}

/** For screens and docs: what a stage needs to enter, and to stay, as words. */
export function stageCriteriaText(stage: StageId): { entry: string; hold: string } {
  return { entry: criteriaText(STAGE_ENTRY[stage], 'can'), hold: criteriaText(STAGE_HOLD[stage], 'can') };
}

// ───────────────────────────── safety ─────────────────────────────

export function emergencyReason(): Reason {
  return reason(
    'emergency',
    'safety',
    'Some of your answers need medical help now. Please call your local emergency number or go to the nearest emergency department. The exercise plan stops until a doctor has seen you.',
  );
}

export function seeDoctorReason(timeframe: Timeframe): Reason {
  const when =
    timeframe === 'within_1_week'
      ? 'a doctor should see you within the next week. Please book an appointment with your GP.'
      : 'a doctor should see you within 24 hours. Please contact your GP or an urgent care service today.';
  return reason('see-doctor', 'safety', `Some of your answers mean ${when} Most back pain is not serious, but these signs are worth checking.`);
}

export function sessionPausedReason(): Reason {
  return reason(
    'session-paused',
    'safety',
    'Your exercise session is paused until a doctor has checked your back. Gentle walks, short rests lying flat and stand breaks can carry on while they feel comfortable. Once you have been seen, mark it in the app and the session comes back.',
  );
}

export function clinicianSeenReason(): Reason {
  return reason('clinician-seen', 'safety', 'You told us a clinician has seen you. If their advice differs from this plan, follow theirs.');
}

export function gpReviewAdvisedReason(): Reason {
  return reason(
    'gp-review-advised',
    'safety',
    "From your answers, a routine visit to your GP would be a good idea, to talk through your back and how you're coping. It is not urgent.",
  );
}

export function reviewGpReason(weeks: number, baseline: number, now: number): Reason {
  return reason(
    'review-gp-4-weeks',
    'safety',
    `It has been ${weeks} weeks and your pain has not eased yet (${baseline} out of 10 at the start, ${now} now). Some backs take longer, and this is a good time for a routine GP visit to check in.`,
  );
}

export function reviewPhysioReason(weeks: number, baseline: number, now: number): Reason {
  return reason(
    'review-physio-6-weeks',
    'safety',
    `After ${weeks} weeks your pain has not come down as much as it usually does by now (${baseline} out of 10 at the start, ${now} now). A physiotherapist can look at your back and tailor your exercises; it is worth booking a visit.`,
  );
}

// ───────────────────────────── items ─────────────────────────────

export function lieFlatReason(): Reason {
  return reason(
    'lie-flat',
    'posture',
    'Lying on your back with your knees bent for a few minutes lets your spine line up and the tight muscle lengthen. Keep these rests short, then get up and move again.',
  );
}

export function breathingReason(): Reason {
  return reason('breathing', 'posture', 'Slow breaths low into your belly help the muscle that has tightened let go. Try it lying flat or sitting.');
}

/**
 * Posture cues, each under the position it is for, so a cue shown under "When you stand" is about standing.
 * A stage lists its groups in the order a person meets them in the day.
 */
const POSTURE_CUES: Record<StageId, readonly PostureCueGroup[]> = {
  settle: [
    { position: 'lying', cues: ['Lie on your back with your knees bent and your feet flat; let your back rest on the floor.'] },
    { position: 'getting-up', cues: ['To get up, roll onto your side first, then push up with your arms.'] },
    { position: 'standing', cues: ['When you stand, gently draw your belly in.'] },
  ],
  'stand-walk': [
    {
      position: 'standing',
      cues: ['Stand tall: draw your belly button gently in and let your belly muscles hold you, not your back, hips or legs.', 'Keep your shoulders over your hips as you stand.'],
    },
    { position: 'walking', cues: ['Walk slowly on flat, safe ground, with no sudden twists.'] },
  ],
  move: [
    { position: 'standing', cues: ['Stand tall, with your belly muscles lightly on.', 'Keep your shoulders over your hips as you stand.'] },
    { position: 'sitting', cues: ['Sit tall, with your belly muscles lightly on.'] },
    { position: 'exercising', cues: ['Widen each movement a little at a time, and never force it.'] },
  ],
  strengthen: [
    { position: 'lifting', cues: ['Keep your belly muscles lightly on while you lift, carry or bend.', 'Bend with your hips and knees, keeping your back long.'] },
    { position: 'standing', cues: ['Keep your shoulders over your hips as you stand.'] },
    { position: 'sitting', cues: ['Sit tall, with your shoulders over your hips.'] },
  ],
  maintain: [
    { position: 'standing', cues: ['Stand tall, with your shoulders over your hips.'] },
    { position: 'sitting', cues: ['Sit tall, with your shoulders over your hips.', 'Get up and move for a minute or two between long spells of sitting.'] },
    { position: 'habit', cues: ['Keep up a short routine a few times a week, even when your back feels fine.'] },
  ],
};

/** The stage's posture cues, grouped by the position each one is for. */
export function postureCueGroups(stage: StageId): PostureCueGroup[] {
  return POSTURE_CUES[stage].map((g) => ({ position: g.position, cues: [...g.cues] }));
}

/** The same cues in one list, in group order. */
export function postureCues(stage: StageId): string[] {
  return POSTURE_CUES[stage].flatMap((g) => g.cues);
}

export function postureReason(stage: StageId): Reason {
  const text =
    stage === 'settle'
      ? 'Resting in a good position and getting up the easy way spares the muscle that has tightened.'
      : 'Standing tall with your belly muscles, rather than your back, hips or legs, takes the strain off the muscle that tightened.';
  return reason('posture', 'posture', text);
}

export function walkReason(walks: number, minutesEach: number): Reason {
  const count = walks === 1 ? 'One walk' : `${walks} walks`;
  return reason(
    'walk',
    'keep-moving',
    `${count} of ${minutes(minutesEach)} on flat, safe ground, slowly, with no sudden moves. They start below what you told us you can walk and lengthen a little each week. Moving gently helps a back spasm ease more than resting does.`,
  );
}

export function standBreaksReason(everyMinutes: number): Reason {
  return reason(
    'stand-breaks',
    'keep-moving',
    `While you're awake, stand up every ${everyMinutes} minutes and take a few steps. Long spells of sitting or lying make the muscle stiffer.`,
  );
}

export function sessionReason(stage: StageId, totalMinutes: number, usedGeneralFallback: boolean): Reason {
  const length = `about ${minutes(Math.max(1, totalMinutes))}`;
  let text =
    stage === 'settle'
      ? `A short, gentle routine of ${length}, mostly lying down: breathing and small movements. Stop any movement that hurts sharply.`
      : `A session of ${length}: a warm-up, the main movements and a cool-down. Go slowly and stop any movement that hurts sharply; pain up to 5 out of 10 that settles afterwards is acceptable.`;
  if (usedGeneralFallback) text += ' Where your chosen style has no suitable movements yet, plain exercises fill in.';
  return reason('session', 'whole-body', text);
}

export function noSessionReason(afterFlare: boolean): Reason {
  return afterFlare
    ? reason('session-rest-after-flare', 'pacing', 'After the flare, today has no exercise session. Gentle walks and short rests help your back settle.')
    : reason('session-none', 'whole-body', 'There are no exercises for this stage today. Your walks, stand breaks and posture practice carry the plan.');
}

export function maintainRestDayReason(): Reason {
  return reason('maintain-rest-day', 'pacing', 'In Maintain, the routine is every other day. Today is a day off from it: keep up your walks and sitting breaks.');
}

// ───────────────────────────── pacing notes ─────────────────────────────

function flareText(f: FlareEvent): string {
  switch (f.kind) {
    case 'pain-rise':
      return `your worst pain went up from ${f.comparedWith} to ${f.pain} out of 10`;
    case 'session-pain':
      return `pain in your session reached ${f.pain} out of 10, above the comfortable limit of ${f.comparedWith}`;
    case 'not-settled':
      return `your pain this morning (${f.pain}) was higher than your usual morning level (${f.comparedWith}) after yesterday's session`;
  }
}

export function flareReason(flares: readonly FlareEvent[]): Reason {
  const kinds = new Map<string, FlareEvent>();
  for (const f of flares) if (!kinds.has(f.kind)) kinds.set(f.kind, f);
  return reason(
    'flare-step-back',
    'pacing',
    `Today ${listText([...kinds.values()].map(flareText))}, so today's walks and session are a little shorter to let your back settle. Flares are common during recovery and usually pass. Some extra soreness for 20 to 30 minutes after moving is normal and is not a flare.`,
  );
}

export function afterFlareReason(): Reason {
  return reason(
    'flare-hold',
    'pacing',
    "After yesterday's flare, today stays at yesterday's amount or a little less. The plan starts to grow again once things have settled.",
  );
}

export function sessionCappedReason(
  cappedBy: 'stage' | 'pacing',
  stage: StageId,
  minutesToday: number,
  preferred: number,
  stageMinutes: number,
  afterFlare: boolean,
): Reason {
  const label = STAGE_LABELS[stage];
  if (cappedBy === 'stage') {
    return reason(
      'session-capped-stage',
      'pacing',
      `In ${label}, sessions stay at about ${minutes(stageMinutes)}, shorter than the ${minutes(preferred)} you chose. They get longer in later stages.`,
    );
  }
  if (afterFlare) {
    return reason('session-capped-flare', 'pacing', `Because of the recent flare, today's session is shorter, about ${minutes(minutesToday)}.`);
  }
  const aim = stageMinutes < preferred ? `the ${minutes(stageMinutes)} sessions of ${label}` : `the ${minutes(preferred)} you chose`;
  return reason(
    'session-capped-pacing',
    'pacing',
    `After the recent flare, today's session is about ${minutes(minutesToday)}. It grows back a little each day, up to ${aim}.`,
  );
}

export function doseReason(change: 'up' | 'down', rule: PainMonitoringRule, because?: 'too-easy'): Reason {
  if (change === 'up' && because === 'too-easy') {
    return reason(
      'dose-grows-too-easy',
      'pacing',
      'You said your recent sessions felt too easy, and your pain stayed low, so each exercise grows a little today (about one tenth more). It still grows slowly, on purpose.',
    );
  }
  if (change === 'up') {
    return reason(
      'dose-grows',
      'pacing',
      'You did most of this week\'s sessions with comfortable pain, so each exercise grows a little today (about one tenth more).',
    );
  }
  const why: Partial<Record<PainMonitoringRule, string>> = {
    R1_PAIN_DURING_OVER_5: 'pain during your session went above 5 out of 10',
    R2_PAIN_AFTER_OVER_5: 'pain after your session went above 5 out of 10',
    R3_NOT_SETTLED_BY_NEXT_MORNING: "your pain hadn't settled by this morning after yesterday's session",
    R4_WEEK_ON_WEEK_INCREASE: 'your pain has been a little higher this week than last',
  };
  return reason('dose-lighter', 'pacing', `Because ${why[rule] ?? 'your pain went up'}, each exercise has fewer repetitions today. It builds up again once things settle.`);
}

export type EaseOffKind = 'walk' | 'session';

/** `reported`: for walking, what the latest check-in said you can walk, when it is more than the plan. */
export function easeOffReason(kind: EaseOffKind, when: 'today' | 'yesterday', logged: number, planned: number, reported = 0): Reason {
  const whenText = when === 'today' ? 'So far today' : 'Yesterday';
  const did = kind === 'walk' ? `you walked about ${minutes(logged)}` : `you did about ${minutes(logged)} of exercise sessions`;
  let plan = planned > 0 ? `well over the ${minutes(planned)} planned` : 'more than this stage plans';
  if (reported > planned) plan += `, and well over the ${minutes(reported)} you told us you can walk`;
  return reason(
    `ease-off-${kind}`,
    'pacing',
    `${whenText} ${did}, ${plan}. It's tempting to do more on a good day, but steady amounts help your back more than big days followed by sore ones. Please ease off and keep to today's plan.`,
  );
}

export function restLongerReason(when: 'today' | 'yesterday', logged: number, planned: number): Reason {
  const whenText = when === 'today' ? 'So far today' : 'Yesterday';
  return reason(
    'rest-longer-than-planned',
    'keep-moving',
    `${whenText} you rested flat for about ${minutes(logged)}, longer than the ${minutes(planned)} planned. Short rests help, but long ones let the back stiffen. Try a few minutes flat, then get up and move.`,
  );
}

// ───────────────────────────── whole body and related pains ─────────────────────────────

/** Every body area in words, so no area id is ever shown (only the related ones come up today). */
const AREA_TEXT: Record<BodyArea, string> = {
  'neck-shoulders': 'your neck and shoulders',
  'upper-back': 'your upper back',
  'low-back': 'your low back',
  'buttocks-hips': 'your buttocks and hips',
  thighs: 'your thighs',
  'lower-legs': 'your lower legs',
  arms: 'your arms',
  'trunk-front': 'the front of your body',
};

export function relatedPainsReason(areas: readonly BodyArea[], covered: readonly BodyArea[]): Reason {
  const where = listText(areas.map((a) => AREA_TEXT[a]));
  const help =
    covered.length > 0
      ? `Today's session includes gentle work to help the muscles around ${listText(covered.map((a) => AREA_TEXT[a]))} relax.`
      : 'Keep those areas moving gently, and mark on the body map where it hurts each day.';
  return reason(
    'related-pains',
    'related-pains',
    `You marked pain around ${where}. Pain from a back spasm can travel: nearby muscles tighten to protect the back. ${help}`,
  );
}

function muscleList(muscles: readonly MuscleId[]): string {
  return listText(muscles.map((m) => lowerFirst(muscleById(m).label)));
}

export function weakMusclesReason(muscles: readonly MuscleId[], covered: boolean): Reason {
  const text = covered
    ? `You noted that some muscles feel weak (${muscleList(muscles)}), so today's session includes work to strengthen them.`
    : `You noted that some muscles feel weak (${muscleList(muscles)}). Strengthening them starts once you reach the Move stage.`;
  return reason('muscles-weak', 'whole-body', text);
}

export function tightMusclesReason(muscles: readonly MuscleId[], relaxed: readonly MuscleId[]): Reason {
  const first = `You noted that some muscles feel tight (${muscleList(muscles)}), so the plan leaves out exercises that load them`;
  const text = relaxed.length > 0 ? `${first}, and today's session gently stretches and relaxes ${relaxed.length === muscles.length ? 'them' : muscleList(relaxed)}.` : `${first}.`;
  return reason('muscles-tight', 'whole-body', text);
}

export function easierVariantReason(fromName: string, toName: string | null): Reason {
  const text = toName
    ? `${fromName} was uncomfortable recently, so today uses ${toName}, an easier version.`
    : `${fromName} was uncomfortable recently, so it is left out for now.`;
  return reason('easier-variant', 'pacing', text);
}

// ───────────────────────────── a therapist's changes ─────────────────────────────

export const STYLE_NAMES: Record<string, string> = { general: 'plain', pilates: 'Pilates', yoga: 'yoga', ballet: 'ballet', flamenco: 'flamenco', capoeira: 'capoeira' };

export function therapistPinnedReason(names: readonly string[]): Reason {
  return reason(
    'therapist-pinned',
    'whole-body',
    `Your therapist chose this for you: ${listText(names)}. It fits the stage you are in today, so it is part of your session.`,
  );
}

export function therapistHiddenReason(names: readonly string[]): Reason {
  return reason('therapist-hidden', 'whole-body', `Your therapist asked to leave out ${listText(names)} for now, so your plan does not include ${names.length === 1 ? 'it' : 'them'}.`);
}

export function therapistSettingsReason(sessionMinutes: number | null, styles: readonly string[]): Reason {
  const parts: string[] = [];
  if (sessionMinutes !== null) parts.push(`sessions of about ${minutes(sessionMinutes)}`);
  if (styles.length > 0) parts.push(`${listText(styles.map((s) => STYLE_NAMES[s] ?? s))} movements`);
  return reason('therapist-settings', 'pacing', `Your therapist chose ${listText(parts)} for you. Your stage still sets the most a session asks of you.`);
}

export function therapistNoteReason(note: string): Reason {
  return reason('therapist-note', 'whole-body', `A note from your therapist: “${note}”`);
}
