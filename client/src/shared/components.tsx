import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { currentLang, setLang, t } from './i18n.js';
import type { GameSocket } from './connection.js';
import { clockOffsetMs, useSecondsLeft } from './server-clock.js';
import { useServerNotices } from './server-notices.js';
import type { PodiumEntry, QuestionView, RankedPlayer } from './types.js';

/** Stands in for a page that passes no socket: it never emits, so no notice shows. */
const NO_SOCKET = { on: () => undefined } as unknown as GameSocket;

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

export function optionStyle(index: number): { shape: string; name: string } {
  // The list is not empty, so the modulo always lands on an entry.
  return OPTION_STYLES[index % OPTION_STYLES.length] ?? { shape: '◆', name: 'blue' };
}

export function Shape({ index }: { index: number }) {
  return (
    <span class="shape" aria-hidden="true">
      {optionStyle(index).shape}
    </span>
  );
}

/**
 * Seconds left of the open question, from the server's deadline and this
 * browser's measured offset to the server clock: every screen shows the same
 * second, and nothing that arrives (an answer count, a snapshot) moves it.
 */
export function Countdown({ question, paused }: { question: QuestionView; paused: boolean }) {
  const seconds = useSecondsLeft(question.deadlineAt, paused ? question.remainingMs : null);
  return (
    <div
      class={`countdown${seconds <= 5 ? ' countdown-low' : ''}${paused ? ' countdown-paused' : ''}`}
      role="timer"
      aria-label={paused ? `${t('paused')}: ${t('secondsLeft', { n: seconds })}` : t('secondsLeft', { n: seconds })}
      data-seconds={seconds}
      data-deadline={paused ? undefined : question.deadlineAt}
      data-offset={clockOffsetMs()}
    >
      {/* Paused: the frozen seconds beside two bars drawn in CSS (a "⏸" character is an empty box without an emoji font). */}
      {seconds}
    </div>
  );
}

/** A player's name, isolated from the text around it: a right-to-left name cannot reorder a score or a rank. */
export function Nick({ name }: { name: string }) {
  return <bdi class="nick">{name}</bdi>;
}

/**
 * A screen-reader live region that is in the page from the start, empty:
 * screen readers announce changes to a region they already know, not a
 * region inserted already filled.
 */
export function Announcer({ text, politeness = 'polite' }: { text: string; politeness?: 'polite' | 'assertive' }) {
  return (
    <div class="sr-only" aria-live={politeness} aria-atomic="true" data-testid={`announcer-${politeness}`}>
      {text}
    </div>
  );
}

/** Counts as bars; `plain` drops the option shapes and colours (typed answers are not options). */
export function BarChart({ labels, counts, correct, plain }: { labels: string[]; counts: number[]; correct: number[]; plain?: boolean }) {
  const max = Math.max(1, ...counts);
  return (
    <ul class="bars">
      {labels.map((label, i) => (
        <li class={`bar-row${plain ? '' : ` option-${optionStyle(i).name}`}${correct.includes(i) ? ' is-correct' : ''}`}>
          <span class="bar-label">
            {plain ? null : <Shape index={i} />} {label}{' '}
            {correct.includes(i) ? (
              <span class="tick" aria-label={t('correctAnswer')}>
                ✓
              </span>
            ) : null}
          </span>
          <span class="bar-track">
            <span class="bar-fill" style={{ width: `${((counts[i] ?? 0) / max) * 100}%` }} />
          </span>
          <span class="bar-count">{counts[i] ?? 0}</span>
        </li>
      ))}
    </ul>
  );
}

function Movement({ player }: { player: RankedPlayer }) {
  if (player.previousRank === null || player.previousRank === player.rank) return null;
  const up = player.previousRank > player.rank;
  const n = Math.abs(player.previousRank - player.rank);
  return <span class={up ? 'moved-up' : 'moved-down'}>{up ? `▲ ${t('movedUp', { n })}` : `▼ ${t('movedDown', { n })}`}</span>;
}

/**
 * The standings. Live (`animate`), each row slides from where it stood
 * before this question to where it stands now and shows this round's points;
 * in history (`live` false) there is no "last question", so no movement.
 */
export function Leaderboard({ players, animate, live = true }: { players: RankedPlayer[]; animate?: boolean; live?: boolean }) {
  return (
    <ol class={`leaderboard${animate ? ' is-animated' : ''}`}>
      {players.map((p) => {
        const from = animate && p.previousRank !== null ? Math.max(-6, Math.min(6, p.previousRank - p.rank)) : 0;
        return (
          <li style={{ '--from': String(from) }}>
            <span class="rank">{p.rank}</span>
            <span class="name">
              <Nick name={p.nickname} />
            </span>
            {live ? <Movement player={p} /> : null}
            {live && p.roundPoints > 0 ? <span class="round-points">{t('roundPoints', { n: p.roundPoints })}</span> : null}
            <span class="score">{p.score}</span>
            <span class="correct-count">{t('correctCount', { n: p.correctCount })}</span>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The podium; `staged` reveals third, then second, then first (instantly with
 * reduced motion). Each name stands on a step whose height is its place, so a
 * long name that wraps never makes second place look higher than first.
 */
export function Podium({ podium, staged }: { podium: PodiumEntry[]; staged?: boolean }) {
  return (
    <ol class={`podium${staged ? ' is-staged' : ''}`}>
      {podium.map((p) => (
        <li class={`place place-${p.rank}`}>
          <span class="name">
            <Nick name={p.nickname} />
          </span>
          <span class="score">{t('points', { n: p.score })}</span>
          <span class="correct-count">{t('correctCount', { n: p.correctCount })}</span>
          <span class="step">
            <span class="medal" aria-hidden="true">
              {p.rank}
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}

export function ErrorLine({ message, id }: { message: string | null; id?: string }) {
  return (
    <p class="error" role="alert" id={id}>
      {message ?? ''}
    </p>
  );
}

/** The connection's state and what the server said about itself: a restart, a store outage, a record still being saved. */
export function ReconnectingBanner({ connected, socket }: { connected: boolean; socket?: GameSocket }) {
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

/** `projector`: the host's live screens, whose text scales with the viewport (see useFitToViewport). */
export function Page({
  title,
  children,
  wide,
  projector,
  tools,
}: {
  title?: string;
  children: ComponentChildren;
  wide?: boolean;
  projector?: boolean;
  tools?: ComponentChildren;
}) {
  useEffect(() => {
    if (title) document.title = `${title} · aulaquiz`;
  }, [title]);
  return (
    <main class={`page${wide || projector ? ' page-wide' : ''}${projector ? ' page-projector' : ''}`}>
      <header class="topbar">
        <a class="brand" href="/">
          aulaquiz
        </a>
        {tools}
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
