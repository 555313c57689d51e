import { createHash } from 'node:crypto';
import type { Annotation, Bundle, BundleEntry, CarePlan, CarePlanActivity, Condition, Observation, Patient, Procedure, QuestionnaireResponse, Reference, Resource } from '@medplum/fhirtypes';
import type { CheckIn, EpisodeExport, Me, Movement, PlanEdit, SessionLog } from '../../contract';
import { isRegionId, regionById } from '../../core/body/regions';

/**
 * One episode as a FHIR R4 Bundle (type collection) a clinician's system can read. Only the facts the person
 * recorded are written; nothing is coded as a diagnosis beyond the episode's own "low back pain" problem. The changes
 * a physical therapist the person invited made to their plan are one CarePlan, in the words the person was shown.
 */

const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
const UCUM = 'http://unitsofmeasure.org';

const PAIN_SCORE = { system: LOINC, code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' };
const LOW_BACK_PAIN = { system: SNOMED, code: '279039007', display: 'Low back pain' };

const TRIAGE_WORDS = {
  emergency: 'Emergency signs: get emergency help now',
  'urgent-doctor': 'See a doctor',
  'self-care': 'No warning signs: self-care',
} as const;
const TIMEFRAME_WORDS = { now: 'now', within_24h: 'within 24 hours', within_1_week: 'within a week' } as const;
const MOVEMENT_WORDS = { walk: 'Walk', 'stand-break': 'Stand-up break', 'lie-flat': 'Lie-flat rest' } as const;
const FEEL_WORDS = { too_easy: 'too easy', right: 'about right', too_much: 'too much' } as const;

/** A stable UUID for a resource made from a record (so the same export twice names the same resources). */
export function derivedUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const regionWords = (ids: readonly string[]) => ids.map((id) => (isRegionId(id) ? regionById(id).label : id));
const category = (code: 'survey' | 'activity') => [{ coding: [{ system: OBSERVATION_CATEGORY, code }] }];
const minusHours = (iso: string, hours: number) => new Date(Date.parse(iso) - hours * 3_600_000).toISOString();

export interface FhirExportInput {
  account: Me;
  data: EpisodeExport;
  now: Date;
}

export function episodeBundle({ account, data, now }: FhirExportInput): Bundle {
  const { episode } = data;
  const patientId = account.id;
  const subject: Reference<Patient> = { reference: `urn:uuid:${patientId}` };
  const conditionId = episode.id;
  const resources: Resource[] = [];

  const patient: Patient = { resourceType: 'Patient', id: patientId, active: true, ...(account.email ? { telecom: [{ system: 'email', value: account.email }] } : {}) };
  resources.push(patient);

  const condition: Condition = {
    resourceType: 'Condition',
    id: conditionId,
    clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'active' }] },
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item' }] }],
    code: { coding: [LOW_BACK_PAIN], text: 'Back muscle spasm (reported by the person)' },
    ...(episode.regions.length ? { bodySite: regionWords(episode.regions).map((text) => ({ text })) } : {}),
    subject,
    onsetDateTime: episode.onsetDate,
    recordedDate: episode.createdAt,
  };
  resources.push(condition);
  const focus: Reference<Condition>[] = [{ reference: `urn:uuid:${conditionId}` }];

  resources.push(triageObservation(episode.id, 'start', episode.triage, episode.updatedAt, subject, focus));
  for (const checkIn of data.checkIns) {
    resources.push(...painObservations(checkIn, subject, focus));
    if (checkIn.triage) resources.push(triageObservation(checkIn.id, 'check-in', checkIn.triage, checkIn.at, subject, focus));
  }
  resources.push(...functionResponses(data, subject));
  for (const session of data.sessions) resources.push(sessionProcedure(session, subject, conditionId));
  for (const movement of data.movements) resources.push(movementObservation(movement, subject, focus));
  if (data.planEdits.length) resources.push(therapistCarePlan(episode.id, data.planEdits, subject, focus));

  return {
    resourceType: 'Bundle',
    id: derivedUuid(`bundle:${episode.id}:${now.toISOString()}`),
    type: 'collection',
    timestamp: now.toISOString(),
    entry: resources.map((resource): BundleEntry => ({ fullUrl: `urn:uuid:${resource.id ?? ''}`, resource })),
  };
}

function painObservations(checkIn: CheckIn, subject: Reference<Patient>, focus: Reference<Condition>[]): Observation[] {
  const where = checkIn.bodyMap.filter((p) => p.pain > 0);
  const now: Observation = {
    resourceType: 'Observation',
    id: derivedUuid(`pain-now:${checkIn.id}`),
    status: 'final',
    category: category('survey'),
    code: { coding: [PAIN_SCORE], text: 'Pain now (0 to 10)' },
    subject,
    focus,
    effectiveDateTime: checkIn.at,
    valueInteger: checkIn.painNow,
    ...(where.length
      ? {
          component: where.map((p) => ({
            code: { text: `Pain in ${regionWords([p.region])[0] ?? p.region}${p.spasm ? ' (spasm)' : ''}` },
            valueInteger: p.pain,
          })),
        }
      : {}),
  };
  const worst: Observation = {
    resourceType: 'Observation',
    id: derivedUuid(`pain-worst:${checkIn.id}`),
    status: 'final',
    category: category('survey'),
    code: { coding: [PAIN_SCORE], text: 'Worst pain in the last 24 hours (0 to 10)' },
    subject,
    focus,
    effectivePeriod: { start: minusHours(checkIn.at, 24), end: checkIn.at },
    valueInteger: checkIn.painWorst24h,
  };
  return [now, worst];
}

function triageObservation(
  sourceId: string,
  source: 'start' | 'check-in',
  triage: EpisodeExport['episode']['triage'],
  at: string,
  subject: Reference<Patient>,
  focus: Reference<Condition>[],
): Observation {
  const when = triage.timeframe ? ` ${TIMEFRAME_WORDS[triage.timeframe]}` : '';
  return {
    resourceType: 'Observation',
    id: derivedUuid(`triage:${source}:${sourceId}`),
    status: 'final',
    category: category('survey'),
    code: { text: source === 'start' ? 'Unclench safety questions at the start' : 'Unclench safety questions asked again at a check-in' },
    subject,
    focus,
    effectiveDateTime: at,
    valueCodeableConcept: { text: `${TRIAGE_WORDS[triage.level]}${triage.level === 'urgent-doctor' ? when : ''}` },
    ...(triage.triggeredRules.length ? { note: [{ text: `Rules met: ${triage.triggeredRules.join(', ')}` }] } : {}),
  };
}

/** One QuestionnaireResponse a day: that day's rating of each activity the person named (0 unable, 10 as before). */
function functionResponses(data: EpisodeExport, subject: Reference<Patient>): QuestionnaireResponse[] {
  const days = [...new Set(data.functionGoals.flatMap((g) => g.ratings.map((r) => r.date)))].sort();
  return days.map((date) => ({
    resourceType: 'QuestionnaireResponse',
    id: derivedUuid(`function:${data.episode.id}:${date}`),
    status: 'completed',
    subject,
    authored: date,
    item: data.functionGoals.flatMap((goal) => {
      const rating = goal.ratings.find((r) => r.date === date);
      return rating ? [{ linkId: goal.id, text: `${goal.activity} (0 unable, 10 as before)`, answer: [{ valueInteger: rating.rating }] }] : [];
    }),
  }));
}

function sessionProcedure(session: SessionLog, subject: Reference<Patient>, conditionId: string): Procedure {
  const done = session.exercises.filter((e) => e.outcome === 'done').length;
  return {
    resourceType: 'Procedure',
    id: session.id,
    status: 'completed',
    code: { text: 'Guided home exercise session (Unclench)' },
    subject,
    performedPeriod: { start: session.startedAt, end: session.endedAt },
    reasonReference: [{ reference: `urn:uuid:${conditionId}` }],
    note: [
      {
        text: `Pain before ${session.painBefore}/10, after ${session.painAfter}/10; felt ${FEEL_WORDS[session.feel]}; ${done} of ${session.exercises.length} movements done.`,
      },
    ],
  };
}

function movementObservation(movement: Movement, subject: Reference<Patient>, focus: Reference<Condition>[]): Observation {
  const end = new Date(Date.parse(movement.startedAt) + movement.minutes * 60_000).toISOString();
  return {
    resourceType: 'Observation',
    id: movement.id,
    status: 'final',
    category: category('activity'),
    code: { text: MOVEMENT_WORDS[movement.kind] },
    subject,
    focus,
    effectivePeriod: { start: movement.startedAt, end },
    valueQuantity: { value: movement.minutes, unit: 'min', system: UCUM, code: 'min' },
  };
}

/**
 * The changes a linked physical therapist made to the person's home exercise plan that are still in force (the person
 * can undo each one), oldest first. Each change is an activity, with who made it and when as its progress note; a
 * note the therapist wrote to the person is a note of the plan, with its author and time. The therapist is named as
 * the person knows them in the app, as text: Unclench does not check who a therapist is.
 */
function therapistCarePlan(episodeId: string, edits: readonly PlanEdit[], subject: Reference<Patient>, addresses: Reference<Condition>[]): CarePlan {
  const said = (e: PlanEdit): Annotation => ({ authorString: e.therapistName, time: e.updatedAt, text: e.edit.kind === 'note' && typeof e.edit.text === 'string' ? e.edit.text : e.text });
  const changes = edits.filter((e) => e.edit.kind !== 'note');
  const notes = edits.filter((e) => e.edit.kind === 'note');
  const activity = changes.map((e): CarePlanActivity => ({ detail: { status: 'in-progress', description: e.text }, progress: [said(e)] }));
  const created = edits.map((e) => e.createdAt).sort()[0];
  return {
    resourceType: 'CarePlan',
    id: derivedUuid(`therapist-plan:${episodeId}`),
    status: 'active',
    intent: 'plan',
    title: 'Changes from the person’s physical therapist',
    description: 'Changes that a physical therapist the person invited in Unclench made to their home exercise plan, as the person was shown them. Only the changes still in force are listed.',
    subject,
    addresses,
    ...(created ? { created } : {}),
    contributor: [...new Set(edits.map((e) => e.therapistName))].map((display) => ({ display })),
    ...(activity.length ? { activity } : {}),
    ...(notes.length ? { note: notes.map(said) } : {}),
  };
}
