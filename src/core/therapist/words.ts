import { muscleById } from '../body/muscles';
import { STYLE_NAMES } from '../plan/reasons';
import type { PlanEditDetail } from './planEdits';

/** What a therapist changed, in words for the person ("Hid Cat and camel from your plan"). */
export function planEditText(edit: PlanEditDetail, exerciseName: (id: string) => string): string {
  switch (edit.kind) {
    case 'hide':
      return `Left ${exerciseName(edit.exerciseId)} out of your plan`;
    case 'pin':
      return `Chose ${exerciseName(edit.exerciseId)} for your sessions, whenever your stage allows it`;
    case 'muscle': {
      const label = muscleById(edit.muscle).label.toLowerCase();
      return edit.feels === 'neither' ? `Noted that your ${label} feel neither weak nor tight` : `Noted that your ${label} feel ${edit.feels}`;
    }
    case 'session': {
      const parts = [
        ...(edit.sessionMinutes !== undefined ? [`sessions of about ${edit.sessionMinutes} minutes`] : []),
        ...(edit.styles !== undefined ? [`${edit.styles.length === 1 ? 'this style' : 'these styles'}: ${edit.styles.map((st) => STYLE_NAMES[st] ?? st).join(', ')}`] : []),
      ];
      return `Set ${parts.join(' and ')}`;
    }
    case 'note':
      return `Wrote you a note: “${edit.text}”`;
  }
}

/** What a therapist did, for the person's access log ("viewed your progress"). */
export const ACCESS_WORDS = {
  listEpisodes: 'looked at the list of your episodes',
  getEpisode: 'viewed your episode',
  listCheckIns: 'viewed your check-ins',
  progress: 'viewed your progress',
  listSessions: 'viewed your session history',
  today: 'viewed your plan for today',
  listMuscleNotes: 'viewed your muscle notes',
  listPlanEdits: 'viewed their changes to your plan',
  putPlanEdit: 'changed your plan',
  deletePlanEdit: 'took back a change to your plan',
  dashboard: 'saw your summary on their dashboard',
} as const;
export type AccessAction = keyof typeof ACCESS_WORDS;
