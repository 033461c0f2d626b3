import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';
import { BarChart, Countdown, Leaderboard, Podium, Shape, optionStyle } from '../shared/components.js';
import { t } from '../shared/i18n.js';
import type { HostSnapshot } from '../shared/types.js';
import type { HostSession } from './host-session.js';

type Command = (event: string, payload?: unknown) => Promise<void>;

function QrCode({ url }: { url: string }) {
  const [src, setSrc] = useState('');
  useEffect(() => {
    void QRCode.toDataURL(url, { margin: 1, width: 320, errorCorrectionLevel: 'M' }).then(setSrc);
  }, [url]);
  return src ? <img class="qr" src={src} width={320} height={320} alt={t('joinAt', { url })} /> : null;
}

export function LobbyScreen({ snapshot, session, command }: { snapshot: HostSnapshot; session: HostSession; command: Command }) {
  const { lobby } = snapshot;
  return (
    <section class="lobby">
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
        <ul class="nicknames" aria-live="polite">
          {lobby.players.map((p) => (
            <li class={p.connected ? '' : 'is-away'}>
              <span>{p.nickname}</span>
              <button type="button" class="ghost" aria-label={t('kickNamed', { name: p.nickname })} onClick={() => command('host:kick', { playerId: p.playerId })}>
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

export function QuestionScreen({ snapshot, receivedAt, command }: { snapshot: HostSnapshot; receivedAt: number; command: Command }) {
  const q = snapshot.question!;
  const progress = snapshot.progress;
  return (
    <section class="question-host" data-type={q.type}>
      <div class="question-head">
        <span>{t('questionOf', { n: q.index + 1, total: q.total })}</span>
        <Countdown remainingMs={q.remainingMs} paused={snapshot.paused} receivedAt={receivedAt} />
        <span class="answered" aria-live="off">
          {t('answered', { n: progress?.answered ?? 0, total: progress?.expected ?? snapshot.lobby.count })}
        </span>
      </div>
      <h1 class="prompt prompt-big">{q.prompt}</h1>
      {snapshot.paused ? <p class="card big">{t('paused')}</p> : null}
      {q.type === 'typed' ? null : (
        <ul class={q.type === 'ordering' ? 'host-options ordering' : 'host-options'}>
          {q.options.map((option, i) => (
            <li class={`host-option option-${optionStyle(i).name}`}>
              <Shape index={i} /> {option}
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        {snapshot.paused ? (
          <button type="button" onClick={() => command('host:resume')}>{t('resume')}</button>
        ) : (
          <button type="button" onClick={() => command('host:pause')}>{t('pause')}</button>
        )}
        <button type="button" onClick={() => command('host:skip')}>{t('skip')}</button>
        <EndButton command={command} />
      </div>
    </section>
  );
}

export function RevealScreen({ snapshot, command }: { snapshot: HostSnapshot; command: Command }) {
  const r = snapshot.reveal!;
  const options = r.options;
  return (
    <section class="reveal" data-type={r.type}>
      <h1 class="prompt">{r.prompt}</h1>
      {r.type === 'typed' ? (
        <p class="accepted big">{t('acceptedAnswers', { list: r.accepted.join(', ') })}</p>
      ) : r.type === 'ordering' ? (
        <ol class="correct-order">
          {r.correct.map((i) => <li>{options[i]}</li>)}
        </ol>
      ) : (
        <BarChart labels={options} counts={r.distribution.options} correct={r.correct} />
      )}
      <p class="tally">
        ✓ {r.distribution.correct} · ✗ {r.distribution.incorrect} · — {r.distribution.unanswered}
      </p>
      <p class="explanation">{r.explanation}</p>
      <p class="review">{t('review', { section: r.source.section })}</p>
      <div class="actions">
        <EndButton command={command} />
        <button type="button" class="primary" onClick={() => command('host:next')}>{t('next')}</button>
      </div>
    </section>
  );
}

export function StandingsScreen({ snapshot, command }: { snapshot: HostSnapshot; command: Command }) {
  return (
    <section class="standings">
      <h1>{t('leaderboard')}</h1>
      <Leaderboard players={snapshot.leaderboard.top} />
      <div class="actions">
        <EndButton command={command} />
        <button type="button" class="primary" onClick={() => command('host:next')}>{t('next')}</button>
      </div>
    </section>
  );
}

export function PodiumScreen({ snapshot, command, onLeave }: { snapshot: HostSnapshot; command: Command; onLeave: () => void }) {
  const over = snapshot.gameOver;
  return (
    <section class="podium-screen">
      <h1>{t('podium')}</h1>
      {over ? <Podium podium={over.podium} /> : null}
      {over ? <Leaderboard players={over.leaderboard.slice(3, 10)} /> : null}
      {snapshot.phase === 'ended' ? <p>{t('gameClosed')}</p> : null}
      <div class="actions">
        <a class="button" href={`/history#/game/${snapshot.gameId}`}>{t('viewHistory')}</a>
        {snapshot.phase === 'podium' ? <button type="button" onClick={() => command('host:end')}>{t('closeGame')}</button> : null}
        <button type="button" class="primary" onClick={onLeave}>{t('newGame')}</button>
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
