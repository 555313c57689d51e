import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import { calmAnswers } from '../../core/clinical/fixtures';
import type { SafetyAnswers } from '../../core/clinical';

let clientCount = 0;

/**
 * A person talking to the app in-process, carrying their own session cookie, from their own network address
 * (so the per-address rate limits treat each test person as a different device, as in life).
 */
export class TestClient {
  cookie: string | null = null;
  readonly address: string;
  constructor(readonly app: FastifyInstance) {
    clientCount += 1;
    this.address = `10.${(clientCount >> 16) & 255}.${(clientCount >> 8) & 255}.${clientCount & 255}`;
  }

  async request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      ...(body !== undefined ? { payload: body as object } : {}),
      headers: this.cookie ? { cookie: this.cookie } : {},
      remoteAddress: this.address,
    });
    const setCookie = res.cookies.find((c) => c.name === 'unclench_session');
    if (setCookie) this.cookie = setCookie.value && !(setCookie.expires && setCookie.expires.getTime() < Date.now()) ? `unclench_session=${setCookie.value}` : null;
    return res;
  }

  get = (url: string) => this.request('GET', url);
  put = (url: string, body: unknown) => this.request('PUT', url, body);
  post = (url: string, body: unknown) => this.request('POST', url, body);
  delete = (url: string) => this.request('DELETE', url);

  async startGuest(timeZone = 'Europe/London'): Promise<this> {
    const res = await this.post('/api/v1/session/guest', { timeZone });
    if (res.statusCode !== 201) throw new Error(`guest start failed: ${res.statusCode} ${res.body}`);
    return this;
  }

  /** Signs this client up as a therapist. */
  async signUpTherapist(name = 'Alex Moreno'): Promise<this> {
    const res = await this.post('/api/v1/therapists', { email: `therapist-${randomUUID()}@example.org`, password: 'a calm long password', name });
    if (res.statusCode !== 201) throw new Error(`therapist sign-up failed: ${res.statusCode} ${res.body}`);
    return this;
  }

  async createEpisode(overrides: { onsetDate?: string; regions?: string[]; painNow?: number; safety?: Partial<SafetyAnswers> } = {}) {
    const id = randomUUID();
    const res = await this.put(`/api/v1/episodes/${id}`, {
      onsetDate: overrides.onsetDate ?? '2026-11-20',
      regions: overrides.regions ?? ['low-back-center'],
      painNow: overrides.painNow ?? 6,
      safety: calmAnswers(overrides.safety),
    });
    if (res.statusCode !== 200) throw new Error(`episode failed: ${res.statusCode} ${res.body}`);
    return { id, episode: res.json() };
  }
}

export function checkInBody(overrides: Record<string, unknown> = {}) {
  return { at: '2026-11-24T08:00:00.000Z', painNow: 5, painWorst24h: 7, standStraight: 'partly', walkMinutes: 3, ...overrides };
}
