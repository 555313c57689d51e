/** The emergency number to offer first, guessed from the person's time zone; the others are always listed too. */
const NINE_ONE_ONE = /^(America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Juneau|Sitka|Nome|Adak|Boise|Detroit|Indiana\/.+|Kentucky\/.+|North_Dakota\/.+|Menominee|Toronto|Vancouver|Edmonton|Winnipeg|Regina|Halifax|St_Johns|Moncton|Whitehorse|Yellowknife|Iqaluit|Puerto_Rico)|Pacific\/Honolulu|US\/.+|Canada\/.+)$/;
const NINE_NINE_NINE = /^(Europe\/(London|Belfast|Guernsey|Jersey|Isle_of_Man)|GB)$/;

export interface EmergencyNumber {
  number: '999' | '911' | '112';
  where: string;
}

export const EMERGENCY_NUMBERS: EmergencyNumber[] = [
  { number: '999', where: 'UK' },
  { number: '911', where: 'US and Canada' },
  { number: '112', where: 'Europe and most mobile phones' },
];

export function emergencyNumberFor(timeZone: string | undefined): EmergencyNumber {
  const tz = timeZone ?? '';
  const pick = NINE_NINE_NINE.test(tz) ? '999' : NINE_ONE_ONE.test(tz) ? '911' : '112';
  return EMERGENCY_NUMBERS.find((n) => n.number === pick) ?? { number: '112', where: 'Europe and most mobile phones' };
}
