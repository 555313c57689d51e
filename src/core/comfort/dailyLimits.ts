import { localDateOf } from '../time';
import type { ComfortKind, ComfortUnit } from './kinds';
import { compareText } from '../compareText';

export { COMFORT_KINDS, type ComfortKind } from './kinds';

export interface ComfortEntry {
  kind: ComfortKind;
  name: string;
  amount: number;
  /** The amount's unit; null for an entry made before units were asked. */
  unit?: ComfortUnit | null;
  /** The daily maximum the person copied from their own package label, in the same unit as `amount`. */
  dailyMax: number | null;
  at: string;
}

export interface OverLimit {
  name: string;
  date: string;
  total: number;
  dailyMax: number;
  unit: ComfortUnit | null;
}

const sameProduct = (name: string) => name.trim().toLocaleLowerCase('en');

/**
 * Days on which the amount logged for one product went over the daily maximum the person entered from its label.
 * Amounts in different units are never added up (2 tablets and 400 mg are counted apart). The most recent maximum
 * entered for a product and unit applies to the whole day.
 */
export function overDailyLimits(entries: readonly ComfortEntry[], timeZone: string): OverLimit[] {
  const byDayAndProduct = new Map<string, { name: string; date: string; total: number; dailyMax: number | null; maxAt: string; unit: ComfortUnit | null }>();
  for (const e of entries) {
    const date = localDateOf(e.at, timeZone);
    const unit = e.unit ?? null;
    const key = `${date}\u0000${sameProduct(e.name)}\u0000${unit ?? ''}`;
    const group = byDayAndProduct.get(key) ?? { name: e.name.trim(), date, total: 0, dailyMax: null, maxAt: '', unit };
    group.total += e.amount;
    if (e.dailyMax !== null && e.at >= group.maxAt) {
      group.dailyMax = e.dailyMax;
      group.maxAt = e.at;
    }
    byDayAndProduct.set(key, group);
  }
  return [...byDayAndProduct.values()]
    .filter((g): g is typeof g & { dailyMax: number } => g.dailyMax !== null && g.total > g.dailyMax)
    .map(({ name, date, total, dailyMax, unit }) => ({ name, date, total, dailyMax, unit }))
    .sort((a, b) => compareText(a.date, b.date) || a.name.localeCompare(b.name));
}
