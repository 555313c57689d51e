import { randomUUID } from 'node:crypto';
import type { ReminderSettings as ReminderSettingsBody, Sitting, SittingPut } from '../../contract';
import { reminderMessage } from '../../core/reminders/messages';
import { DAY_MINUTES, nextDaily, nextWeekly, sendDecision, snoozedReminder, standUpReminder, WEEK_MINUTES, type Weekday } from '../../core/reminders/schedule';
import type { ReminderSettings } from '../../core/reminders/sitTimer';
import { remindersCalendar } from '../../core/reminders/calendar';
import { STAND_BREAK_MINUTES } from '../../core/plan/pacing';
import { localDateOf } from '../../core/time';
import { invalid, notFound } from '../errors';
import type { RemindersRepository, ReminderRow } from '../store/repositories/reminders';
import type { ReminderSettingsTable } from '../store/schema';
import type { Clock } from './clock';
import type { EpisodeService } from './episodes';
import type { PlanService } from './plans';
import type { PushService } from './push';

export interface ReminderDeps {
  reminders: RemindersRepository;
  episodes: EpisodeService;
  plans: PlanService;
  push: PushService;
  clock: Clock;
  /** This instance's name in the claims it makes. */
  instanceId?: string;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

const MINUTE = 60_000;
/** Used when a plan cannot be read (e.g. an episode whose leg questions are waiting): the first stage's interval. */
const FALLBACK_EVERY = STAND_BREAK_MINUTES.settle;
const TEST_STALE_MINUTES = 10;
const CLAIM_BATCH = 100;
/** A claim this old belongs to an instance that stopped mid-send: its reminder is dropped, never sent twice. */
const STUCK_CLAIM_MINUTES = 5;
const KEEP_FINISHED_DAYS = 14;
/** How far a sitting may have begun before it is said to have begun (a reload, an offline write sent later). */
const SITTING_PAST_LIMIT_MINUTES = 12 * 60;
const DEFAULT_CHECK_IN_TIME = '09:00';

export const NO_SETTINGS: ReminderSettingsBody = { quietHours: null, intervalOverrideMinutes: null, checkInTime: null, goalReminder: null };

function settingsBody(row: ReminderSettingsTable | undefined): ReminderSettingsBody {
  if (!row) return NO_SETTINGS;
  return {
    quietHours: row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null,
    intervalOverrideMinutes: (row.interval_override_minutes ?? null) as ReminderSettingsBody['intervalOverrideMinutes'],
    checkInTime: row.check_in_time,
    goalReminder: row.goal_weekday && row.goal_time ? { weekday: row.goal_weekday as Weekday, time: row.goal_time } : null,
  };
}

function toSitting(row: ReminderRow): Sitting {
  return { sittingSince: row.sitting_since ?? row.created_at, dueAt: row.due_at, intervalMinutes: row.interval_minutes, snoozed: row.snoozed === 1 };
}

/**
 * The reminders sent through Web Push: the person's settings, the sitting that schedules a stand-up reminder, and
 * the scheduler every instance runs. Reminders are rows; an instance claims due rows before sending (see
 * `claimDue`), so with several instances on one database each reminder goes out once.
 */
export function reminderService({ reminders, episodes, plans, push, clock, instanceId = randomUUID(), log }: ReminderDeps) {
  async function settingsOf(personId: string): Promise<{ body: ReminderSettingsBody; core: ReminderSettings }> {
    const [row, timeZone] = await Promise.all([reminders.settings(personId), episodes.timeZoneOf(personId)]);
    const body = settingsBody(row);
    return { body, core: { intervalOverrideMinutes: body.intervalOverrideMinutes, quietHours: body.quietHours, timeZone } };
  }

  async function planEvery(personId: string, episodeId: string, timeZone: string): Promise<number> {
    try {
      const plan = await plans.forDate(personId, episodeId, localDateOf(clock(), timeZone));
      const breaks = plan.items.find((i) => i.kind === 'stand-breaks');
      return breaks?.everyMinutes ?? (plan.stage ? STAND_BREAK_MINUTES[plan.stage] : FALLBACK_EVERY);
    } catch {
      return FALLBACK_EVERY;
    }
  }

  function row(personId: string, fields: Pick<ReminderRow, 'kind' | 'due_at' | 'interval_minutes'> & Partial<ReminderRow>): ReminderRow {
    return { id: randomUUID(), person_id: personId, episode_id: null, sitting_since: null, snoozed: 0, state: 'pending', claimed_by: null, claimed_at: null, sent_at: null, created_at: clock().toISOString(), ...fields };
  }

  /** The next daily check-in and weekly activity reminders, replacing any not yet sent. */
  async function scheduleRecurring(personId: string, afterMs: number, only?: 'check-in' | 'function-goal'): Promise<void> {
    const { body, core } = await settingsOf(personId);
    const kinds = only ? [only] : (['check-in', 'function-goal'] as const);
    await reminders.cancelPending(personId, kinds);
    if (kinds.includes('check-in') && body.checkInTime) {
      const due = nextDaily(afterMs, body.checkInTime, core.quietHours, core.timeZone);
      await reminders.insert(row(personId, { kind: 'check-in', due_at: new Date(due).toISOString(), interval_minutes: DAY_MINUTES }));
    }
    if (kinds.includes('function-goal') && body.goalReminder) {
      const due = nextWeekly(afterMs, body.goalReminder.weekday, body.goalReminder.time, core.quietHours, core.timeZone);
      await reminders.insert(row(personId, { kind: 'function-goal', due_at: new Date(due).toISOString(), interval_minutes: WEEK_MINUTES }));
    }
  }

  async function send(reminder: ReminderRow, staleAtMs: number, nowMs: number): Promise<number> {
    const message = reminderMessage(reminder.kind, { snoozed: reminder.snoozed === 1 });
    const payload = { ...message, reminderId: reminder.id, episodeId: reminder.episode_id };
    const devices = await push.subscriptionsOf(reminder.person_id);
    const results = await Promise.all(devices.map((d) => push.deliver(d, payload, (staleAtMs - nowMs) / 1000)));
    return results.filter((r) => r === 'sent').length;
  }

  let running: Promise<TickResult> | null = null;
  let again = false;

  async function tickOnce(): Promise<TickResult> {
    const now = clock();
    const nowMs = now.getTime();
    const result: TickResult = { sent: 0, dropped: 0, held: 0 };
    await reminders.tidy(new Date(nowMs - STUCK_CLAIM_MINUTES * MINUTE).toISOString(), new Date(nowMs - KEEP_FINISHED_DAYS * DAY_MINUTES * MINUTE).toISOString());
    for (;;) {
      const claimed = await reminders.claimDue(instanceId, now.toISOString(), CLAIM_BATCH);
      for (const reminder of claimed) {
        try {
          const { core } = await settingsOf(reminder.person_id);
          const dueMs = Date.parse(reminder.due_at);
          const decision = sendDecision({ dueMs, intervalMinutes: reminder.interval_minutes }, nowMs, core.quietHours, core.timeZone);
          if (decision.kind === 'hold') {
            await reminders.finish(reminder.id, instanceId, { state: 'pending', dueAt: new Date(decision.untilMs).toISOString() });
            result.held += 1;
            continue;
          }
          if (decision.kind === 'send') {
            await send(reminder, dueMs + reminder.interval_minutes * MINUTE, nowMs);
            await reminders.finish(reminder.id, instanceId, { state: 'sent', at: now.toISOString() });
            result.sent += 1;
          } else {
            await reminders.finish(reminder.id, instanceId, { state: 'dropped' });
            result.dropped += 1;
          }
          if (reminder.kind === 'check-in' || reminder.kind === 'function-goal') await scheduleRecurring(reminder.person_id, Math.max(nowMs, dueMs), reminder.kind);
        } catch (error) {
          log.error({ err: error }, 'a reminder could not be sent');
          await reminders.finish(reminder.id, instanceId, { state: 'dropped' }).catch(() => undefined);
        }
      }
      if (claimed.length < CLAIM_BATCH) return result;
    }
  }

  return {
    async settings(personId: string): Promise<ReminderSettingsBody> {
      return (await settingsOf(personId)).body;
    },
    async putSettings(personId: string, input: ReminderSettingsBody): Promise<ReminderSettingsBody> {
      await reminders.putSettings({
        person_id: personId,
        quiet_start: input.quietHours?.start ?? null,
        quiet_end: input.quietHours?.end ?? null,
        interval_override_minutes: input.intervalOverrideMinutes,
        check_in_time: input.checkInTime,
        goal_weekday: input.goalReminder?.weekday ?? null,
        goal_time: input.goalReminder?.time ?? null,
        updated_at: clock().toISOString(),
      });
      await scheduleRecurring(personId, clock().getTime());
      return (await settingsOf(personId)).body;
    },

    async startSitting(personId: string, episodeId: string, input: SittingPut): Promise<Sitting> {
      await episodes.owned(personId, episodeId);
      const nowMs = clock().getTime();
      const sinceMs = Date.parse(input.sittingSince);
      if (sinceMs > nowMs + MINUTE) throw invalid([{ path: 'sittingSince', rule: 'not_future', message: 'cannot be later than now' }]);
      if (sinceMs < nowMs - SITTING_PAST_LIMIT_MINUTES * MINUTE) throw invalid([{ path: 'sittingSince', rule: 'recent', message: 'must be within the last 12 hours' }]);
      const { core } = await settingsOf(personId);
      const { dueMs, intervalMinutes } = standUpReminder(sinceMs, await planEvery(personId, episodeId, core.timeZone), core);
      await reminders.endSittings(personId);
      const sitting = row(personId, { kind: 'stand-up', episode_id: episodeId, due_at: new Date(dueMs).toISOString(), interval_minutes: intervalMinutes, sitting_since: new Date(sinceMs).toISOString() });
      await reminders.insert(sitting);
      return toSitting(sitting);
    },
    async snooze(personId: string, episodeId: string): Promise<Sitting> {
      await episodes.owned(personId, episodeId);
      const sitting = await reminders.sitting(personId, episodeId);
      if (!sitting) throw notFound('A sitting');
      const { core } = await settingsOf(personId);
      const due = snoozedReminder({ sittingSinceMs: Date.parse(sitting.sitting_since ?? sitting.created_at), dueMs: Date.parse(sitting.due_at), snoozed: sitting.snoozed === 1 }, clock().getTime(), core);
      if (due !== null) await reminders.snooze(sitting.id, new Date(due).toISOString());
      return toSitting((await reminders.sitting(personId, episodeId)) ?? sitting);
    },
    async endSitting(personId: string, episodeId: string): Promise<void> {
      await episodes.owned(personId, episodeId);
      await reminders.endSittings(personId);
    },

    /** A test reminder to each of the person's devices: answered at once, sent by the scheduler just after. */
    async test(personId: string): Promise<{ devices: number }> {
      const devices = (await push.subscriptionsOf(personId)).length;
      if (devices > 0) {
        await reminders.insert(row(personId, { kind: 'test', due_at: clock().toISOString(), interval_minutes: TEST_STALE_MINUTES }));
        void this.tick().catch((error: unknown) => log.error({ err: error }, 'the reminder scheduler failed'));
      }
      return { devices };
    },

    /**
     * Sends what is due. A call while a run is under way asks for one more run after it (so a test reminder made
     * meanwhile goes out at once); other instances claim other rows.
     */
    tick(): Promise<TickResult> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let result: TickResult;
        do {
          again = false;
          result = await tickOnce();
        } while (again);
        return result;
      })().finally(() => {
        running = null;
      });
      return running;
    },

    /** Resolves when no run is under way (before the database closes). */
    async idle(): Promise<void> {
      while (running) await running.catch(() => undefined);
    },

    async calendar(personId: string, episodeId: string): Promise<string> {
      await episodes.owned(personId, episodeId);
      const { body, core } = await settingsOf(personId);
      const today = localDateOf(clock(), core.timeZone);
      let walks: { count: number; minutesEach: number } | null = null;
      try {
        const walk = (await plans.forDate(personId, episodeId, today)).items.find((i) => i.kind === 'walk');
        if (walk) walks = { count: walk.walks, minutesEach: walk.minutesEach };
      } catch {
        walks = null;
      }
      return remindersCalendar({ episodeId, from: today, nowMs: clock().getTime(), checkInTime: body.checkInTime ?? DEFAULT_CHECK_IN_TIME, walks });
    },
  };
}
export type ReminderService = ReturnType<typeof reminderService>;
export interface TickResult {
  sent: number;
  dropped: number;
  held: number;
}
