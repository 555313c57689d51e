import { useSyncExternalStore } from 'react';

/**
 * The session's voice: the browser's own speech synthesis, so nothing is downloaded and it works offline.
 * One instruction at a time: a new instruction stops whatever was still being said; counts queue behind it.
 */

function synth(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined' ? window.speechSynthesis : null;
}

/**
 * Whether this device can speak: 'none' when there is no speech synthesis or it has no voice (headless and some
 * Linux browsers have the API and no voice at all). Voices can arrive a moment after the page loads
 * ("voiceschanged"), so the answer may be 'checking' for up to VOICE_WAIT_MS.
 */
export type VoiceState = 'checking' | 'available' | 'none';

const VOICE_WAIT_MS = 2_000;
let voiceState: VoiceState | null = null;
const voiceListeners = new Set<() => void>();

function hasVoices(s: SpeechSynthesis): boolean {
  try {
    return s.getVoices().length > 0;
  } catch {
    return false;
  }
}

function settleVoice(next: VoiceState) {
  voiceState = next;
  for (const l of voiceListeners) l();
}

function checkVoices(): void {
  if (voiceState !== null) return;
  const s = synth();
  if (!s) return settleVoice('none');
  if (hasVoices(s)) return settleVoice('available');
  voiceState = 'checking';
  // A first "voiceschanged" may still list none while more load: wait for a voice, or the time to run out.
  const onChange = () => {
    if (!hasVoices(s)) return;
    done();
    settleVoice('available');
  };
  const timer = window.setTimeout(() => {
    done();
    settleVoice(hasVoices(s) ? 'available' : 'none');
  }, VOICE_WAIT_MS);
  function done() {
    s?.removeEventListener('voiceschanged', onChange);
    window.clearTimeout(timer);
  }
  s.addEventListener('voiceschanged', onChange);
}

function subscribeVoice(listener: () => void) {
  voiceListeners.add(listener);
  checkVoices();
  return () => voiceListeners.delete(listener);
}

/** Whether the browser has speech synthesis at all (whether it has a voice is `useVoice`). */
export function voiceAvailable(): boolean {
  return synth() !== null;
}

/** The device's voice, as a React value (starts the check on first use). */
export function useVoice(): VoiceState {
  return useSyncExternalStore(subscribeVoice, () => voiceState ?? 'checking', () => 'none');
}

export function speak(text: string, opts: { interrupt: boolean }): void {
  const s = synth();
  if (!s || !text) return;
  try {
    if (opts.interrupt) s.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.rate = 0.9; // a little slower than usual: calm, and easy to follow while moving
    u.pitch = 1;
    u.lang = document.documentElement.lang || 'en-GB';
    s.speak(u);
  } catch {
    // A voice that fails must never stop the session; the captions say the same words.
  }
}

export function hush(): void {
  try {
    synth()?.cancel();
  } catch {
    // Nothing to stop.
  }
}
