import type { z } from 'zod';
import type { MuscleNote, MuscleNotePut } from '../../contract';
import { notFound } from '../errors';
import type { MuscleNoteRow, MuscleNotesRepository } from '../store/repositories/muscleNotes';
import type { EpisodeService } from './episodes';
import type { Clock } from './clock';

export function toMuscleNote(row: MuscleNoteRow): MuscleNote {
  return { id: row.id, episodeId: row.episode_id, muscle: row.muscle, feels: row.feels, createdAt: row.created_at, updatedAt: row.updated_at };
}

export function muscleNoteService({ episodes, muscleNotes, clock }: { episodes: EpisodeService; muscleNotes: MuscleNotesRepository; clock: Clock }) {
  return {
    async put(personId: string, episodeId: string, id: string, input: z.infer<typeof MuscleNotePut>): Promise<MuscleNote> {
      await episodes.owned(personId, episodeId);
      const stamp = clock().toISOString();
      const inserted = await muscleNotes.insertIfAbsent({ id, episode_id: episodeId, person_id: personId, muscle: input.muscle, feels: input.feels, created_at: stamp, updated_at: stamp });
      if (!inserted) {
        const existing = await muscleNotes.findById(id);
        if (!existing || existing.person_id !== personId || existing.episode_id !== episodeId) throw notFound('That muscle note');
        if (existing.muscle !== input.muscle || existing.feels !== input.feels) await muscleNotes.update(personId, id, { ...input, updated_at: stamp });
      }
      const saved = await muscleNotes.findById(id);
      if (!saved) throw notFound('That muscle note');
      return toMuscleNote(saved);
    },
    async remove(personId: string, episodeId: string, id: string): Promise<void> {
      await episodes.owned(personId, episodeId);
      if (!(await muscleNotes.delete(personId, episodeId, id))) throw notFound('That muscle note');
    },
    async list(personId: string, episodeId: string): Promise<MuscleNote[]> {
      await episodes.owned(personId, episodeId);
      return (await muscleNotes.listForEpisode(personId, episodeId)).map(toMuscleNote);
    },
  };
}
export type MuscleNoteService = ReturnType<typeof muscleNoteService>;
