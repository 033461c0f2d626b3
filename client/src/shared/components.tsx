import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { currentLang, setLang, t } from './i18n.js';
import type { Socket } from 'socket.io-client';
import { useServerNotices } from './server-notices.js';
import type { RankedPlayer } from './types.js';

/** Stands in for a page that passes no socket: it never emits, so no notice shows. */
const NO_SOCKET = { on: () => undefined } as unknown as Socket;

/** Colour and shape per option, as on the projector: the phone works even when the screen is hard to see. */
export const OPTION_STYLES = [
  { shape: '▲', name: 'red' },
  { shape: '◆', name: 'blue' },
  { shape: '●', name: 'ochre' },
  { shape: '■', name: 'green' },
  { shape: '★', name: 'purple' },
  { shape: '⬢', name: 'brown' },
  { shape: '✚', name: 'teal' },
  { shape: '⬟', name: 'slate' },
];

export function optionStyle(index: number) {
  return OPTION_STYLES[index % OPTION_STYLES.length];
}

export function Shape({ index }: { index: number }) {
  return (
    <span class="shape" aria-hidden="true">
      {optionStyle(index).shape}
    </span>
  );
}

/** Seconds left, counted from the moment the frame arrived (no clock sync needed). */
export function Countdown({ remainingMs, paused, receivedAt }: { remainingMs: number; paused: boolean; receivedAt: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (paused) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [paused, receivedAt]);
  const left = paused ? remainingMs : Math.max(0, remainingMs - (now - receivedAt));
  const seconds = Math.ceil(left / 1000);
  return (
    <div class={`countdown${seconds <= 5 ? ' countdown-low' : ''}`} role="timer" aria-label={t('secondsLeft', { n: seconds })}>
      {paused ? '⏸' : seconds}
    </div>
  );
}

export function BarChart({ labels, counts, correct }: { labels: string[]; counts: number[]; correct: number[] }) {
  const max = Math.max(1, ...counts);
  return (
    <ul class="bars">
      {labels.map((label, i) => (
        <li class={`bar-row option-${optionStyle(i).name}${correct.includes(i) ? ' is-correct' : ''}`}>
          <span class="bar-label">
            <Shape index={i} /> {label} {correct.includes(i) ? <span class="tick" aria-label={t('correctAnswer')}>✓</span> : null}
          </span>
          <span class="bar-track">
            <span class="bar-fill" style={{ width: `${(counts[i] / max) * 100}%` }} />
          </span>
          <span class="bar-count">{counts[i]}</span>
        </li>
      ))}
    </ul>
  );
}

export function Leaderboard({ players }: { players: RankedPlayer[] }) {
  return (
    <ol class="leaderboard">
      {players.map((p) => {
        const up = p.previousRank !== null && p.previousRank > p.rank ? p.previousRank - p.rank : 0;
        return (
          <li>
            <span class="rank">{p.rank}</span>
            <span class="name">{p.nickname}</span>
            {up > 0 ? <span class="moved-up">▲ {t('movedUp', { n: up })}</span> : null}
            <span class="score">{p.score}</span>
            <span class="correct-count">{t('correctCount', { n: p.correctCount })}</span>
          </li>
        );
      })}
    </ol>
  );
}

export function Podium({ podium }: { podium: RankedPlayer[] }) {
  return (
    <ol class="podium">
      {podium.map((p) => (
        <li class={`place place-${p.rank}`}>
          <span class="medal" aria-hidden="true">
            {p.rank}
          </span>
          <span class="name">{p.nickname}</span>
          <span class="score">{t('points', { n: p.score })}</span>
          <span class="correct-count">{t('correctCount', { n: p.correctCount })}</span>
        </li>
      ))}
    </ol>
  );
}

export function ErrorLine({ message }: { message: string | null }) {
  return (
    <p class="error" role="alert">
      {message ?? ''}
    </p>
  );
}

/** The connection's state and what the server said about itself: a restart, a store outage, a record still being saved. */
export function ReconnectingBanner({ connected, socket }: { connected: boolean; socket?: Socket }) {
  const notices = useServerNotices(socket ?? NO_SOCKET);
  const lines: string[] = [];
  if (!connected) lines.push(notices.restarting ? t('serverRestarting') : t('reconnecting'));
  if (connected && notices.storeUnavailable) lines.push(t('pausedStoreUnavailable'));
  if (notices.historySaving) lines.push(t('historySaving'));
  return lines.length === 0 ? null : (
    <div class="banner" role="status">
      {lines.join(' ')}
    </div>
  );
}

export function Page({ title, children, wide }: { title?: string; children: ComponentChildren; wide?: boolean }) {
  useEffect(() => {
    if (title) document.title = `${title} · aulaquiz`;
  }, [title]);
  return (
    <main class={wide ? 'page page-wide' : 'page'}>
      <header class="topbar">
        <a class="brand" href="/">
          aulaquiz
        </a>
        <LangSwitch />
      </header>
      {children}
    </main>
  );
}

function LangSwitch() {
  const lang = currentLang();
  const other = lang === 'es' ? 'en' : 'es';
  return (
    <button
      type="button"
      class="lang"
      onClick={() => {
        setLang(other);
        location.reload();
      }}
    >
      {other === 'en' ? 'English' : 'Español'}
    </button>
  );
}
