import { expect, it } from 'vitest';
import type { Bundle, Condition, Observation, Resource } from '@medplum/fhirtypes';
import { describeEachBackend } from '../testing/backends';
import { appUnderTest } from '../testing/appUnderTest';
import { seedHistory } from '../testing/history';
import { fhirIssues } from './fhirValidator';

const NOW = new Date('2026-11-24T12:00:00.000Z');
const ofType = <T extends Resource>(bundle: Bundle, type: T['resourceType']) => (bundle.entry ?? []).map((e) => e.resource).filter((r): r is T => r?.resourceType === type);

describeEachBackend('FHIR R4 export', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);

  it('exports 21 days as a collection Bundle that validates against the R4 definitions with no errors', async () => {
    const person = await ctx.person('UTC');
    const seeded = await seedHistory(person, NOW, 21);
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

    // Every reference points at a resource inside the bundle.
    const references = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    for (const ref of references) expect(ids).toContain(ref.slice('"reference":"'.length, -1));
  });

  it('catches a resource that breaks the R4 rules (the check can fail)', () => {
    const broken = { resourceType: 'Observation', status: 'final', valueInteger: 'seven', colour: 'blue' } as unknown as Resource;
    const errors = fhirIssues(broken).filter((i) => i.severity === 'error');
    expect(errors.map((i) => i.expression?.[0])).toEqual(['Observation.code', 'Observation.value[x]', 'Observation.colour']);
  });

  it('answers 404 for another person’s episode', async () => {
    const owner = await ctx.person();
    const { id } = await owner.createEpisode();
    const other = await ctx.person();
    expect((await other.get(`/api/v1/episodes/${id}/export/fhir`)).statusCode).toBe(404);
  });
});
