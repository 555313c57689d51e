import { useEffect, useState } from 'react';
import type { ComfortPut } from '../../contract';
import { isStoredRecord } from '../offline/bodies';
import { helpedQuestionDue, type HelpedAnswer } from '../../core/comfort/kinds';
import { api, type ComfortT } from '../api/client';
import { loadComfort } from '../offline/load';
import { useSync } from '../offline/useSync';
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
  if (result.status === 'sent' && isStoredRecord(result.body, 'comfort')) return result.body as ComfortT;
  return { ...comfortOf(entry.id, episodeId, body, Date.parse(entry.createdAt)), overLimit: entry.overLimit };
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

/** Screens where the small "Did it help?" prompt may show (Move asks in its own card; never during a check-in or a session). */
const PROMPT_ON: ReadonlySet<string> = new Set(['/today', '/progress']);

/**
 * The small prompt on Today and Progress: the oldest of today's entries whose "Did it help?" is due, with the three
 * answers. Shown only when something is due, so most days it takes no room at all.
 */
export function HelpedBanner({ path, timeZone }: { path: string; timeZone: string }) {
  const { sentVersion, ownerId } = useSync();
  const [episodeId, setEpisodeId] = useState<string | null>(null);
  const [entries, setEntries] = useState<ComfortT[]>([]);
  // The thanks stays on the screen it was given on.
  const [answered, setAnswered] = useState<{ name: string; path: string } | null>(null);
  const now = useNow(60_000);
  const shown = PROMPT_ON.has(path);

  useEffect(() => {
    let cancelled = false;
    if (!shown || !ownerId) return;
    api.listEpisodes().then(
      (list) => {
        if (!cancelled) setEpisodeId(list[0]?.id ?? null);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [shown, ownerId]);

  useEffect(() => {
    let cancelled = false;
    if (!shown || !episodeId) return;
    loadComfort(episodeId).then(
      (list) => {
        if (!cancelled) setEntries(list);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [shown, episodeId, sentVersion, path]);

  const next = shown && episodeId ? helpedQuestionDue(entries, now, timeZone)[0] : undefined;
  if (!episodeId || !shown) return null;
  if (!next)
    return answered?.path === path ? (
      <p className="helped-banner saved-note" role="status">
        Thank you. Saved for {answered.name}.
      </p>
    ) : null;
  const onSaved = (saved: ComfortT) => {
    setEntries((list) => list.map((e) => (e.id === saved.id ? saved : e)));
    setAnswered({ name: saved.name, path });
  };
  return (
    <div className="helped-banner">
      <HelpedPrompts episodeId={episodeId} timeZone={timeZone} entries={[next]} onSaved={onSaved} />
    </div>
  );
}
