import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Credentials, GuestStart, Me, SignIn, TherapistSignUp } from '../../contract';
import { AppError, invalid } from '../errors';
import type { PersonRow, PersonsRepository } from '../store/repositories/persons';
import type { SessionsRepository } from '../store/repositories/sessions';
import type { PushRepository } from '../store/repositories/push';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords';
import { passwordIssues } from '../auth/passwordStrength';
import { hashToken, MAX_SESSIONS_PER_PERSON, newSessionToken, SESSION_DAYS, SESSION_IDLE_DAYS, SESSION_TOUCH_MS } from '../auth/tokens';
import type { Clock } from './clock';

export interface AccountDeps {
  persons: PersonsRepository;
  sessions: SessionsRepository;
  /** Signing out everywhere also stops reminders reaching the devices that were signed in. */
  pushDevices: Pick<PushRepository, 'deleteForPerson'>;
  clock: Clock;
}

export interface SignedIn {
  me: Me;
  token: string;
  expiresAt: Date;
}

export function toMe(row: PersonRow): Me {
  return { id: row.id, role: row.role, email: row.email, isGuest: row.email === null, timeZone: row.time_zone, createdAt: row.created_at };
}

const emailTaken = () =>
  new AppError('email_taken', 'That email is already used by another account.', [
    { path: 'email', rule: 'unique', message: 'is already used by another account; sign in with it instead' },
  ]);

const normaliseEmail = (email: string) => email.trim().toLowerCase();
const DAY_MS = 86_400_000;

export function accountService({ persons, sessions, pushDevices, clock }: AccountDeps) {
  const idleSince = (now: Date) => new Date(now.getTime() - SESSION_IDLE_DAYS * DAY_MS).toISOString();

  /** A new token every time (never one the browser already had); sweeps ended sessions and keeps at most the cap. */
  async function openSession(person: PersonRow): Promise<SignedIn> {
    const now = clock();
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
    await sessions.deleteExpired(now.toISOString(), idleSince(now));
    await sessions.insert(hashToken(token), person.id, now.toISOString(), expiresAt.toISOString());
    await sessions.trimForPerson(person.id, MAX_SESSIONS_PER_PERSON);
    return { me: toMe(person), token, expiresAt };
  }

  return {
    async startGuest(input: z.infer<typeof GuestStart>): Promise<SignedIn> {
      const now = clock().toISOString();
      const row: PersonRow = {
        id: randomUUID(),
        role: 'person',
        email: null,
        password_hash: null,
        name: null,
        time_zone: input.timeZone ?? 'UTC',
        created_at: now,
        updated_at: now,
      };
      await persons.insert(row);
      return openSession(row);
    },

    /** A therapist's account: the same password rules, hashing and sessions as a person's. */
    async createTherapist(input: z.infer<typeof TherapistSignUp>): Promise<SignedIn> {
      const email = normaliseEmail(input.email);
      const weak = passwordIssues(input.password, email);
      if (weak.length > 0) throw invalid(weak);
      if (await persons.findByEmail(email)) throw emailTaken();
      const now = clock().toISOString();
      const row: PersonRow = { id: randomUUID(), role: 'therapist', email, password_hash: await hashPassword(input.password), name: input.name, time_zone: 'UTC', created_at: now, updated_at: now };
      if (!(await persons.insertIfEmailFree(row))) throw emailTaken();
      return openSession(row);
    },

    async signIn(input: z.infer<typeof SignIn>): Promise<SignedIn> {
      const person = await persons.findByEmail(normaliseEmail(input.email));
      const ok = await verifyPassword(input.password, person?.password_hash ?? (await dummyPasswordHash()));
      if (!person || !person.password_hash || !ok) throw new AppError('invalid_credentials', "That email and password don't match an account.");
      return openSession(person);
    },

    async signOut(token: string | undefined): Promise<void> {
      if (token) await sessions.delete(hashToken(token));
    },

    /** Ends every session of the person, on every device, and forgets the devices reminders went to. */
    async signOutEverywhere(personId: string): Promise<void> {
      await sessions.deleteForPerson(personId);
      await pushDevices.deleteForPerson(personId);
    },

    /** The person behind a session cookie, or null when there is none, it has ended, or it sat unused too long. */
    async authenticate(token: string | undefined): Promise<{ id: string; role: 'person' | 'therapist' } | null> {
      if (!token) return null;
      const now = clock();
      const tokenHash = hashToken(token);
      const live = await sessions.findLive(tokenHash, now.toISOString(), idleSince(now));
      if (!live) return null;
      if (now.getTime() - Date.parse(live.lastSeenAt) > SESSION_TOUCH_MS) await sessions.touch(tokenHash, now.toISOString());
      return { id: live.personId, role: live.role };
    },

    async me(personId: string): Promise<Me> {
      const person = await persons.findById(personId);
      if (!person) throw new AppError('unauthenticated', 'Please start again or sign in.');
      return toMe(person);
    },

    /**
     * Adds (or changes) the email and password. An account that already has a password must give it. Every
     * session of the person ends, and a new one is opened for this device (a token fixed before cannot carry on).
     */
    async addCredentials(personId: string, input: z.infer<typeof Credentials>): Promise<SignedIn> {
      const person = await persons.findById(personId);
      if (!person) throw new AppError('unauthenticated', 'Please start again or sign in.');
      if (person.password_hash) {
        if (input.currentPassword === undefined) {
          throw invalid([{ path: 'currentPassword', rule: 'required', message: 'is needed to change the email or password of this account' }]);
        }
        if (!(await verifyPassword(input.currentPassword, person.password_hash))) {
          throw invalid([{ path: 'currentPassword', rule: 'current_password', message: 'does not match the password of this account' }]);
        }
      }
      const email = normaliseEmail(input.email);
      const weak = passwordIssues(input.password, email);
      if (weak.length > 0) throw invalid(weak);
      const saved = await persons.setCredentials(personId, email, await hashPassword(input.password), clock().toISOString());
      if (!saved) throw emailTaken();
      await sessions.deleteForPerson(personId);
      const updated = await persons.findById(personId);
      if (!updated) throw new AppError('unauthenticated', 'Please start again or sign in.');
      return openSession(updated);
    },
  };
}
export type AccountService = ReturnType<typeof accountService>;
