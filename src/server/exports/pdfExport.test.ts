import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachBackend } from '../testing/backends';
import { appUnderTest } from '../testing/appUnderTest';
import { seedHistory } from '../testing/history';
import { therapistChanges } from '../testing/routeSamples';
import { RULE_WORDS } from '../../web/words/triage';

const NOW = new Date('2026-11-24T12:00:00.000Z');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'unclench-pdf-'));
afterAll(() => {
  if (!process.env.KEEP_PDF) fs.rmSync(work, { recursive: true, force: true });
});

/** Share of a greyscale page (PGM from pdftoppm) that is not white: a blank page is 0. */
function inkShare(pgmFile: string): number {
  const data = fs.readFileSync(pgmFile);
  const header = data.subarray(0, 64).toString('latin1').split(/\s+/);
  const [w, h] = [Number(header[1]), Number(header[2])];
  const pixels = data.subarray(data.length - w * h);
  let dark = 0;
  for (const p of pixels) if (p < 200) dark += 1;
  return dark / pixels.length;
}

describeEachBackend('PDF report', (backend) => {
  const ctx = appUnderTest(backend, () => NOW);

  it('renders a 21-day episode as pages with the charts, the safety history, the plan and the disclaimer', async () => {
    const person = await ctx.person('UTC');
    const seeded = await seedHistory(person, NOW, 21);
    await therapistChanges(person, seeded.episodeId, 'Robin Diaz', 'Short walks, often, are better than one long one.');
    const other = await ctx.person('UTC');
    await therapistChanges(other, (await other.createEpisode()).id, 'Sam Okafor', 'A note for someone else.');
    const res = await person.get(`/api/v1/episodes/${seeded.episodeId}/export/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="unclench-report-2026-11-24.pdf"');
    const file = path.join(work, `${backend.name}.pdf`);
    fs.writeFileSync(file, res.rawPayload);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    execFileSync('pdftoppm', ['-gray', '-r', '40', file, path.join(work, backend.name)]);
    const pages = fs.readdirSync(work).filter((f) => f.startsWith(`${backend.name}-`) && f.endsWith('.pgm'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(4);
    for (const page of pages) expect(inkShare(path.join(work, page)), `${page} has something on it`).toBeGreaterThan(0.005);

    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const words of [
      'Recovery summary',
      'not a medical device',
      'Safety questions',
      'Advised to see a doctor within 24 hours',
      'Pain, day by day',
      'Put on my socks',
      'Sit through a meal',
      'Where it hurt, week by week',
      'Left buttock',
      'What helped',
      'Current plan',
      `Page 1 of ${pages.length}`,
    ])
      expect(text).toContain(words);
    // Each rule that was met is told in the app's own words for it, never by its id.
    expect(text).not.toMatch(/\b[EU]\d+_[A-Z_]+/);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(RULE_WORDS.U1_FEVER); // the day-10 re-screen said yes to a fever
    // The therapist's changes in force: what, by whom (as the person knows them), when, and the note in their words.
    expect(flat).toContain('Changes from your physical therapist');
    expect(flat).toContain('24 Nov, Robin Diaz: Left Cat and camel out of your plan');
    expect(flat).toContain('24 Nov, Robin Diaz: Noted that your front hip muscles feel tight');
    expect(flat).toContain('24 Nov, Robin Diaz: Wrote you a note: “Short walks, often, are better than one long one.”');
    expect(flat).not.toMatch(/Sam Okafor|someone else/);
  });

  it('leaves the therapist’s section out when no therapist changed the plan, and a change the person undid with it', async () => {
    const person = await ctx.person('UTC');
    const { id } = await person.createEpisode();
    const text = async () => {
      const file = path.join(work, `${backend.name}-${randomUUID()}.pdf`);
      fs.writeFileSync(file, (await person.get(`/api/v1/episodes/${id}/export/pdf`)).rawPayload);
      return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    };
    expect(await text()).not.toContain('physical therapist');
    const therapist = await therapistChanges(person, id, 'Robin Diaz', 'Gently does it.');
    expect(await text()).toContain('Wrote you a note: “Gently does it.”');
    const edits = (await therapist.get(`/api/v1/episodes/${id}/plan-edits`)).json<{ id: string }[]>();
    for (const edit of edits) expect((await person.delete(`/api/v1/episodes/${id}/plan-edits/${edit.id}`)).statusCode).toBe(204);
    expect(await text()).not.toContain('physical therapist');
  });

  it('answers 404 for another person’s episode', async () => {
    const owner = await ctx.person();
    const { id } = await owner.createEpisode();
    expect((await (await ctx.person()).get(`/api/v1/episodes/${id}/export/pdf`)).statusCode).toBe(404);
  });
});
