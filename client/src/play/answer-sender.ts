import { useMemo } from 'preact/hooks';
import { call, type GameSocket } from '../shared/connection.js';
import type { AnswerValue, PendingAnswer, PlayerView } from './player-view.js';

const MAX_ATTEMPTS = 15;
const RETRY_DELAY_MS = 1000;

let lastAttempt = 0;

type SetView = (u: (v: PlayerView) => PlayerView) => void;

/**
 * Sends answers and tells the truth about them: "sending…" until the
 * server's ack, "received" only on it. A refusal the server may get over
 * (TRY_AGAIN, an ack that timed out on a live connection) is sent again; a
 * dropped connection leaves the answer pending for the resume that follows
 * the reconnection (see `settlePending`), which sends it again if the
 * question is still open. An ack for an older attempt changes nothing.
 */
export function useAnswerSender(socket: GameSocket, viewRef: { current: PlayerView | null }, setView: SetView, setError: (code: string | null) => void) {
  return useMemo(() => {
    const isCurrent = (p: PendingAnswer) => viewRef.current?.pending?.attempt === p.attempt;
    // Read afresh each time: the connection can drop while a call is in flight (the compiler would keep the first reading).
    const online = () => socket.connected;

    const run = async (p: PendingAnswer): Promise<void> => {
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        if (!isCurrent(p) || !online()) return;
        const reply = await call(socket, 'player:answer', { questionIndex: p.questionIndex, answer: p.value });
        if (!isCurrent(p)) return;
        if (reply.ok) {
          setError(null);
          setView((v) => ({ ...v, answered: v.question?.index === p.questionIndex || v.answered, pending: null }));
          return;
        }
        const { code } = reply.error;
        // Not connected, or connected but not yet resumed: the resume decides (and re-sends).
        if ((code === 'NETWORK' && !online()) || code === 'NOT_PLAYER') return;
        if (code !== 'TRY_AGAIN' && code !== 'NETWORK') {
          setError(code);
          setView((v) => ({ ...v, pending: null }));
          return;
        }
        await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
      }
      setError('TRY_AGAIN');
      setView((v) => (v.pending?.attempt === p.attempt ? { ...v, pending: null } : v));
    };

    const send = (questionIndex: number, value: AnswerValue) => {
      const pending: PendingAnswer = { questionIndex, value, attempt: ++lastAttempt };
      setError(null);
      setView((v) => ({ ...v, pending, lostAnswerFor: null }));
      void run(pending);
    };
    return { send };
  }, [socket]);
}
