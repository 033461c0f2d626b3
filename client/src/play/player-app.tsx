import { useEffect, useMemo, useState } from 'preact/hooks';
import { call, connect, useConnected } from '../shared/connection.js';
import { ErrorLine, Page, ReconnectingBanner } from '../shared/components.js';
import { errorText, t } from '../shared/i18n.js';
import type { JoinResult, ResumeResult } from '../shared/types.js';
import { PlayerGame } from './player-game.js';
import { clearSession, loadSession, saveSession } from './player-session.js';
import { usePlayerView, viewFromSnapshot } from './player-view.js';

const pinFromUrl = () => (new URLSearchParams(location.search).get('pin') ?? '').replace(/\D/g, '').slice(0, 6);

/** The phone page: join (or resume) with a PIN, then play. */
export function PlayerApp() {
  const socket = useMemo(connect, []);
  const connected = useConnected(socket);
  const [pin, setPin] = useState(pinFromUrl());
  const [view, setView] = usePlayerView(socket);
  const [error, setError] = useState<string | null>(null);

  // On every (re)connection, a stored session resumes the same player.
  useEffect(() => {
    const resume = async () => {
      const session = pin ? loadSession(pin) : null;
      if (!session) return;
      const reply = await call<ResumeResult>(socket, 'player:resume', { playerToken: session.playerToken });
      if (reply.ok) {
        setView(viewFromSnapshot(reply.data.snapshot));
        setError(null);
      } else if (reply.error.code !== ('NETWORK' as string)) {
        clearSession(pin);
        setView(null);
        setError(errorText(reply.error.code));
      }
    };
    socket.on('connect', resume);
    if (socket.connected) void resume();
    return () => socket.off('connect', resume);
  }, [socket, pin]);

  const join = async (nickname: string) => {
    setError(null);
    const reply = await call<JoinResult>(socket, 'player:join', { pin, nickname });
    if (!reply.ok) return setError(errorText(reply.error.code));
    saveSession({ pin, playerToken: reply.data.playerToken, nickname });
    history.replaceState(null, '', `/play?pin=${pin}`);
    setView(viewFromSnapshot(reply.data.snapshot));
  };

  return (
    <Page title={t('joinTitle')}>
      <ReconnectingBanner connected={connected} socket={socket} />
      {view ? (
        <PlayerGame
          socket={socket}
          view={view}
          setView={setView}
          onLeave={() => {
            clearSession(pin);
            setView(null);
          }}
        />
      ) : (
        <JoinForm pin={pin} setPin={setPin} onJoin={join} error={error} disabled={!connected} />
      )}
    </Page>
  );
}

function JoinForm(props: { pin: string; setPin: (p: string) => void; onJoin: (nickname: string) => void; error: string | null; disabled: boolean }) {
  const [nickname, setNickname] = useState('');
  return (
    <form
      class="card join"
      onSubmit={(e) => {
        e.preventDefault();
        props.onJoin(nickname.trim());
      }}
    >
      <h1>{t('joinTitle')}</h1>
      <label for="pin">{t('pin')}</label>
      <input
        id="pin"
        inputMode="numeric"
        autocomplete="off"
        pattern="[0-9]{6}"
        maxLength={6}
        required
        value={props.pin}
        onInput={(e) => props.setPin((e.target as HTMLInputElement).value.replace(/\D/g, ''))}
      />
      <label for="nickname">{t('nickname')}</label>
      <input
        id="nickname"
        autocomplete="nickname"
        maxLength={20}
        required
        value={nickname}
        onInput={(e) => setNickname((e.target as HTMLInputElement).value)}
      />
      <button type="submit" class="primary" disabled={props.disabled || props.pin.length !== 6 || !nickname.trim()}>
        {t('join')}
      </button>
      <ErrorLine message={props.error} />
    </form>
  );
}
