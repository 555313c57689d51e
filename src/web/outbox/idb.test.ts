import { describe, expect, it } from 'vitest';
import { restore } from './idb';

describe('restore (reading what an older version stored)', () => {
  it('fills defaults for fields an older shape lacked', () => {
    expect(restore({ key: 'PUT /a', ownerId: 'ana', method: 'PUT', path: '/a', body: { x: 1 } })).toEqual({
      key: 'PUT /a',
      ownerId: 'ana',
      method: 'PUT',
      path: '/a',
      body: { x: 1 },
      label: 'Saved entry',
      createdAt: 0,
      attempts: 0,
      nextAttemptAt: 0,
      status: 'pending',
    });
  });

  it('keeps a rejection and its reason', () => {
    const rejection = { status: 400, code: 'validation_failed', message: 'Check the pain.' };
    expect(restore({ key: 'k', ownerId: 'o', method: 'PUT', path: '/p', status: 'rejected', rejection })).toMatchObject({ status: 'rejected', rejection });
  });

  it.each([[null], ['text'], [{ key: 1 }], [{ key: 'k', ownerId: 'o', method: 'POST', path: '/p' }]])('drops what it cannot understand: %j', (raw) => {
    expect(restore(raw)).toBeNull();
  });

  it('repairs a number that is not finite', () => {
    expect(restore({ key: 'k', ownerId: 'o', method: 'PUT', path: '/p', createdAt: Number.NaN })?.createdAt).toBe(0);
  });
});
