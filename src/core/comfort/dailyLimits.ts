import { localDateOf } from '../time';

/** What helped a person move: tablets, creams, patches, heat or cold. Logged, never suggested. */
export const COMFORT_KINDS = ['tablet', 'topical', 'patch', 'heat', 'cold', 'other'] as const;
export type ComfortKind = (typeof COMFORT_KINDS)[number];

export interface ComfortEntry {
  kind: ComfortKind;
  name: string;
  amount: number;
  /** The daily maximum the person copied from their own package label, in the same unit as `amount`. */
  dailyMax: number | null;
  at: string;
}

export interface OverLimit {
  name: string;
  date: string;
  total: number;
  dailyMax: number;
}

const sameProduct = (name: string) => name.trim().toLocaleLowerCase('en');

/**
 * Days on which the amount logged for one product went over the daily maximum the person entered from its label.
 * The most recent maximum entered for a product applies to the whole day.
 */
export function overDailyLimits(entries: readonly ComfortEntry[], timeZone: string): OverLimit[] {
  const byDayAndProduct = new Map<string, { name: string; date: string; total: number; dailyMax: number | null; maxAt: string }>();
  for (const e of entries) {
    const date = localDateOf(e.at, timeZone);
    const key = `${date}\u0000${sameProduct(e.name)}`;
    const group = byDayAndProduct.get(key) ?? { name: e.name.trim(), date, total: 0, dailyMax: null, maxAt: '' };
    group.total += e.amount;
    if (e.dailyMax !== null && e.at >= group.maxAt) {
      group.dailyMax = e.dailyMax;
      group.maxAt = e.at;
    }
    byDayAndProduct.set(key, group);
  }
  return [...byDayAndProduct.values()]
    .filter((g): g is typeof g & { dailyMax: number } => g.dailyMax !== null && g.total > g.dailyMax)
    .map(({ name, date, total, dailyMax }) => ({ name, date, total, dailyMax }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}
