import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../contract';
import type { Exercise } from '../../core/exercises/types';
import { EXERCISES, exerciseById } from '../../core/exercises';
import { notFound } from '../errors';
import type { PlanService } from '../services/plans';
import type { PreferencesService } from '../services/preferences';
import type { MuscleNoteService } from '../services/muscleNotes';
import { defineRoute } from './define';

export function planRoutes(app: FastifyInstance, services: { plans: PlanService; preferences: PreferencesService; muscleNotes: MuscleNoteService }): void {
  const { plans, preferences, muscleNotes } = services;
  defineRoute(app, ROUTES.today, async ({ personId, params }) => plans.todayJson(personId, params.id));
  defineRoute(app, ROUTES.progress, async ({ personId, params }) => plans.progressJson(personId, params.id));
  defineRoute(app, ROUTES.planForDate, async ({ personId, params, query }) => plans.forDate(personId, params.id, query.date));
  defineRoute(app, ROUTES.getPreferences, async ({ personId }) => preferences.get(personId));
  defineRoute(app, ROUTES.putPreferences, async ({ personId, body }) => preferences.put(personId, body));
  defineRoute(app, ROUTES.putMuscleNote, async ({ personId, params, body }) => muscleNotes.put(personId, params.id, params.noteId, body));
  defineRoute(app, ROUTES.deleteMuscleNote, async ({ personId, params }) => muscleNotes.remove(personId, params.id, params.noteId));
  defineRoute(app, ROUTES.listMuscleNotes, async ({ personId, params }) => muscleNotes.list(personId, params.id));
  defineRoute(app, ROUTES.listExercises, async ({ query }) =>
    EXERCISES.filter(
      (e: Exercise) =>
        (!query.style || e.style === query.style) &&
        (!query.position || e.position === query.position) &&
        (!query.stage || e.stages.includes(query.stage)) &&
        (!query.muscle || e.strengthens.includes(query.muscle) || e.relaxes.includes(query.muscle)),
    ),
  );
  defineRoute(app, ROUTES.getExercise, async ({ params }) => {
    const exercise = exerciseById(params.exerciseId);
    if (!exercise) throw notFound('That exercise');
    return exercise;
  });
}
