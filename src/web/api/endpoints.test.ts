import { describe, expect, it } from 'vitest';
import { ROUTES, type RouteName } from '../../contract';
import { ENDPOINTS } from './endpoints';
import { apiPath } from './paths';

describe('the browser’s table of endpoints', () => {
  it('has every route of the contract with the same method, path, need of a session and kind of reply', () => {
    expect(Object.keys(ENDPOINTS).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const name of Object.keys(ROUTES) as RouteName[]) {
      const { method, path, auth, success } = ROUTES[name];
      expect(ENDPOINTS[name], name).toEqual({ method, path, auth, reply: success.body === null ? 'none' : 'json' });
    }
    expect(ENDPOINTS.signOut.reply).toBe('none');
    expect(ENDPOINTS.me).toEqual({ method: 'GET', path: '/api/v1/me', auth: true, reply: 'json' });
  });

  it('fills in and encodes path parameters, and refuses a missing one', () => {
    expect(apiPath('putCheckIn', { id: 'a b', checkInId: 'c/d' })).toBe('/api/v1/episodes/a%20b/check-ins/c%2Fd');
    expect(() => apiPath('getEpisode')).toThrow(/Missing path parameter id/);
  });
});
