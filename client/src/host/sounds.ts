import { useEffect, useRef, useState } from 'preact/hooks';
import { useSecondsLeft } from '../shared/server-clock.js';
import type { HostSnapshot } from '../shared/types.js';

/**
 * The host screen's sounds, synthesized with the Web Audio API: nothing is
 * downloaded, nothing needs a licence. Browsers let a page play sound only
 * after a click or key press, so the audio context starts on the first one;
 * the mute choice is remembered per browser.
 */
const MUTE_KEY = 'aulaquiz.muted';
const LOBBY_BAR_MS = 2400;

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (!context && typeof AudioContext !== 'undefined') context = new AudioContext();
  return context;
}

/** One enveloped note: `at` seconds from now, `length` seconds long. */
function note(frequency: number, at: number, length: number, volume = 0.12, type: OscillatorType = 'triangle'): void {
  const ctx = context;
  if (!ctx || ctx.state !== 'running') return;
  const start = ctx.currentTime + at;
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = type;
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(volume, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
  osc.connect(gain).connect(ctx.destination);
  osc.start(start);
  osc.stop(start + length + 0.05);
}

const hz = (semitonesFromA4: number) => 440 * 2 ** (semitonesFromA4 / 12);

export const cues = {
  /** A calm arpeggio bar; repeated while the lobby waits. */
  lobbyBar: () => [0, 4, 7, 12, 7, 4].forEach((s, i) => note(hz(s - 9), i * 0.4, 0.35, 0.05)),
  tick: () => note(hz(3), 0, 0.08, 0.05, 'square'),
  /** The last five seconds: higher and louder, so the room hears time running out. */
  urgentTick: () => note(hz(15), 0, 0.12, 0.09, 'square'),
  reveal: () => [0, 4, 7].forEach((s, i) => note(hz(s + 3), i * 0.09, 0.5, 0.1)),
  podium: () => [0, 4, 7, 12, 7, 12].forEach((s, i) => note(hz(s + 3), i * 0.16, i === 5 ? 0.9 : 0.2, 0.12)),
};

export interface HostSounds {
  muted: boolean;
  toggle: () => void;
}

export function useHostSounds(snapshot: HostSnapshot | null): HostSounds {
  const [muted, setMuted] = useState(() => localStorage.getItem(MUTE_KEY) === '1');
  const mutedRef = useRef(muted);
  mutedRef.current = muted;
  const play = (cue: () => void) => {
    if (!mutedRef.current) cue();
  };

  // Browsers allow sound only after a user gesture: start (or resume) the context on the first one.
  useEffect(() => {
    const unlock = () =>
      void audio()
        ?.resume()
        .catch(() => undefined);
    document.addEventListener('pointerdown', unlock);
    document.addEventListener('keydown', unlock);
    return () => {
      document.removeEventListener('pointerdown', unlock);
      document.removeEventListener('keydown', unlock);
    };
  }, []);

  const phase = snapshot?.phase;
  useEffect(() => {
    if (phase !== 'lobby') return;
    play(cues.lobbyBar);
    const timer = setInterval(() => play(cues.lobbyBar), LOBBY_BAR_MS);
    return () => clearInterval(timer);
  }, [phase]);

  useEffect(() => {
    if (phase === 'reveal') play(cues.reveal);
    if (phase === 'podium') play(cues.podium);
  }, [phase, snapshot?.reveal?.index]);

  const q = snapshot?.phase === 'question' ? snapshot.question : null;
  const running = q !== null && q.opensAt === null && !snapshot?.paused;
  const seconds = useSecondsLeft(q?.deadlineAt ?? 0, running ? null : 0);
  useEffect(() => {
    if (!running || seconds <= 0) return;
    play(seconds <= 5 ? cues.urgentTick : cues.tick);
  }, [seconds, running]);

  const toggle = () => {
    const next = !muted;
    localStorage.setItem(MUTE_KEY, next ? '1' : '0');
    setMuted(next);
  };
  return { muted, toggle };
}
