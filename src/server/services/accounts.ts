import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Credentials, GuestStart, Me, SignIn } from '../../contract';
import { AppError } from '../errors';
import type { PersonRow, PersonsRepository } from '../store/repositories/persons';
import type { SessionsRepository } from '../store/repositories/sessions';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords';
import { hashToken, newSessionToken, SESSION_DAYS } from '../auth/tokens';
import type { Clock } from './clock';

export interface AccountDeps {
  persons: PersonsRepository;
  sessions: SessionsRepository;
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

const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function accountService({ persons, sessions, clock }: AccountDeps) {
  async function openSession(person: PersonRow): Promise<SignedIn> {
    const now = clock();
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
    await sessions.insert(hashToken(token), person.id, now.toISOString(), expiresAt.toISOString());
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
        time_zone: input.timeZone ?? 'UTC',
        created_at: now,
        updated_at: now,
      };
      await persons.insert(row);
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

    /** The person behind a session cookie, or null. */
    async authenticate(token: string | undefined): Promise<string | null> {
      if (!token) return null;
      return (await sessions.findPersonId(hashToken(token), clock().toISOString())) ?? null;
    },

    async me(personId: string): Promise<Me> {
      const person = await persons.findById(personId);
      if (!person) throw new AppError('unauthenticated', 'Please start again or sign in.');
      return toMe(person);
    },

    async addCredentials(personId: string, input: z.infer<typeof Credentials>): Promise<Me> {
      const email = normaliseEmail(input.email);
      const saved = await persons.setCredentials(personId, email, await hashPassword(input.password), clock().toISOString());
      if (!saved) {
        throw new AppError('email_taken', 'That email is already used by another account.', [
          { path: 'email', rule: 'unique', message: 'is already used by another account; sign in with it instead' },
        ]);
      }
      return this.me(personId);
    },
  };
}
export type AccountService = ReturnType<typeof accountService>;
