import { useEffect, useState } from 'preact/hooks';
import { Nick } from '../shared/components.js';
import { t } from '../shared/i18n.js';
import type { HostSnapshot } from '../shared/types.js';
import type { HostCommand as Command } from './host-command.js';
import type { HostSounds } from './sounds.js';

/** Always on the host screen, whatever the phase: the player list (to remove anyone), sound and full screen. */
export function HostToolbar({ snapshot, command, sounds }: { snapshot: HostSnapshot; command: Command; sounds: HostSounds }) {
  const [open, setOpen] = useState(false);
  return (
    <div class="host-tools">
      <button type="button" class="tool" aria-expanded={open} aria-controls="players-drawer" onClick={() => setOpen(!open)}>
        {t('playersButton', { n: snapshot.lobby.count })}
      </button>
      <button type="button" class="tool" onClick={sounds.toggle}>
        {sounds.muted ? t('soundOff') : t('soundOn')}
      </button>
      <FullscreenButton />
      {open ? <PlayersDrawer snapshot={snapshot} command={command} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

function PlayersDrawer({ snapshot, command, onClose }: { snapshot: HostSnapshot; command: Command; onClose: () => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <aside class="drawer" id="players-drawer" aria-label={t('players')}>
      <div class="drawer-head">
        <h2>{t('playersButton', { n: snapshot.lobby.count })}</h2>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <ul class="drawer-list">
        {snapshot.lobby.players.map((p) => (
          <li class={p.connected ? '' : 'is-away'}>
            <Nick name={p.nickname} />
            {p.connected ? null : <span class="meta"> ({t('away')})</span>}
            <button
              type="button"
              class="danger"
              aria-label={t('kickNamed', { name: p.nickname })}
              onClick={() => confirm(t('kickConfirm', { name: p.nickname })) && command('host:kick', { playerId: p.playerId })}
            >
              {t('kick')}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}

function FullscreenButton() {
  const [full, setFull] = useState(document.fullscreenElement !== null);
  useEffect(() => {
    const sync = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, []);
  if (!document.fullscreenEnabled) return null;
  return (
    <button
      type="button"
      class="tool"
      onClick={() => void (full ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => undefined)}
    >
      {full ? t('exitFullscreen') : t('fullscreen')}
    </button>
  );
}
