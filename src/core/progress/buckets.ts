/**
 * How the Progress series stay the same size however long an episode lives: one point a day for the most recent
 * twelve weeks, one a week back to a year before the plan date, and four-weekly points beyond that. A very long
 * history widens the four-weekly points (to eight weeks, twelve…) so there are never more than
 * MAX_LONG_POINTS of them. All product defaults.
 */

/** The last this-many days (the plan date included) have a point each. */
export const DAILY_POINT_DAYS = 84;
/** Back to this many days before the plan date, a point covers a week. */
export const WEEKLY_POINTS_UNTIL_DAYS = 364;
/** Before that, a point covers four weeks (or a multiple of four weeks), and there are at most this many of them. */
export const LONG_POINT_DAYS = 28;
export const MAX_LONG_POINTS = 25;
/** The most points a series can have: 84 daily, 40 weekly and 25 longer ones. */
export const MAX_SERIES_POINTS = DAILY_POINT_DAYS + (WEEKLY_POINTS_UNTIL_DAYS - DAILY_POINT_DAYS) / 7 + MAX_LONG_POINTS;

/** A run of days, by day number (see `dayNumber`): `first` and the `days - 1` days after it. */
export interface Bucket {
  first: number;
  days: number;
}

/** The buckets from day `from` to day `to` (both included), oldest first. Empty when `to` is earlier. */
export function seriesBuckets(from: number, to: number): Bucket[] {
  const out: Bucket[] = [];
  let last = to;
  const push = (width: number) => {
    const first = Math.max(from, last - width + 1);
    out.push({ first, days: last - first + 1 });
    last = first - 1;
  };
  while (last >= from && to - last < DAILY_POINT_DAYS) push(1);
  while (last >= from && to - last < WEEKLY_POINTS_UNTIL_DAYS) push(7);
  const rest = last - from + 1;
  if (rest > 0) {
    const width = LONG_POINT_DAYS * Math.ceil(rest / (LONG_POINT_DAYS * MAX_LONG_POINTS));
    while (last >= from) push(width);
  }
  return out.reverse();
}

/** For each day number from `from` on, the index of its bucket (days before `from` have none). */
export function bucketIndexer(buckets: readonly Bucket[]): (day: number) => number {
  const start = buckets[0]?.first ?? 0;
  const index: number[] = [];
  for (const [i, b] of buckets.entries()) for (let d = 0; d < b.days; d++) index.push(i);
  return (day) => index[day - start] ?? -1;
}
