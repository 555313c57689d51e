export const STAND_CHOICES = [
  { value: 'yes', label: 'Yes' },
  { value: 'partly', label: 'Partly' },
  { value: 'no', label: 'Not yet' },
] as const;

/** Walking choices and the minutes each one sends. */
export const WALK_CHOICES = [
  { value: '0', minutes: 0, label: 'Not yet' },
  { value: '3', minutes: 3, label: 'Under 5 minutes' },
  { value: '10', minutes: 10, label: '5 to 15 minutes' },
  { value: '20', minutes: 20, label: '15 to 30 minutes' },
  { value: '30', minutes: 30, label: 'Over 30 minutes' },
] as const;

export function walkInWords(minutes: number): string {
  if (minutes <= 0) return 'not yet';
  if (minutes < 5) return 'under 5 minutes';
  if (minutes < 15) return '5 to 15 minutes';
  if (minutes < 30) return '15 to 30 minutes';
  return 'over 30 minutes';
}

/** Shown as a value ("Standing up straight: Partly"), so capitalised like the choices. */
export const STAND_WORDS = { yes: 'Yes', partly: 'Partly', no: 'Not yet' } as const;
