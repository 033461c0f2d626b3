import { useMemo, useState } from 'preact/hooks';
import { takeKeyFromHash, teacherKey } from '../shared/api.js';
import { Page } from '../shared/components.js';
import { connect } from '../shared/connection.js';
import { t } from '../shared/i18n.js';
import { KeyForm } from '../shared/key-form.js';
import { HostGame } from './host-game.js';
import { clearHostSession, loadHostSession, saveHostSession, type HostSession } from './host-session.js';
import { SetupForm } from './setup-form.js';

/** The teacher's screen: key → game setup → the live game on the projector. */
export function HostApp() {
  takeKeyFromHash();
  const socket = useMemo(connect, []);
  const [hasKey, setHasKey] = useState(teacherKey() !== null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [session, setSession] = useState<HostSession | null>(loadHostSession());

  const start = (s: HostSession) => {
    saveHostSession(s);
    setSession(s);
  };
  const leave = () => {
    clearHostSession();
    setSession(null);
  };

  if (session) return <HostGame socket={socket} session={session} onLeave={leave} />;
  return (
    <Page title={t('newGame')}>
      {hasKey ? (
        <SetupForm
          onCreated={start}
          onBadKey={(message) => {
            setKeyError(message);
            setHasKey(false);
          }}
        />
      ) : (
        <KeyForm error={keyError} onSaved={() => setHasKey(true)} />
      )}
    </Page>
  );
}
