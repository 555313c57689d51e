/**
 * The session's voice: the browser's own speech synthesis, so nothing is downloaded and it works offline.
 * One instruction at a time: a new instruction stops whatever was still being said; counts queue behind it.
 */

function synth(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined' ? window.speechSynthesis : null;
}

export function voiceAvailable(): boolean {
  return synth() !== null;
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
