/**
 * What recovery from an acute episode usually looks like (clinical.md §6), for honest expectations.
 * Menezes Costa et al., CMAJ 2012 (acute cohorts, pain /100): 52 at the start, 23 at 6 weeks, 12 at 26 weeks,
 * 6 at 52 weeks. Scaled to the person's own starting pain, it gives a "typical" line to compare with.
 */
export const TYPICAL_COURSE: readonly { weeks: number; painOf100: number }[] = [
  { weeks: 0, painOf100: 52 },
  { weeks: 6, painOf100: 23 },
  { weeks: 26, painOf100: 12 },
  { weeks: 52, painOf100: 6 },
];

export const EXPECTATION_SOURCES = [
  'Menezes Costa et al., CMAJ 2012: in acute back pain, most improvement happens in the first six weeks.',
  'Pengel et al., BMJ 2003: on average pain and disability fall by about 58% within the first month, and keep improving to about 3 months.',
  'Henschke et al., BMJ 2008: for pain that began less than two weeks before, the median time to recover was 31 days for function and 58 days for pain.',
] as const;

/** The typical pain at `weeks` after onset, for someone who started at `startPain` (0–10). */
export function typicalPain(startPain: number, weeks: number): number {
  const points = TYPICAL_COURSE;
  const last = points[points.length - 1]!;
  if (weeks >= last.weeks) return (startPain * last.painOf100) / points[0]!.painOf100;
  let i = 0;
  while (i < points.length - 2 && weeks > points[i + 1]!.weeks) i++;
  const a = points[i]!;
  const b = points[i + 1]!;
  const share = (Math.max(0, weeks) - a.weeks) / (b.weeks - a.weeks);
  return (startPain * (a.painOf100 + share * (b.painOf100 - a.painOf100))) / points[0]!.painOf100;
}

export type Comparison = 'ahead' | 'as-usual' | 'slower';

/** Within a point of the typical line is "as usual": pain scores move by a point from day to day. */
export function compareWithTypical(startPain: number, weeks: number, painNow: number): Comparison {
  const typical = typicalPain(startPain, weeks);
  if (painNow <= typical - 1) return 'ahead';
  if (painNow >= typical + 1) return 'slower';
  return 'as-usual';
}
