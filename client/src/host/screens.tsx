import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Countdown, Leaderboard, Nick, Podium } from '../shared/components.js';
import { t } from '../shared/i18n.js';
import { useSecondsLeft } from '../shared/server-clock.js';
import type { HostSnapshot, QuestionView, RevealView } from '../shared/types.js';
import type { HostCommand as Command } from './host-command.js';
import type { HostSession } from './host-session.js';
import { HOST_QUESTION_TYPES } from './question-types.js';

function QrCode({ url }: { url: string }) {
  const [src, setSrc] = useState('');
  useEffect(() => {
    void QRCode.toDataURL(url, { margin: 1, width: 320, errorCorrectionLevel: 'M' }).then(setSrc);
  }, [url]);
  return src ? <img class="qr" src={src} width={320} height={320} alt={t('joinAt', { url })} /> : null;
}

export function LobbyScreen({ snapshot, session, command }: { snapshot: HostSnapshot; session: HostSession; command: Command }) {
  const { lobby } = snapshot;
  // The list scrolls when the class is big: keep the latest arrivals in view.
  const names = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (names.current) names.current.scrollTop = names.current.scrollHeight;
  }, [lobby.count]);
  return (
    <section class="lobby screen">
      <div class="join-info">
        <p class="join-url">{t('joinAt', { url: session.joinUrl.replace(/\?pin=.*/, '') })}</p>
        <p class="pin-label">{t('pin')}</p>
        <p class="pin" data-testid="pin">
          {snapshot.pin}
        </p>
        <QrCode url={session.joinUrl} />
      </div>
      <div class="lobby-players">
        <h2>
          {t('players')} ({lobby.count}) {snapshot.locked ? <span class="badge">{t('locked')}</span> : null}
        </h2>
        {lobby.count === 0 ? <p>{t('noPlayersYet')}</p> : null}
        <ul class="nicknames" ref={names}>
          {lobby.players.map((p) => (
            <li class={p.connected ? '' : 'is-away'}>
              <Nick name={p.nickname} />
              <button
                type="button"
                class="ghost"
                aria-label={t('kickNamed', { name: p.nickname })}
                onClick={() => command('host:kick', { playerId: p.playerId })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
        <div class="actions">
          {lobby.count > 0 ? (
            <button type="button" class="danger" onClick={() => confirm(t('kickRecentConfirm')) && command('host:kick-many', { joinedWithinSec: 60 })}>
              {t('kickRecent')}
            </button>
          ) : null}
          <button type="button" onClick={() => command('host:lock', { locked: !snapshot.locked })}>
            {snapshot.locked ? t('unlock') : t('lock')}
          </button>
          <button type="button" class="primary" disabled={lobby.count === 0} onClick={() => command('host:start')}>
            {t('start')}
          </button>
        </div>
      </div>
    </section>
  );
}

/** The question shown alone, counting down to `opensAt`: when its options open. */
function GetReadyHost({ opensAt, serverNow, paused }: { opensAt: number; serverNow: number; paused: boolean }) {
  const seconds = useSecondsLeft(opensAt, paused ? Math.max(0, opensAt - serverNow) : null);
  return (
    <p class="get-ready-count big" data-seconds={seconds}>
      {t('getReady')} {t('optionsIn', { n: seconds })}
    </p>
  );
}

/** `question`: the snapshot's, which a question phase always carries. */
export function QuestionScreen({ snapshot, question: q, command }: { snapshot: HostSnapshot; question: QuestionView; command: Command }) {
  const progress = snapshot.progress;
  const opensAt = q.opensAt;
  const getReady = opensAt !== null;
  return (
    <section class={`question-host screen${getReady ? ' is-get-ready' : ''}`} data-type={q.type}>
      <div class="question-head">
        <span>{t('questionOf', { n: q.index + 1, total: q.total })}</span>
        {getReady ? null : <Countdown question={q} paused={snapshot.paused} />}
        <span class="answered">{t('answered', { n: progress?.answered ?? 0, total: progress?.expected ?? snapshot.lobby.count })}</span>
      </div>
      <h1 class="prompt prompt-big">{q.prompt}</h1>
      {snapshot.paused ? <p class="card big">{t('paused')}</p> : null}
      {getReady ? <GetReadyHost opensAt={opensAt} serverNow={q.serverNow} paused={snapshot.paused} /> : null}
      {getReady ? null : <QuestionOptions question={q} />}
      <div class="actions">
        {snapshot.paused ? (
          <button type="button" onClick={() => command('host:resume')}>
            {t('resume')}
          </button>
        ) : (
          <button type="button" onClick={() => command('host:pause')}>
            {t('pause')}
          </button>
        )}
        <button type="button" onClick={() => command('host:skip')}>
          {t('skip')}
        </button>
        <EndButton command={command} />
      </div>
    </section>
  );
}

/** The open question's options (or a hint), as its type shows them on the projector. */
function QuestionOptions({ question }: { question: QuestionView }) {
  const { Options } = HOST_QUESTION_TYPES[question.type];
  return <Options question={question} />;
}

/** Right, wrong and silent, in words and numbers: a legend the back row can read, not "✓ 3 · ✗ 1 · — 1". */
function Tally({ reveal }: { reveal: RevealView }) {
  const d = reveal.distribution;
  return (
    <ul class="tally" data-testid="tally">
      <li class="tally-right">
        <span aria-hidden="true">✓</span> <strong>{d.correct}</strong> {t('legendRight', { n: d.correct })}
      </li>
      <li class="tally-wrong">
        <span aria-hidden="true">✗</span> <strong>{d.incorrect}</strong> {t('legendWrong', { n: d.incorrect })}
      </li>
      <li class="tally-none">
        <span aria-hidden="true">–</span> <strong>{d.unanswered}</strong> {t('legendNone')}
      </li>
    </ul>
  );
}

/** `reveal`: the snapshot's, which a reveal phase always carries. */
export function RevealScreen({ reveal: r, command }: { reveal: RevealView; command: Command }) {
  const { Breakdown } = HOST_QUESTION_TYPES[r.type];
  return (
    <section class="reveal screen" data-type={r.type}>
      <h1 class="prompt">{r.prompt}</h1>
      <Breakdown reveal={r} />
      <Tally reveal={r} />
      <p class="explanation">{r.explanation}</p>
      <p class="review">{t('review', { section: r.source.section })}</p>
      <div class="actions">
        <EndButton command={command} />
        <button type="button" class="primary" onClick={() => command('host:next')}>
          {t('next')}
        </button>
      </div>
    </section>
  );
}

export function StandingsScreen({ snapshot, command }: { snapshot: HostSnapshot; command: Command }) {
  return (
    <section class="standings screen">
      <h1>{t('leaderboard')}</h1>
      <Leaderboard players={snapshot.leaderboard.top} animate />
      <div class="actions">
        <EndButton command={command} />
        <button type="button" class="primary" onClick={() => command('host:next')}>
          {t('next')}
        </button>
      </div>
    </section>
  );
}

export function PodiumScreen({ snapshot, command, onLeave }: { snapshot: HostSnapshot; command: Command; onLeave: () => void }) {
  const over = snapshot.gameOver;
  return (
    <section class="podium-screen screen">
      <h1>{t('podium')}</h1>
      {over ? <Podium podium={over.podium} staged /> : null}
      {over ? <Leaderboard players={over.leaderboard.slice(3, 8)} /> : null}
      {snapshot.phase === 'ended' ? <p>{t('gameClosed')}</p> : null}
      <div class="actions">
        <a class="button" href={`/history#/game/${snapshot.gameId}`}>
          {t('viewHistory')}
        </a>
        {snapshot.phase === 'podium' ? (
          <button type="button" onClick={() => command('host:end')}>
            {t('closeGame')}
          </button>
        ) : null}
        <button type="button" class="primary" onClick={onLeave}>
          {t('newGame')}
        </button>
      </div>
    </section>
  );
}

function EndButton({ command }: { command: Command }) {
  return (
    <button type="button" class="danger" onClick={() => confirm(t('endConfirm')) && command('host:end')}>
      {t('end')}
    </button>
  );
}
