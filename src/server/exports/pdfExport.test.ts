import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachBackend } from '../testing/backends';
import { appUnderTest } from '../testing/appUnderTest';
import { seedHistory } from '../testing/history';
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
  });

  it('answers 404 for another person’s episode', async () => {
    const owner = await ctx.person();
    const { id } = await owner.createEpisode();
    expect((await (await ctx.person()).get(`/api/v1/episodes/${id}/export/pdf`)).statusCode).toBe(404);
  });
});
