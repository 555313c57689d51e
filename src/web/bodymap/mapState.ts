import { BODY_REGIONS, isRegionId, type RegionId } from '../../core/body/regions';

/**
 * The body map while a person fills it in. A region's `pain` is a number — carried over from the last check-in
 * (core/body/checkInPrefill) or chosen now — or `null` for a place just ticked in the list, which means "same as
 * your pain now" (what a bare region id means to the server) until a number is chosen.
 * `pain: 0` is "no pain here" said out loud: it is kept so the panel shows it, and counts as not painful.
 */
export interface MapEntry {
  readonly pain: number | null;
  readonly spasm: boolean;
}
export type MapDraft = Readonly<Partial<Record<RegionId, MapEntry>>>;

/** One region of a map to send: the contract's `{ region, pain, spasm }`. */
export interface RegionPainOut {
  region: RegionId;
  pain: number;
  spasm: boolean;
}

const ORDER = BODY_REGIONS.map((r) => r.id);

export const isPainful = (entry: MapEntry | undefined): boolean => entry !== undefined && (entry.pain === null || entry.pain > 0);

/** The pain to show or send for an entry: its own number, else the overall pain now (when known). */
export function resolvePain(entry: MapEntry, painNow: number | undefined): number | null {
  return entry.pain ?? painNow ?? null;
}

/** Regions that hurt, in the canonical order. */
export function painfulIds(draft: MapDraft): RegionId[] {
  return ORDER.filter((id) => isPainful(draft[id]));
}

/** A draft from plain region ids (an episode's start): each at "same as pain now". */
export function draftFromIds(ids: readonly string[]): MapDraft {
  const out: Partial<Record<RegionId, MapEntry>> = {};
  for (const id of ids) if (isRegionId(id)) out[id] = { pain: null, spasm: false };
  return out;
}

/** The starting map of a check-in (core/body/checkInPrefill): each place with its own pain and spasm mark. */
export function draftFromMap(places: readonly RegionPainOut[]): MapDraft {
  const out: Partial<Record<RegionId, MapEntry>> = {};
  for (const r of places) if (r.pain > 0) out[r.region] = { pain: r.pain, spasm: r.spasm };
  return out;
}

export function setPain(draft: MapDraft, id: RegionId, pain: number | null): MapDraft {
  return { ...draft, [id]: { pain, spasm: pain === 0 ? false : (draft[id]?.spasm ?? false) } };
}

export function setSpasm(draft: MapDraft, id: RegionId, spasm: boolean): MapDraft {
  const entry = draft[id];
  // Marking a cramp in a place that was not marked means it hurts there too.
  const pain = entry === undefined || entry.pain === 0 ? null : entry.pain;
  return { ...draft, [id]: { pain: spasm ? pain : (entry?.pain ?? null), spasm } };
}

/** Turns a place on (at "same as pain now" unless a number is given) or off. */
export function toggle(draft: MapDraft, id: RegionId, on: boolean, pain: number | null = null): MapDraft {
  if (on) return { ...draft, [id]: { pain, spasm: false } };
  const next: Partial<Record<RegionId, MapEntry>> = { ...draft };
  delete next[id];
  return next;
}

/**
 * The map to send with a check-in: every painful place with its number, plus `pain: 0` for places that hurt
 * last time and no longer do, so the record shows the pain leaving (not just falling silent).
 */
export function toPayload(draft: MapDraft, painNow: number, previous: readonly { region: string; pain: number }[] = []): RegionPainOut[] {
  const out: RegionPainOut[] = [];
  const before = new Set(previous.filter((r) => r.pain > 0).map((r) => r.region));
  for (const id of ORDER) {
    const entry = draft[id];
    const pain = entry && isPainful(entry) ? (resolvePain(entry, painNow) ?? 0) : 0;
    if (pain > 0) out.push({ region: id, pain, spasm: entry?.spasm ?? false });
    else if (before.has(id)) out.push({ region: id, pain: 0, spasm: false });
  }
  return out;
}
