import { randomUUID } from 'node:crypto';
import { calmAnswers } from '../../core/clinical/fixtures';
import { addDays } from '../../core/time';
import { checkInBody, type TestClient } from './api';

export interface SeededHistory {
  episodeId: string;
  checkIns: string[];
  sessions: string[];
  walks: string[];
  goals: string[];
}

/**
 * A person's `days` days of recovery written through the API, ending on the day of `now`: a check-in every day
 * (pain easing, the map moving from the low back to a buttock), a walk every day, a session every other day, two
 * activities rated weekly, and on day 10 a re-screen that advises a doctor within 24 hours.
 */
export async function seedHistory(client: TestClient, now: Date, days = 21): Promise<SeededHistory> {
  const today = now.toISOString().slice(0, 10);
  const onset = addDays(today, -(days - 1));
  const { id: episodeId } = await client.createEpisode({ onsetDate: onset, painNow: 7 });
  const base = `/api/v1/episodes/${episodeId}`;
  const seeded: SeededHistory = { episodeId, checkIns: [], sessions: [], walks: [], goals: [randomUUID(), randomUUID()] };
  const must = async (url: string, body: unknown) => {
    const res = await client.put(url, body);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  };
  await must(`${base}/function-goals/${seeded.goals[0]}`, { activity: 'Put on my socks' });
  await must(`${base}/function-goals/${seeded.goals[1]}`, { activity: 'Sit through a meal' });
  for (let day = 0; day < days; day += 1) {
    const date = addDays(onset, day);
    const pain = Math.max(1, 7 - Math.floor(day / 3));
    const region = day < 12 ? 'low-back-center' : 'buttock-left';
    const checkInId = randomUUID();
    const rescreen = day === 9 ? { safety: calmAnswers({ fever: true }) } : {};
    await must(`${base}/check-ins/${checkInId}`, checkInBody({ at: `${date}T08:00:00.000Z`, painNow: pain, painWorst24h: Math.min(10, pain + 2), walkMinutes: 2 + day, regions: [{ region, pain, spasm: day < 5 }], ...rescreen }));
    seeded.checkIns.push(checkInId);
    const walkId = randomUUID();
    await must(`${base}/movements/${walkId}`, { kind: 'walk', startedAt: `${date}T10:00:00.000Z`, minutes: 2 + day });
    seeded.walks.push(walkId);
    if (day % 2 === 0) {
      const sessionId = randomUUID();
      await must(`${base}/sessions/${sessionId}`, {
        startedAt: `${date}T09:00:00.000Z`,
        endedAt: `${date}T09:10:00.000Z`,
        painBefore: pain,
        painAfter: Math.max(0, pain - 1),
        feel: 'right',
        exercises: [],
      });
      seeded.sessions.push(sessionId);
    }
    if (day % 7 === 0) {
      for (const [i, goal] of seeded.goals.entries()) await must(`${base}/function-goals/${goal}/ratings/${date}`, { rating: Math.min(10, 2 + i + day / 3) | 0 });
    }
  }
  return seeded;
}
