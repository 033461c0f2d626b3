import { t } from '../shared/i18n.js';
import type { HostSnapshot } from '../shared/types.js';
import { HOST_QUESTION_TYPES } from './question-types.js';

/** What the host screen's live region says for the screen now showing (see Announcer). */
export function hostAnnouncement(s: HostSnapshot | null): string {
  if (!s) return '';
  const q = s.question;
  switch (s.phase) {
    case 'lobby':
      return `${t('players')}: ${s.lobby.count}`;
    case 'question':
      return q ? `${q.opensAt !== null ? `${t('getReady')} ` : ''}${t('announceQuestion', { n: q.index + 1, total: q.total, prompt: q.prompt })}` : '';
    case 'reveal': {
      const r = s.reveal;
      if (!r) return '';
      const right = HOST_QUESTION_TYPES[r.type].rightAnswers(r);
      const d = r.distribution;
      return `${t('correctAnswer')}: ${right.join(', ')}. ${d.correct} ${t('legendRight', { n: d.correct })}, ${d.incorrect} ${t('legendWrong', { n: d.incorrect })}, ${d.unanswered} ${t('legendNone')}.`;
    }
    case 'leaderboard':
      return `${t('leaderboard')}: ${s.leaderboard.top
        .slice(0, 3)
        .map((p) => `${p.rank}. ${p.nickname}`)
        .join(', ')}`;
    default:
      return s.gameOver ? `${t('podium')}: ${s.gameOver.podium.map((p) => `${p.rank}. ${p.nickname}`).join(', ')}` : t('gameClosed');
  }
}
