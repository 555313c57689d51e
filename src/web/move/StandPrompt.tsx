import { exerciseById } from '../../core/exercises';
import { ExerciseThumb } from '../components/ExerciseThumb';
import { Link } from '../lib/router';
import { MICRO_ROUTINE } from '../words/move';
import { speak, useVoice } from '../player/voice';
import { VOICE_NONE } from '../words/session';
import './move.css';

/** Width ÷ height of a routine step's thumbnail (move.css: .micro-item .figure-thumb, 5.5rem square, less its padding). */
const THUMB_ASPECT = 1;

/** A 45-second stand-up routine: three standing movements from the catalogue, each with a still and one cue. */
export function MicroRoutine({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const total = MICRO_ROUTINE.reduce((s, m) => s + m.seconds, 0);
  // The player's own check: speech synthesis with at least one voice (many browsers have the first, not the second).
  const voice = useVoice();
  return (
    <div className="micro-routine">
      <Heading id="micro-routine-title">About {total} seconds, standing</Heading>
      <ol className="micro-list" aria-labelledby="micro-routine-title">
        {MICRO_ROUTINE.map((m) => {
          const exercise = exerciseById(m.exerciseId);
          if (!exercise) return null;
          return (
            <li key={m.exerciseId} className="micro-item" data-exercise={m.exerciseId}>
              <ExerciseThumb exercise={exercise} aspect={THUMB_ASPECT} />
              <div>
                <p className="micro-name">
                  <Link to={`/library/${exercise.id}`}>{exercise.name}</Link> <span className="micro-time">· {m.seconds} s</span>
                </p>
                <p className="micro-cue">{m.cue}</p>
              </div>
            </li>
          );
        })}
      </ol>
      {voice === 'available' ? (
        <button type="button" className="button secondary" onClick={readAloud}>
          Read it to me
        </button>
      ) : null}
      {voice === 'none' ? <p className="hint voice-none">{VOICE_NONE}.</p> : null}
    </div>
  );
}

/** The same voice as the session player: one calm instruction per movement, queued in order. */
function readAloud(): void {
  MICRO_ROUTINE.forEach((m, i) => {
    const exercise = exerciseById(m.exerciseId);
    if (exercise) speak(`${exercise.name}, about ${m.seconds} seconds. ${m.cue}`, { interrupt: i === 0 });
  });
}
