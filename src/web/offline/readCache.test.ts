import { describe, expect, it } from 'vitest';
import { cacheChange, offlineReads, upsert } from './readCache';

const EP = '11111111-1111-4111-8111-111111111111';
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('the kept reads follow accepted writes', () => {
  it('replaces a record in place, or adds it', () => {
    expect(upsert([{ id: 'x', n: 1 }, { id: 'y' }], { id: 'x', n: 2 } as { id: string })).toEqual([{ id: 'x', n: 2 }, { id: 'y' }]);
    expect(upsert([{ id: 'x' }], { id: 'z' })).toEqual([{ id: 'x' }, { id: 'z' }]);
    expect(upsert([{ id: 'x' }], { id: 'z' }, 'start')).toEqual([{ id: 'z' }, { id: 'x' }]);
    expect(upsert(undefined, { id: 'z' })).toEqual([{ id: 'z' }]);
  });

  it('puts a saved check-in, walk or comfort entry into its list, and takes a removed note out', () => {
    const list = `/api/v1/episodes/${EP}/movements`;
    expect(cacheChange({ method: 'PUT', path: `${list}/${A}` }, { id: A, minutes: 5 }, { [list]: [{ id: B }] })).toEqual([[list, [{ id: B }, { id: A, minutes: 5 }]]]);
    const notes = `/api/v1/episodes/${EP}/muscle-notes`;
    expect(cacheChange({ method: 'DELETE', path: `${notes}/${A}` }, null, { [notes]: [{ id: A }, { id: B }] })).toEqual([[notes, [{ id: B }]]]);
  });

  it('keeps a started episode at the top of the episode list and under its own address', () => {
    const episode = { id: EP, onsetDate: '2026-03-01' };
    expect(cacheChange({ method: 'PUT', path: `/api/v1/episodes/${EP}` }, episode, { '/api/v1/episodes': [{ id: A }] })).toEqual([
      ['/api/v1/episodes', [episode, { id: A }]],
      [`/api/v1/episodes/${EP}`, episode],
    ]);
  });

  it('leaves the cache alone for anything else', () => {
    expect(cacheChange({ method: 'PUT', path: '/api/v1/preferences' }, { styles: [] }, {})).toEqual([]);
    expect(cacheChange({ method: 'PUT', path: `/api/v1/episodes/${EP}/movements/${A}` }, 'not a record', {})).toEqual([]);
  });

  it('reads everything the offline Today and Move screens need', () => {
    expect(offlineReads(EP)).toEqual(expect.arrayContaining(['/api/v1/me', '/api/v1/episodes', '/api/v1/preferences', `/api/v1/episodes/${EP}/check-ins`, `/api/v1/episodes/${EP}/movements`, `/api/v1/episodes/${EP}/comfort`, `/api/v1/episodes/${EP}/sessions`, `/api/v1/episodes/${EP}/muscle-notes`]));
    expect(offlineReads(null)).not.toContain(`/api/v1/episodes/${EP}/check-ins`);
  });
});
