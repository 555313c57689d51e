import { describe, expect, it } from 'vitest';
import { deviceReach, keyBytes, subscriptionBody } from './pushDevice';

describe('this device’s reminders', () => {
  const base = { supported: true, permission: 'granted' as const, storedId: 'a', serverIds: ['a', 'b'], browserSubscribed: true };

  it('reach this device only when the server has its subscription and the browser still holds it', () => {
    expect(deviceReach(base)).toBe('on');
    expect(deviceReach({ ...base, serverIds: ['b'] })).toBe('off');
    expect(deviceReach({ ...base, browserSubscribed: false })).toBe('off');
    expect(deviceReach({ ...base, storedId: null })).toBe('off');
    expect(deviceReach({ ...base, permission: 'default' })).toBe('off');
    expect(deviceReach({ ...base, permission: 'denied' })).toBe('blocked');
    expect(deviceReach({ ...base, supported: false })).toBe('unsupported');
  });

  it('gives the VAPID key as bytes and the subscription as the server stores it', () => {
    const key = Buffer.from(Array.from({ length: 65 }, (_, i) => i * 3)).toString('base64url');
    expect(Array.from(keyBytes(key))).toEqual(Array.from({ length: 65 }, (_, i) => i * 3));
    const keys = { p256dh: 'cA', auth: 'YQ' };
    expect(subscriptionBody({ endpoint: 'https://push.example/x', expirationTime: null, keys })).toEqual({ endpoint: 'https://push.example/x', expirationTime: null, keys });
    expect(subscriptionBody({ endpoint: 'https://push.example/x', keys })).toMatchObject({ expirationTime: null });
    expect(subscriptionBody({ endpoint: 'https://push.example/x', keys: { p256dh: 'cA' } })).toBeNull();
    expect(subscriptionBody({ keys })).toBeNull();
  });
});
