import type { Socket } from 'socket.io-client';
import { useEffect, useState } from 'preact/hooks';
import { ErrorLine, Page, ReconnectingBanner } from '../shared/components.js';
import { call, subscribe, useConnected } from '../shared/connection.js';
import { errorText, t } from '../shared/i18n.js';
import type { GameOverView, HostSnapshot, LobbyUpdateView, LobbyView } from '../shared/types.js';
import type { HostSession } from './host-session.js';
import { LobbyScreen, PodiumScreen, QuestionScreen, RevealScreen, StandingsScreen } from './screens.js';

export interface HostView {
  snapshot: HostSnapshot | null;
  receivedAt: number;
}

type Patch = Partial<HostSnapshot>;

/** The live game on the projector: state from host:attach, kept current by server events. */
export function HostGame({ socket, session, onLeave }: { socket: Socket; session: HostSession; onLeave: () => void }) {
  const connected = useConnected(socket);
  const [view, setView] = useState<HostView>({ snapshot: null, receivedAt: Date.now() });
  const [error, setError] = useState<string | null>(null);
  const patch = (p: Patch) => setView((v) => (v.snapshot ? { snapshot: { ...v.snapshot, ...p }, receivedAt: Date.now() } : v));

  useEffect(() => {
    const attach = async () => {
      const reply = await call<HostSnapshot>(socket, 'host:attach', { hostToken: session.hostToken });
      if (reply.ok) setView({ snapshot: reply.data, receivedAt: Date.now() });
      else if (reply.error.code === 'INVALID_TOKEN' || reply.error.code === 'GAME_NOT_FOUND') onLeave();
      else setError(errorText(reply.error.code));
    };
    const stop = subscribe(socket, {
      'lobby:update': (update) =>
        setView((v) => (v.snapshot ? { snapshot: { ...v.snapshot, lobby: applyLobbyUpdate(v.snapshot.lobby, update), locked: update.locked }, receivedAt: Date.now() } : v)),
      'question:open': (question) =>
        patch({ phase: 'question', question, paused: question.paused, reveal: null, progress: { index: question.index, answered: 0, expected: 0 } }),
      'question:progress': (progress) => patch({ progress }),
      'question:reveal': (reveal) => patch({ phase: 'reveal', reveal }),
      'leaderboard:update': (leaderboard) =>
        setView((v) => (v.snapshot ? { ...v, snapshot: { ...v.snapshot, leaderboard } } : v)),
      'game:paused': (p) =>
        setView((v) => (v.snapshot?.question ? { snapshot: { ...v.snapshot, paused: true, question: { ...v.snapshot.question, remainingMs: p.remainingMs } }, receivedAt: Date.now() } : v)),
      'game:resumed': (question) => patch({ paused: false, question }),
      // The host's game:over carries the whole leaderboard.
      'game:over': (gameOver) => patch({ phase: 'podium', gameOver: gameOver as GameOverView }),
      'game:ended': () => patch({ phase: 'ended' }),
    });
    socket.on('connect', attach);
    if (socket.connected) void attach();
    return () => {
      socket.off('connect', attach);
      stop();
    };
  }, [socket, session.hostToken]);

  const command = async (event: string, payload?: unknown) => {
    setError(null);
    const reply = await call<HostSnapshot>(socket, event, payload);
    // The ack is the game as it stands now, time left included.
    if (reply.ok) setView({ snapshot: reply.data, receivedAt: Date.now() });
    else setError(errorText(reply.error.code));
  };

  const s = view.snapshot;
  return (
    <Page title={s ? `${t('pin')} ${s.pin}` : t('loading')} wide>
      <ReconnectingBanner connected={connected} />
      {!s ? <p class="card">{t('loading')}</p> : null}
      {s?.phase === 'lobby' ? <LobbyScreen snapshot={s} session={session} command={command} /> : null}
      {s?.phase === 'question' ? <QuestionScreen snapshot={s} receivedAt={view.receivedAt} command={command} /> : null}
      {s?.phase === 'reveal' ? <RevealScreen snapshot={s} command={command} /> : null}
      {s?.phase === 'leaderboard' ? <StandingsScreen snapshot={s} command={command} /> : null}
      {s && (s.phase === 'podium' || s.phase === 'ended') ? <PodiumScreen snapshot={s} command={command} onLeave={onLeave} /> : null}
      <ErrorLine message={error} />
    </Page>
  );
}

/** Lobby updates are deltas: the page keeps a window of the latest names, and the count from the server. */
const LOBBY_WINDOW = 100;

export function applyLobbyUpdate(lobby: LobbyView, update: LobbyUpdateView): LobbyView {
  const gone = new Set(update.removed);
  const changed = new Map(update.changed.map((p) => [p.playerId, p]));
  const shown = new Set(lobby.players.map((p) => p.playerId));
  // Names already shown keep their place (a phone coming back is updated in place); new ones are added at the end.
  const kept = lobby.players.filter((p) => !gone.has(p.playerId)).map((p) => changed.get(p.playerId) ?? p);
  const arrived = update.changed.filter((p) => !shown.has(p.playerId));
  const players = [...kept, ...arrived].slice(-LOBBY_WINDOW);
  return { players, count: update.count, locked: update.locked };
}
