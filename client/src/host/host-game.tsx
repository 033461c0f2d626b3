import { useEffect, useState } from 'preact/hooks';
import { call, subscribe, useConnected, type GameSocket } from '../shared/connection.js';
import { Announcer, ErrorLine, Page, ReconnectingBanner } from '../shared/components.js';
import { errorText, t } from '../shared/i18n.js';
import { LIMITS } from '../shared/protocol.js';
import { syncClock } from '../shared/server-clock.js';
import { useFitToViewport } from '../shared/fit-to-viewport.js';
import type { GameOverView, HostSnapshot, LobbyUpdateView, LobbyView } from '../shared/types.js';
import type { HostCommand } from './host-command.js';
import { hostAnnouncement } from './host-announcements.js';
import type { HostSession } from './host-session.js';
import { HostToolbar } from './host-toolbar.js';
import { useHostSounds } from './sounds.js';
import { LobbyScreen, PodiumScreen, QuestionScreen, RevealScreen, StandingsScreen } from './screens.js';

type Patch = Partial<HostSnapshot>;

/**
 * The live game on the projector: state from host:attach, kept current by
 * server events. Nothing here keeps time: countdowns come from the server's
 * deadline (see server-clock), so an answer count arriving never moves them.
 */
export function HostGame({ socket, session, onLeave }: { socket: GameSocket; session: HostSession; onLeave: () => void }) {
  const connected = useConnected(socket);
  const [snapshot, setSnapshot] = useState<HostSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const patch = (p: Patch) => setSnapshot((s) => (s ? { ...s, ...p } : s));

  useEffect(() => syncClock(socket), [socket]);

  useEffect(() => {
    const attach = async () => {
      const reply = await call(socket, 'host:attach', { hostToken: session.hostToken });
      if (reply.ok) setSnapshot(reply.data);
      else if (reply.error.code === 'INVALID_TOKEN' || reply.error.code === 'GAME_NOT_FOUND') onLeave();
      else setError(errorText(reply.error.code));
    };
    const stop = subscribe(socket, {
      'lobby:update': (update) => setSnapshot((s) => (s ? { ...s, lobby: applyLobbyUpdate(s.lobby, update), locked: update.locked } : s)),
      'question:open': (question) =>
        setSnapshot((s) => {
          if (!s) return s;
          // The same index again: the options opened after "get ready"; the answer count stays.
          const progress = s.progress?.index === question.index ? s.progress : { index: question.index, answered: 0, expected: s.lobby.count };
          return { ...s, phase: 'question', question, paused: question.paused, reveal: null, progress };
        }),
      'question:progress': (progress) => patch({ progress }),
      'question:reveal': (reveal) => patch({ phase: 'reveal', reveal }),
      'leaderboard:update': (leaderboard) => patch({ leaderboard }),
      'game:paused': (p) => setSnapshot((s) => (s?.question ? { ...s, paused: true, question: { ...s.question, remainingMs: p.remainingMs } } : s)),
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

  const command: HostCommand = async (event, ...payload) => {
    setError(null);
    const reply = await call(socket, event, ...payload);
    // The ack is the game as it stands now.
    if (reply.ok) setSnapshot(reply.data);
    else setError(errorText(reply.error.code));
  };

  const sounds = useHostSounds(snapshot);
  const s = snapshot;
  const screenKey = s ? [s.phase, s.question?.index, s.question?.opensAt === null, s.paused, s.reveal?.index, s.lobby.count, error].join('|') : '';
  // Every screen but the lobby (whose PIN and QR code have their own sizes) grows to fill the projector.
  useFitToViewport('.page-projector', screenKey, 0.55, s?.phase === 'lobby' ? 1 : 1.6);
  return (
    <Page title={s ? `${t('pin')} ${s.pin}` : t('loading')} projector tools={s ? <HostToolbar snapshot={s} command={command} sounds={sounds} /> : null}>
      <ReconnectingBanner connected={connected} socket={socket} />
      <Announcer text={hostAnnouncement(s)} />
      {!s ? <p class="card">{t('loading')}</p> : null}
      {s?.phase === 'lobby' ? <LobbyScreen snapshot={s} session={session} command={command} /> : null}
      {s?.phase === 'question' && s.question ? <QuestionScreen snapshot={s} question={s.question} command={command} /> : null}
      {s?.phase === 'reveal' && s.reveal ? <RevealScreen reveal={s.reveal} command={command} /> : null}
      {s?.phase === 'leaderboard' ? <StandingsScreen snapshot={s} command={command} /> : null}
      {s && (s.phase === 'podium' || s.phase === 'ended') ? <PodiumScreen snapshot={s} command={command} onLeave={onLeave} /> : null}
      <ErrorLine message={error} />
    </Page>
  );
}

/** Lobby updates are deltas: the page keeps a window of the latest names (as many as a host snapshot brings), and the count from the server. */

export function applyLobbyUpdate(lobby: LobbyView, update: LobbyUpdateView): LobbyView {
  const gone = new Set(update.removed);
  const changed = new Map(update.changed.map((p) => [p.playerId, p]));
  const shown = new Set(lobby.players.map((p) => p.playerId));
  // Names already shown keep their place (a phone coming back is updated in place); new ones are added at the end.
  const kept = lobby.players.filter((p) => !gone.has(p.playerId)).map((p) => changed.get(p.playerId) ?? p);
  const arrived = update.changed.filter((p) => !shown.has(p.playerId));
  const players = [...kept, ...arrived].slice(-LIMITS.lobbyWindow);
  return { players, count: update.count, locked: update.locked };
}
