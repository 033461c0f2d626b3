import { t } from '../shared/i18n.js';
import type { PlayerView } from './player-view.js';

/**
 * What a screen reader should hear now, as one sentence for the page's live
 * region: the new question, "received" (only after the server's ack), the
 * result. The region is always in the page, so each change is announced.
 */
export function announcement(view: PlayerView | null, removed: boolean): string {
  if (removed) return t('removedTitle');
  if (!view) return '';
  if (view.closedReason === 'replaced') return t('replaced');
  const q = view.question;
  if (view.phase === 'question' && q) {
    const question = t('announceQuestion', { n: q.index + 1, total: q.total, prompt: q.prompt });
    if (q.opensAt !== null) return `${t('getReady')} ${question}`;
    if (view.answered) return t('received');
    if (view.pending) return t('sending');
    return `${question} ${t('announceOptionsOpen')}`;
  }
  if ((view.phase === 'reveal' || view.phase === 'leaderboard') && view.result) {
    const r = view.result;
    const verdict = !r.answered ? t('notAnswered') : r.correct ? t('right') : t('wrong');
    const lost = view.lostAnswerFor === r.index ? `${t('answerLost')} ` : '';
    return `${lost}${verdict} ${r.correct ? `+${r.points}. ` : ''}${t('rank', { rank: r.rank, total: r.totalPlayers })}`;
  }
  if (view.phase === 'podium' && view.gameOver) {
    return t('finalRank', { rank: view.gameOver.me.rank, total: view.gameOver.total });
  }
  if (view.phase === 'ended') return t('gameEnded');
  return view.phase === 'lobby' ? t('waitingStart') : '';
}
