import type { ComfortKind, HelpedAnswer } from '../comfort/kinds';
import { localDateOf } from '../time';
import { compareText } from '../compareText';

/** A comfort entry as Progress needs it: what it was and the answer to "Did it help?" (null until answered). */
export interface ComfortAnswerData {
  kind: ComfortKind;
  name: string;
  at: string;
  helped: HelpedAnswer | null;
}

export interface WhatHelped {
  /** The name as the person last wrote it. */
  name: string;
  kind: ComfortKind;
  yes: number;
  aLittle: number;
  no: number;
}

/**
 * What helped, from the person's own answers: each thing they used (the same name, however it was capitalised),
 * with how often it helped, helped a little, or did not. Only answered entries count; the ones that helped most come
 * first. Entries after `today` (local) are left out.
 */
export function whatHelped(entries: readonly ComfortAnswerData[], today: string, timeZone: string): WhatHelped[] {
  const byName = new Map<string, WhatHelped & { lastAt: string }>();
  for (const e of [...entries].sort((a, b) => compareText(a.at, b.at))) {
    if (e.helped === null || localDateOf(e.at, timeZone) > today) continue;
    const key = e.name.trim().toLocaleLowerCase('en');
    const seen = byName.get(key) ?? { name: e.name.trim(), kind: e.kind, yes: 0, aLittle: 0, no: 0, lastAt: e.at };
    seen.name = e.name.trim();
    seen.kind = e.kind;
    seen.lastAt = e.at;
    if (e.helped === 'yes') seen.yes++;
    else if (e.helped === 'a_little') seen.aLittle++;
    else seen.no++;
    byName.set(key, seen);
  }
  const score = (h: WhatHelped) => h.yes * 2 + h.aLittle;
  return [...byName.values()]
    .sort((a, b) => score(b) - score(a) || b.yes - a.yes || a.name.localeCompare(b.name))
    .map(({ name, kind, yes, aLittle, no }) => ({ name, kind, yes, aLittle, no }));
}
