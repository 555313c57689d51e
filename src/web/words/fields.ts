import { YES_NO_FIELDS } from '../../core/clinical';
import { SAFETY_SECTIONS } from './safety';

/** Plain names of the fields an API issue can point at, for the error summary. */
const questionByField = new Map<string, string>(SAFETY_SECTIONS.flatMap((s) => s.questions.map((q) => [q.field, q.question] as const)));

const FIELD_NAMES: Record<string, string> = {
  onsetDate: 'When it started',
  regions: 'Where it hurts',
  painNow: 'Pain now',
  painWorst24h: 'Worst pain in the last 24 hours',
  standStraight: 'Standing up straight',
  walkMinutes: 'How long you can walk',
  at: 'The day this check-in is for',
  styles: 'Styles you enjoy',
  sessionMinutes: 'Session length',
  painBefore: 'Pain before the session',
  painAfter: 'Pain after the session',
  painDuring: 'Pain during the movement',
  feel: 'How the session felt',
  muscle: 'Muscle',
  feels: 'How it feels',
  date: 'Date',
  seenOn: 'Date you were seen',
  email: 'Email',
  password: 'Password',
  timeZone: 'Time zone',
  'safety.ageYears': 'Your age',
  'safety.sex': 'Sex',
  'safety.legWeakness': 'Leg weakness',
  'safety.painNRS': 'Pain now',
  'safety.weeksWithoutImprovement': 'Weeks without getting better',
  comfortKind: 'What it was',
  comfortName: 'Name',
  comfortUnit: 'Counted in',
  comfortAmount: 'How much',
  comfortDailyMax: 'Daily maximum from your label',
  comfortAt: 'When',
  walkLogMinutes: 'Minutes walked',
};

export function fieldName(path: string): string {
  const known = FIELD_NAMES[path];
  if (known) return known;
  const safetyField = path.startsWith('safety.') ? path.slice('safety.'.length) : null;
  if (safetyField && (YES_NO_FIELDS as readonly string[]).includes(safetyField)) return questionByField.get(safetyField) ?? safetyField;
  if (path.startsWith('regions.')) return 'Where it hurts';
  if (path.startsWith('activity-')) return 'Activity';
  if (path.startsWith('rating-')) return 'How well you can do it';
  return path || 'Your answers';
}
