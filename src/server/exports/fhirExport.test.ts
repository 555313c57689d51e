import { expect, it } from 'vitest';
import type { Bundle, CarePlan, Condition, Observation, Resource } from '@medplum/fhirtypes';
import { describeEachBackend } from '../testing/backends';
import { appUnderTest } from '../testing/appUnderTest';
import { seedHistory } from '../testing/history';
import { therapistChanges } from '../testing/routeSamples';
import { fhirIssues } from './fhirValidator';

const NOW = new Date('2026-11-24T12:00:00.000Z');
const ofType = <T extends Resource>(bundle: Bundle, type: T['resourceType']) => (bundle.entry ?? []).map((e) => e.resource).filter((r): r is T => r?.resourceType === type);

describeEachBackend('FHIR R4 export', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);

  it('exports 21 days as a collection Bundle that validates against the R4 definitions with no errors', async () => {
    const person = await ctx.person('UTC');
    const seeded = await seedHistory(person, NOW, 21);
    await therapistChanges(person, seeded.episodeId, 'Robin Diaz', 'Short walks, often, are better than one long one.');
    // Another person's therapist and their changes stay in that person's export.
    const other = await ctx.person('UTC');
    await therapistChanges(other, (await other.createEpisode()).id, 'Sam Okafor', 'A note for someone else.');
    const res = await person.get(`/api/v1/episodes/${seeded.episodeId}/export/fhir`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const bundle = res.json<Bundle>();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: NOW.toISOString() });

    const problems = [bundle, ...(bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []))].flatMap((r) =>
      fhirIssues(r)
        .filter((i) => i.severity === 'error' || i.severity === 'fatal')
        .map((i) => `${r.resourceType}/${r.id ?? ''}: ${i.details?.text ?? ''} at ${(i.expression ?? []).join(',')}`),
    );
    expect(problems).toEqual([]);

    const ids = (bundle.entry ?? []).map((e) => e.fullUrl);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ofType(bundle, 'Patient')).toHaveLength(1);
    expect(ofType<Condition>(bundle, 'Condition')[0]?.code?.coding?.[0]).toMatchObject({ system: 'http://snomed.info/sct', code: '279039007' });

    const pain = ofType<Observation>(bundle, 'Observation').filter((o) => o.code.coding?.some((c) => c.system === 'http://loinc.org' && c.code === '72514-3'));
    expect(pain).toHaveLength(21 * 2);
    const first = pain.find((o) => o.effectiveDateTime === '2026-11-04T08:00:00.000Z');
    expect(first?.valueInteger).toBe(7);
    expect(pain.filter((o) => o.effectivePeriod).every((o) => o.effectivePeriod?.end && o.effectivePeriod.start)).toBe(true);

    expect(ofType(bundle, 'QuestionnaireResponse')).toHaveLength(3);
    expect(ofType(bundle, 'Procedure').map((p) => p.id).sort()).toEqual([...seeded.sessions].sort());
    const walks = ofType<Observation>(bundle, 'Observation').filter((o) => o.code.text === 'Walk');
    expect(walks.map((w) => w.id).sort()).toEqual([...seeded.walks].sort());
    const triage = ofType<Observation>(bundle, 'Observation').filter((o) => o.code.text?.startsWith('Unclench safety'));
    expect(triage.map((t) => t.valueCodeableConcept?.text)).toEqual(['No warning signs: self-care', 'See a doctor within 24 hours']);

    // The therapist's changes in force: one CarePlan, each change with who made it and when, the note in their words.
    const plans = ofType<CarePlan>(bundle, 'CarePlan');
    expect(plans).toHaveLength(1);
    const [plan] = plans;
    expect(plan).toMatchObject({ status: 'active', intent: 'plan', subject: { reference: `urn:uuid:${ofType(bundle, 'Patient')[0]?.id ?? ''}` }, contributor: [{ display: 'Robin Diaz' }] });
    expect(plan?.addresses).toEqual([{ reference: `urn:uuid:${seeded.episodeId}` }]);
    expect(plan?.activity?.map((a) => [a.detail?.status, a.detail?.description, a.progress?.[0]?.authorString, a.progress?.[0]?.time?.slice(0, 16)])).toEqual([
      ['in-progress', 'Left Cat and camel out of your plan', 'Robin Diaz', '2026-11-24T12:00'],
      ['in-progress', 'Noted that your front hip muscles feel tight', 'Robin Diaz', '2026-11-24T12:00'],
    ]);
    expect(plan?.note).toEqual([{ authorString: 'Robin Diaz', time: expect.stringMatching(/^2026-11-24T12:00/), text: 'Short walks, often, are better than one long one.' }]);
    expect(JSON.stringify(bundle)).not.toMatch(/Sam Okafor|someone else/);
    // Nothing from the therapist is coded: no diagnosis, only words.
    expect(JSON.stringify(plan)).not.toContain('coding');

    // Every reference points at a resource inside the bundle.
    const references = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    for (const ref of references) expect(ids).toContain(ref.slice('"reference":"'.length, -1));
  });

  it('catches a resource that breaks the R4 rules (the check can fail)', () => {
    const broken = { resourceType: 'Observation', status: 'final', valueInteger: 'seven', colour: 'blue' } as unknown as Resource;
    const errors = fhirIssues(broken).filter((i) => i.severity === 'error');
    expect(errors.map((i) => i.expression?.[0])).toEqual(['Observation.code', 'Observation.value[x]', 'Observation.colour']);
  });

  it('has no CarePlan when no therapist changed the plan', async () => {
    const person = await ctx.person('UTC');
    const { id } = await person.createEpisode();
    const bundle = (await person.get(`/api/v1/episodes/${id}/export/fhir`)).json<Bundle>();
    expect(ofType(bundle, 'CarePlan')).toEqual([]);
  });

  it('answers 404 for another person’s episode', async () => {
    const owner = await ctx.person();
    const { id } = await owner.createEpisode();
    const other = await ctx.person();
    expect((await other.get(`/api/v1/episodes/${id}/export/fhir`)).statusCode).toBe(404);
  });
});
