import { AppError } from '../errors';
import type { RateLimitsRepository } from '../store/repositories/rateLimits';
import type { Clock } from '../services/clock';

export interface LimitRule {
  /** Attempts allowed per window. */
  max: number;
  windowMs: number;
}

/** What each limited action allows, per network address and per account. */
export interface RateLimits {
  signInPerAddress: LimitRule;
  signInPerEmail: LimitRule;
  credentialsPerPerson: LimitRule;
  credentialsPerAddress: LimitRule;
  guestPerAddress: LimitRule;
  /** Invite codes a therapist may try (codes are guessable only by brute force, which this stops). */
  redeemPerTherapist: LimitRule;
}

const MINUTE = 60_000;
export const RATE_LIMITS: RateLimits = {
  signInPerAddress: { max: 10, windowMs: MINUTE },
  signInPerEmail: { max: 20, windowMs: 60 * MINUTE },
  credentialsPerPerson: { max: 10, windowMs: 15 * MINUTE },
  credentialsPerAddress: { max: 20, windowMs: 15 * MINUTE },
  guestPerAddress: { max: 30, windowMs: 10 * MINUTE },
  redeemPerTherapist: { max: 10, windowMs: 15 * MINUTE },
};
const LONGEST_WINDOW_MS = 24 * 60 * MINUTE;

export class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `That was a lot of tries in a short time. Please wait ${retryAfterSeconds} seconds and try again.`);
  }
}

/**
 * Counts attempts in the database (so the limit holds on every instance) and refuses the one past the limit
 * with 429 and Retry-After. Every attempt counts, right or wrong, before any password is checked.
 */
export function limiter(repo: RateLimitsRepository, clock: Clock, rules: RateLimits = RATE_LIMITS) {
  let lastSweep = 0;
  return {
    async take(rule: keyof RateLimits, subject: string): Promise<void> {
      const { max, windowMs } = rules[rule];
      const now = clock();
      if (now.getTime() - lastSweep > 60 * MINUTE) {
        lastSweep = now.getTime();
        await repo.deleteStale(new Date(now.getTime() - Math.max(LONGEST_WINDOW_MS, windowMs)).toISOString());
      }
      const { count, windowStart } = await repo.hit(`${rule}:${subject}`, now.toISOString(), new Date(now.getTime() - windowMs).toISOString());
      if (count > max) {
        const retryAfterMs = Date.parse(windowStart) + windowMs - now.getTime();
        throw new RateLimited(Math.max(1, Math.ceil(retryAfterMs / 1000)));
      }
    },
  };
}
export type Limiter = ReturnType<typeof limiter>;
