/** Recovery stages, in order. Ids are part of the API. */
export const STAGE_IDS = ['settle', 'stand-walk', 'move', 'strengthen', 'maintain'] as const;
export type StageId = (typeof STAGE_IDS)[number];

export const STAGE_LABELS: Record<StageId, string> = {
  settle: 'Settle',
  'stand-walk': 'Stand & walk',
  move: 'Move',
  strengthen: 'Strengthen',
  maintain: 'Maintain',
};

export function stageIndex(stage: StageId): number {
  return STAGE_IDS.indexOf(stage);
}
