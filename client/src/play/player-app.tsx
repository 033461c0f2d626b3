import { useEffect, useMemo, useState } from 'preact/hooks';
import { call, connect, useConnected } from '../shared/connection.js';
import { Announcer, ErrorLine, Page, ReconnectingBanner } from '../shared/components.js';
import { errorText, t } from '../shared/i18n.js';
import { syncClock } from '../shared/server-clock.js';
import { LIMITS, PIN_INPUT_PATTERN, PIN_LENGTH } from '../shared/protocol.js';
import { useAnswerSender } from './answer-sender.js';
import { announcement } from './announcements.js';
import { PlayerGame } from './player-game.js';
import { clearSession, deviceId, loadSession, markKicked, saveSession } from './player-session.js';
import { settlePending, usePlayerView, viewFromSnapshot } from './player-view.js';

const pinFromUrl = () => (new URLSearchParams(location.search).get('pin') ?? '').replace(/\D/g, '').slice(0, 6);
const RETRY_RESUME_MS = 1000;

/** Invisible characters a name may not consist of (the server strips them too). */
const cleanName = (raw: string) =>
  raw
    .normalize('NFC')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The phone page: join (or resume) with a PIN, then play. */
export function PlayerApp() {
  const socket = useMemo(connect, []);
  const connected = useConnected(socket);
  const [pin, setPin] = useState(pinFromUrl());
  const [view, setView, viewRef] = usePlayerView(socket);
  /** This connection acts as the player (joined or resumed since it connected): only then can answers go out. */
  const [linked, setLinked] = useState(false);
  const [removed, setRemoved] = useState(() => loadSession(pinFromUrl())?.kicked === true);
  const [error, setError] = useState<string | null>(null);
  const [gameError, setGameError] = useState<string | null>(null);
  const sender = useAnswerSender(socket, viewRef, setView, setGameError);
  const session = pin ? loadSession(pin) : null;

  useEffect(() => syncClock(socket), [socket]);

  useEffect(() => {
    const offline = () => setLinked(false);
    const kicked = () => {
      markKicked(pin);
      setRemoved(true);
    };
    socket.on('disconnect', offline);
    socket.on('player:kicked', kicked);
    return () => {
      socket.off('disconnect', offline);
      socket.off('player:kicked', kicked);
    };
  }, [socket, pin]);

  // On every (re)connection, a stored session resumes the same player, and an answer caught by the drop is settled.
  useEffect(() => {
    let stopped = false;
    const resume = async () => {
      const stored = pin ? loadSession(pin) : null;
      if (!stored || stored.kicked || stopped) return;
      const reply = await call(socket, 'player:resume', { playerToken: stored.playerToken });
      if (reply.ok) {
        const { view: next, resend } = settlePending(viewRef.current, viewFromSnapshot(reply.data.snapshot));
        setView(next);
        setLinked(true);
        setError(null);
        if (resend) sender.send(resend.questionIndex, resend.value);
      } else if (reply.error.code === 'KICKED') {
        markKicked(pin);
        setRemoved(true);
      } else if (reply.error.code === 'TRY_AGAIN') {
        setTimeout(() => void resume(), RETRY_RESUME_MS);
      } else if (reply.error.code !== 'NETWORK') {
        clearSession(pin);
        setView(null);
        setError(errorText(reply.error.code));
      }
    };
    socket.on('connect', resume);
    if (socket.connected) void resume();
    return () => {
      stopped = true;
      socket.off('connect', resume);
    };
  }, [socket, pin]);

  const join = async (rawNickname: string) => {
    const nickname = cleanName(rawNickname);
    if (!nickname) {
      setError(t('nicknameEmpty'));
      return;
    }
    setError(null);
    const reply = await call(socket, 'player:join', { pin, nickname, deviceId: deviceId() });
    if (!reply.ok) {
      if (reply.error.code === 'KICKED') {
        saveSession({ pin, playerToken: '', nickname, kicked: true });
        setRemoved(true);
      }
      setError(errorText(reply.error.code));
      return;
    }
    saveSession({ pin, playerToken: reply.data.playerToken, nickname });
    history.replaceState(null, '', `/play?pin=${pin}`);
    setView(viewFromSnapshot(reply.data.snapshot));
    setLinked(true);
  };

  const leave = () => {
    clearSession(pin);
    setView(null);
    setPin('');
    history.replaceState(null, '', '/play');
  };

  return (
    <Page title={t('joinTitle')}>
      {/* A removed or replaced player's connection is closed on purpose: no "reconnecting" banner. */}
      {removed || view?.closedReason ? null : <ReconnectingBanner connected={connected} socket={socket} />}
      <Announcer text={announcement(view, removed)} />
      {removed ? (
        <RemovedScreen />
      ) : view ? (
        <PlayerGame view={view} online={connected && linked} onAnswer={sender.send} error={gameError} onLeave={leave} />
      ) : session ? (
        <p class="card big">{t('resuming')}</p>
      ) : (
        <JoinForm pin={pin} setPin={setPin} onJoin={join} error={error} disabled={!connected} />
      )}
    </Page>
  );
}

function RemovedScreen() {
  return (
    <section class="card removed">
      <h1>{t('removedTitle')}</h1>
      <p>{t('removedHelp')}</p>
    </section>
  );
}

function JoinForm(props: { pin: string; setPin: (p: string) => void; onJoin: (nickname: string) => void; error: string | null; disabled: boolean }) {
  const [nickname, setNickname] = useState('');
  return (
    <form
      class="card join"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onJoin(nickname);
      }}
    >
      <h1>{t('joinTitle')}</h1>
      <label for="pin">{t('pin')}</label>
      <input
        id="pin"
        inputMode="numeric"
        autocomplete="off"
        pattern={PIN_INPUT_PATTERN}
        maxLength={PIN_LENGTH}
        required
        value={props.pin}
        onInput={(e) => props.setPin((e.target as HTMLInputElement).value.replace(/\D/g, ''))}
      />
      <label for="nickname">{t('nickname')}</label>
      <input
        id="nickname"
        autocomplete="nickname"
        maxLength={LIMITS.nickname}
        aria-describedby="nickname-hint join-error"
        value={nickname}
        onInput={(e) => setNickname((e.target as HTMLInputElement).value)}
      />
      {/* The field stops at the limit without a word: say so, and that the whole class sees the name. */}
      <p class="hint" id="nickname-hint">
        {t('nicknameHint', { n: LIMITS.nickname })}
      </p>
      {/* Never greyed out for an empty name: pressing it says what is missing. */}
      <button type="submit" class="primary" disabled={props.disabled || props.pin.length !== PIN_LENGTH}>
        {t('join')}
      </button>
      <ErrorLine message={props.error} id="join-error" />
    </form>
  );
}
