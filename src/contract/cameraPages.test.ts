import { describe, expect, it } from 'vitest';
import { isCameraPage } from './cameraPages';

describe('pages that may use the camera', () => {
  it('are the posture check and the guided session, and nothing else', () => {
    for (const p of ['/posture', '/session', '/session/bridge', '/session/hip-hinge-practice']) expect(isCameraPage(p), p).toBe(true);
    for (const p of ['/', '/today', '/move', '/library/bridge', '/sessions', '/session/', '/session/a/b', '/session/Bad', '/posture/x', '/api/v1/session']) expect(isCameraPage(p), p).toBe(false);
  });
});
