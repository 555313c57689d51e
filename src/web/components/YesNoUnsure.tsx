import type { YesNoUnsure as Answer } from '../../core/clinical';
import { ChoiceGroup } from './ChoiceGroup';

const CHOICES = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unsure', label: 'Not sure' },
] as const;

const toValue = (a: Answer | undefined) => (a === undefined ? undefined : a === 'unsure' ? 'unsure' : a ? 'yes' : 'no');
const toAnswer = (v: string): Answer => (v === 'unsure' ? 'unsure' : v === 'yes');

/** Yes / No / Not sure. "Not sure" is sent as 'unsure', which the rules treat with care. */
export function YesNoUnsure(props: { path: string; question: string; hint?: string; value: Answer | undefined; onChange: (a: Answer) => void; error?: string }) {
  return (
    <ChoiceGroup
      path={props.path}
      legend={props.question}
      hint={props.hint}
      choices={CHOICES}
      value={toValue(props.value)}
      onChange={(v) => props.onChange(toAnswer(v))}
      error={props.error}
    />
  );
}
