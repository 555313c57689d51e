import { useMemo } from 'react';
import type { Exercise } from '../../core/exercises/types';
import { tellingKeyframe } from '../lib/keyframes';
import { phaseLabel } from '../words/exercises';
import { Figure, useFigure } from './Figure';

/**
 * An exercise's thumbnail: its most telling keyframe in its own view, framed on that one still with the props
 * near it, to the shape of the box it sits in (`aspect`: the box's width ÷ height, less its padding). The
 * Library's cards and Move's stand-up routine both show it, so a movement looks the same wherever it is listed.
 */
export function ExerciseThumb({ exercise, aspect }: { exercise: Pick<Exercise, 'id' | 'name' | 'position' | 'keyframes'>; aspect: number }) {
  const still = tellingKeyframe(exercise.keyframes);
  const poses = useMemo(() => (still ? [still.pose] : undefined), [still]);
  const prepared = useFigure(exercise, { poses, aspect });
  if (!still) return null;
  return <Figure prepared={prepared} pose={still.pose} cycleTime={still.t} label={`${exercise.name}, ${phaseLabel(still.phase).toLowerCase()}`} className="figure-thumb" />;
}
