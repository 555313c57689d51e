import { isRequiredSafetyField, SAFETY_STEPS, type LegWeakness, type SafetyField, type SafetyStep } from '../../core/clinical';
import type { Issue } from '../api/client';
import { messageFor } from '../lib/issues';
import type { SafetyDraft } from '../lib/safetyDraft';
import { LEG_WEAKNESS_CHOICES, OPTIONAL, QUESTION_WORDS, SEX_CHOICES, STEP_WORDS } from '../words/safety';
import { ChoiceGroup } from './ChoiceGroup';
import { PainScale } from './PainScale';
import { TextField } from './TextField';
import { YesNoUnsure } from './YesNoUnsure';

interface FieldsProps {
  step: SafetyStep;
  draft: SafetyDraft;
  /** Receives only what changed, so quick taps never overwrite each other. */
  onChange: (patch: Partial<SafetyDraft>) => void;
  issues: readonly Issue[];
}

/** A question's words, with "(optional)" when core says it cannot change the outcome. */
const worded = (field: SafetyField, text: string) => (isRequiredSafetyField(field) ? text : `${text} ${OPTIONAL}`);

/** The questions of one safety step, in core's order. */
export function SafetyFields({ step, draft, onChange: set, issues }: FieldsProps) {
  const err = (field: string) => messageFor(issues, `safety.${field}`);
  return (
    <>
      {step.fields.map((field) => {
        switch (field) {
          case 'ageYears':
            return (
              <TextField
                key={field}
                path="safety.ageYears"
                label="How old are you?"
                hint="In years."
                inputMode="numeric"
                autoComplete="off"
                className="narrow"
                value={draft.ageYears ?? ''}
                onChange={(v) => set({ ageYears: v })}
                error={err('ageYears')}
              />
            );
          case 'sex':
            return (
              <ChoiceGroup
                key={field}
                path="safety.sex"
                legend={worded('sex', 'Your sex')}
                choices={SEX_CHOICES}
                value={draft.sex}
                onChange={(v) => set({ sex: v })}
                error={err('sex')}
              />
            );
          case 'legWeakness':
            return (
              <LegWeaknessQuestion key={field} value={draft.legWeakness} onChange={(v) => set({ legWeakness: v })} error={err('legWeakness')} />
            );
          case 'weeksWithoutImprovement':
            return (
              <TextField
                key={field}
                path="safety.weeksWithoutImprovement"
                label="For how many weeks has it gone on without getting better?"
                hint="Write 0 if it started recently or is already easing."
                inputMode="numeric"
                autoComplete="off"
                className="narrow"
                value={draft.weeksWithoutImprovement ?? '0'}
                onChange={(v) => set({ weeksWithoutImprovement: v })}
                error={err('weeksWithoutImprovement')}
              />
            );
          case 'painNRS':
            return (
              <PainScale key={field} path="safety.painNRS" legend="How much does it hurt right now?" value={draft.painNRS} onChange={(n) => set({ painNRS: n })} error={err('painNRS')} />
            );
          default: {
            const words = QUESTION_WORDS[field];
            return (
              <YesNoUnsure
                key={field}
                path={`safety.${field}`}
                question={worded(field, words.question)}
                hint={words.hint}
                value={draft[field]}
                onChange={(a) => set({ [field]: a })}
                error={err(field)}
              />
            );
          }
        }
      })}
    </>
  );
}

interface Props {
  draft: SafetyDraft;
  onChange: (patch: Partial<SafetyDraft>) => void;
  issues: readonly Issue[];
  /** Heading level of the section titles. */
  headingLevel?: 2 | 3;
  /** Pain is asked once by the screen around the form (the start or the check-in), never here; only `false` is meaningful. */
  askPain?: false;
}

/** Every safety question of clinical.md §1 on one page, step by step in sections (the check-in's re-screen). */
export function SafetyForm({ draft, onChange, issues, headingLevel = 2 }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="safety-form">
      {SAFETY_STEPS.map((step) => {
        const words = STEP_WORDS[step.id];
        return (
          <section key={step.id} className="card form-section" aria-labelledby={`section-${step.id}`}>
            <Heading id={`section-${step.id}`}>{words.title}</Heading>
            {words.intro ? <p className="section-intro">{words.intro}</p> : null}
            <SafetyFields step={step} draft={draft} onChange={onChange} issues={issues} />
          </section>
        );
      })}
    </div>
  );
}

/** "Does either leg feel weak?" — asked by the safety steps and again by the leg questions of a check-in. */
export function LegWeaknessQuestion({ value, onChange, error }: { value: LegWeakness | undefined; onChange: (v: LegWeakness) => void; error: string | undefined }) {
  return (
    <ChoiceGroup path="safety.legWeakness" legend="Does either leg feel weak?" choices={LEG_WEAKNESS_CHOICES} layout="column" value={value} onChange={onChange} error={error} />
  );
}
