import { useState } from 'react';
import { Comfort, type ComfortPut } from '../../contract';
import { helpedQuestionDue, type HelpedAnswer } from '../../core/comfort/kinds';
import type { ComfortT } from '../api/client';
import { comfortOf } from '../offline/entries';
import { saveComfort } from '../offline/writes';
import { amountWords, clockTime, HELPED_CHOICES } from '../words/move';
import { useNow } from './stores';
import './move.css';

/** The entry sent again with its answer: the same id, so the write is idempotent and goes through the outbox. */
export async function answerHelped(episodeId: string, entry: ComfortT, helped: HelpedAnswer): Promise<ComfortT | null> {
  const body: ComfortPut = { kind: entry.kind, name: entry.name, amount: entry.amount, unit: entry.unit, dailyMax: entry.dailyMax, at: entry.at, helped };
  const result = await saveComfort(episodeId, entry.id, body);
  if (result.status === 'rejected') return null;
  const answered = result.status === 'sent' ? Comfort.safeParse(result.body) : null;
  return answered?.success ? answered.data : { ...comfortOf(entry.id, episodeId, body, Date.parse(entry.createdAt)), overLimit: entry.overLimit };
}

/** "Did it help?" for each of today's entries from an hour or more ago that has no answer yet (core decides which). */
export function HelpedPrompts({ episodeId, timeZone, entries, onSaved }: { episodeId: string; timeZone: string; entries: readonly ComfortT[]; onSaved: (entry: ComfortT) => void }) {
  const now = useNow(30_000);
  const [thanks, setThanks] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const due = helpedQuestionDue(entries, now, timeZone);

  const answer = async (entry: ComfortT, helped: HelpedAnswer) => {
    setFailed(null);
    const saved = await answerHelped(episodeId, entry, helped);
    if (!saved) return setFailed('That answer wasn’t saved. Please try again in a moment.');
    onSaved(saved);
    setThanks(`Thank you. Saved for ${entry.name}.`);
  };

  return (
    <div className="helped-prompts">
      {due.map((e) => (
        <fieldset key={e.id} className="card tone-gentle helped-prompt" data-helped-for={e.id}>
          <legend>
            Did it help? <span className="helped-what">{e.name}, {amountWords(e.amount, e.unit)} at {clockTime(Date.parse(e.at), timeZone)}</span>
          </legend>
          <div className="button-row">
            {HELPED_CHOICES.map((c) => (
              <button key={c.value} type="button" className="button secondary" onClick={() => void answer(e, c.value)}>
                {c.label}
              </button>
            ))}
          </div>
        </fieldset>
      ))}
      <p className="saved-note" role="status">
        {failed ?? thanks ?? ''}
      </p>
    </div>
  );
}
