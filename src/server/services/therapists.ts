import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { AccessEntry, Invite, InvitePut, Link, PersonRow, PlanEdit, PlanEditPut, Scope } from '../../contract';
import { exerciseById } from '../../core/exercises';
import type { PlanEditDetail } from '../../core/therapist/planEdits';
import { ACCESS_WORDS, planEditText, type AccessAction } from '../../core/therapist/words';
import { invalid, notFound } from '../errors';
import type { EpisodesRepository } from '../store/repositories/episodes';
import type { PersonsRepository } from '../store/repositories/persons';
import type { LinkView, PlanEditRow, TherapistsRepository } from '../store/repositories/therapists';
import type { PlanService } from './plans';
import type { Clock } from './clock';

export interface TherapistDeps {
  repo: TherapistsRepository;
  persons: PersonsRepository;
  episodes: EpisodesRepository;
  plans: PlanService;
  clock: Clock;
}

/** An invite lasts a week. */
export const INVITE_DAYS = 7;
/** No 0/O or 1/I, so a code read aloud or copied by hand stays right. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const DAY_MS = 86_400_000;

const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');
const scopesOf = (text: string) => JSON.parse(text) as Scope[];

function newCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

function toLink(row: LinkView): Link {
  return {
    id: row.id,
    scopes: scopesOf(row.scopes),
    createdAt: row.created_at,
    therapist: { id: row.therapist_id, name: row.therapist_name ?? 'Your therapist', email: row.therapist_email },
    person: { id: row.person_id, name: row.person_name, email: row.person_email },
  };
}

const exerciseName = (id: string) => exerciseById(id)?.name ?? 'a movement';

function toPlanEdit(row: PlanEditRow): PlanEdit {
  const edit = JSON.parse(row.detail) as PlanEditDetail;
  return { id: row.id, episodeId: row.episode_id, therapistName: row.therapist_name, edit, text: planEditText(edit, exerciseName), createdAt: row.created_at, updatedAt: row.updated_at };
}

/**
 * Invites, links and what a linked therapist may do. `actFor` is the one check behind every therapist request
 * for a person's episode: a live link from the episode's owner, with the scope the route needs; anything else is
 * "not found", exactly as for a stranger. Each read and change it lets through is written to the access log.
 */
export function therapistService({ repo, persons, episodes, plans, clock }: TherapistDeps) {
  async function therapistName(therapistId: string): Promise<string> {
    return (await persons.findById(therapistId))?.name ?? 'Your therapist';
  }

  async function log(personId: string, episodeId: string | null, therapistId: string, action: AccessAction): Promise<void> {
    await repo.logAccess({ id: randomUUID(), person_id: personId, episode_id: episodeId, therapist_id: therapistId, therapist_name: await therapistName(therapistId), action, at: clock().toISOString() });
  }

  return {
    async invite(personId: string, id: string, input: InvitePut): Promise<Invite> {
      const code = newCode();
      const now = clock();
      const expiresAt = new Date(now.getTime() + INVITE_DAYS * DAY_MS).toISOString();
      const saved = await repo.putInvite({
        id,
        person_id: personId,
        code_hash: hashCode(code),
        scopes: JSON.stringify([...input.scopes].sort()),
        person_name: input.name ?? null,
        expires_at: expiresAt,
        redeemed_at: null,
        created_at: now.toISOString(),
      });
      if (!saved) throw notFound('That invite');
      const shown = `${code.slice(0, 4)}-${code.slice(4)}`;
      return { id, code: shown, link: `/therapist?code=${shown}`, scopes: [...input.scopes].sort(), expiresAt };
    },

    async redeem(therapistId: string, code: string): Promise<Link> {
      const linkId = await repo.redeem(hashCode(code), therapistId, clock().toISOString(), randomUUID());
      const link = linkId === null ? undefined : await repo.linkView(linkId);
      if (!link) throw notFound('That code (it may have been used already, or more than 7 days have passed)');
      return toLink(link);
    },

    async links(accountId: string): Promise<Link[]> {
      return (await repo.linksOf(accountId)).map(toLink);
    },

    async revoke(accountId: string, linkId: string): Promise<void> {
      if (!(await repo.revoke(linkId, accountId, clock().toISOString()))) throw notFound('That link');
    },

    /** The owner of the episode when the therapist has a live link with `scope`; 404 otherwise. Logs the access. */
    async actFor(therapistId: string, episodeId: string, scope: Scope, action: AccessAction): Promise<string> {
      const owner = await episodes.ownerOf(episodeId);
      const link = owner === undefined ? undefined : await repo.liveLink(owner, therapistId);
      if (!owner || !link || !scopesOf(link.scopes).includes(scope)) throw notFound('That episode');
      await log(owner, episodeId, therapistId, action);
      return owner;
    },

    /** The people who linked this therapist with `view`, for reading their episodes list. */
    async viewablePeople(therapistId: string): Promise<string[]> {
      const links = (await repo.linksOf(therapistId)).filter((l) => l.therapist_id === therapistId && scopesOf(l.scopes).includes('view'));
      for (const l of links) await log(l.person_id, null, therapistId, 'listEpisodes');
      return links.map((l) => l.person_id);
    },

    async dashboard(therapistId: string): Promise<PersonRow[]> {
      const links = (await repo.linksOf(therapistId)).filter((l) => l.therapist_id === therapistId);
      const rows: PersonRow[] = [];
      for (const link of links) {
        const scopes = scopesOf(link.scopes);
        const base = { linkId: link.id, personId: link.person_id, name: link.person_name, email: link.person_email, scopes };
        const [latest] = scopes.includes('view') ? await episodes.listOwned(link.person_id) : [];
        if (!latest) {
          rows.push({ ...base, episodeId: null, lastCheckInAt: null, painNow: null, painWorst24h: null, flags: [] });
          continue;
        }
        const summary = await plans.dashboardSummary(link.person_id, latest.id);
        await log(link.person_id, latest.id, therapistId, 'dashboard');
        rows.push({ ...base, episodeId: latest.id, ...summary });
      }
      return rows;
    },

    async accessLog(personId: string, episodeId: string): Promise<AccessEntry[]> {
      if ((await episodes.ownerOf(episodeId)) !== personId) throw notFound('That episode');
      return (await repo.accessLog(personId, episodeId)).map((r) => ({
        id: r.id,
        at: r.at,
        therapistName: r.therapist_name,
        action: r.action,
        text: `${r.therapist_name} ${ACCESS_WORDS[r.action as AccessAction] ?? 'looked at your data'}`,
      }));
    },

    async putPlanEdit(ownerId: string, therapistId: string, episodeId: string, editId: string, input: PlanEditPut): Promise<PlanEdit> {
      if ((input.kind === 'hide' || input.kind === 'pin') && !exerciseById(input.exerciseId)) {
        throw invalid([{ path: 'exerciseId', rule: 'known_exercise', message: 'must be an exercise in the library' }]);
      }
      // Edits apply in the order they were made: each is stamped after the newest one in force, even within a millisecond.
      const newest = (await repo.planEditsInForce(episodeId)).at(-1)?.updated_at;
      const now = new Date(Math.max(clock().getTime(), newest ? Date.parse(newest) + 1 : 0)).toISOString();
      const saved = await repo.putPlanEdit({
        id: editId,
        episode_id: episodeId,
        person_id: ownerId,
        therapist_id: therapistId,
        therapist_name: await therapistName(therapistId),
        kind: input.kind,
        detail: JSON.stringify(input),
        created_at: now,
        updated_at: now,
        undone_at: null,
      });
      const row = saved ? await repo.planEdit(episodeId, editId) : undefined;
      if (!row) throw notFound('That change');
      return toPlanEdit(row);
    },

    async listPlanEdits(ownerId: string, episodeId: string): Promise<PlanEdit[]> {
      if ((await episodes.ownerOf(episodeId)) !== ownerId) throw notFound('That episode');
      return (await repo.planEditsInForce(episodeId)).map(toPlanEdit);
    },

    async undoPlanEdit(ownerId: string, episodeId: string, editId: string): Promise<void> {
      if ((await episodes.ownerOf(episodeId)) !== ownerId) throw notFound('That episode');
      if (!(await repo.undoPlanEdit(episodeId, editId, clock().toISOString()))) throw notFound('That change');
    },
  };
}
export type TherapistService = ReturnType<typeof therapistService>;
