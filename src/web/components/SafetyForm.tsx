import type { Issue } from '../api/client';
import { messageFor } from '../lib/issues';
import type { SafetyDraft } from '../lib/safetyDraft';
import { LEG_WEAKNESS_CHOICES, SAFETY_SECTIONS, SEX_CHOICES, type SafetySection } from '../words/safety';
import { ChoiceGroup } from './ChoiceGroup';
import { PainScale } from './PainScale';
import { TextField } from './TextField';
import { YesNoUnsure } from './YesNoUnsure';

interface Props {
  draft: SafetyDraft;
  /** Receives only what changed, so quick taps never overwrite each other. */
  onChange: (patch: Partial<SafetyDraft>) => void;
  issues: readonly Issue[];
  /** Ask "pain now" here (first run). A check-in asks it itself and passes it in instead. */
  askPain: boolean;
  /** Heading level of the section titles. */
  headingLevel?: 2 | 3;
}

/** Every safety question of clinical.md §1, in small calm sections. */
export function SafetyForm({ draft, onChange, issues, askPain, headingLevel = 2 }: Props) {
  const set = onChange;
  const err = (field: string) => messageFor(issues, `safety.${field}`);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const extrasBefore = (section: SafetySection) => {
    if (section.id === 'about-you')
      return (
        <>
          <TextField
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
          <ChoiceGroup
            path="safety.sex"
            legend="Your sex"
            hint="You can skip this one."
            choices={SEX_CHOICES}
            value={draft.sex}
            onChange={(v) => set({ sex: v })}
            error={err('sex')}
          />
        </>
      );
    if (section.id === 'the-pain')
      return (
        <>
          {askPain ? (
            <PainScale path="safety.painNRS" legend="How much does it hurt right now?" value={draft.painNRS} onChange={(n) => set({ painNRS: n })} error={err('painNRS')} />
          ) : null}
          <TextField
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
        </>
      );
    return null;
  };

  const extrasAfter = (section: SafetySection) =>
    section.id === 'nerves' ? (
      <ChoiceGroup
        path="safety.legWeakness"
        legend="Does either leg feel weak?"
        choices={LEG_WEAKNESS_CHOICES}
        layout="column"
        value={draft.legWeakness}
        onChange={(v) => set({ legWeakness: v })}
        error={err('legWeakness')}
      />
    ) : null;

  return (
    <div className="safety-form">
      {SAFETY_SECTIONS.map((section) => (
        <section key={section.id} className="card form-section" aria-labelledby={`section-${section.id}`}>
          <Heading id={`section-${section.id}`}>{section.title}</Heading>
          {section.intro ? <p className="section-intro">{section.intro}</p> : null}
          {extrasBefore(section)}
          {section.questions.map((q) => (
            <YesNoUnsure
              key={q.field}
              path={`safety.${q.field}`}
              question={q.question}
              hint={q.hint}
              value={draft[q.field]}
              onChange={(a) => set({ [q.field]: a })}
              error={err(q.field)}
            />
          ))}
          {extrasAfter(section)}
        </section>
      ))}
    </div>
  );
}
