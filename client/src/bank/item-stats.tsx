import './bank.css';
import type { ItemStats } from './bank-api.js';
import { bt, type BankTextKey } from './bank-texts.js';

const FLAG_TEXT: Record<string, BankTextKey> = {
  'negative-discrimination': 'flag_negative',
  'low-discrimination': 'flag_low',
  'unused-distractor': 'flag_unused',
  'too-easy': 'flag_easy',
  'too-hard': 'flag_hard',
};

const percent = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)} %`);
const signed = (x: number | null) => (x === null ? '–' : x.toFixed(2));

/** What play says about a question: the figures, and the flags in words a teacher understands. */
export function ItemFigures({ stats }: { stats: ItemStats | undefined }) {
  if (!stats) return <p class="meta">{bt('noStats')}</p>;
  return (
    <div class="item-stats">
      <dl class="figures">
        <div>
          <dt>{bt('facility')}</dt>
          <dd>{percent(stats.facility)}</dd>
        </div>
        <div>
          <dt>{bt('discrimination')}</dt>
          <dd>{signed(stats.discrimination)}</dd>
        </div>
        <div>
          <dt>{bt('pointBiserial')}</dt>
          <dd>{signed(stats.pointBiserial)}</dd>
        </div>
        <div>
          <dt>{bt('meanTime')}</dt>
          <dd>{stats.meanResponseMs === null ? '–' : `${(stats.meanResponseMs / 1000).toFixed(1)} s`}</dd>
        </div>
        <div>
          <dt>{bt('responses')}</dt>
          <dd>{stats.responses}</dd>
        </div>
      </dl>
      {stats.options.length ? (
        <ul class="option-shares" aria-label={bt('optionShares')}>
          {stats.options.map((o) => (
            <li class={o.correct ? 'is-key' : ''}>
              <span class="share-label">{o.option}</span>
              <span class="share-track" aria-hidden="true">
                <span class="share-fill" style={{ width: `${Math.round(o.share * 100)}%` }} />
              </span>
              <span class="share-value">{percent(o.share)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <ItemFlags stats={stats} />
    </div>
  );
}

export function ItemFlags({ stats }: { stats: ItemStats }) {
  if (!stats.flags.length) return null;
  return (
    <ul class="flags">
      {stats.flags.map((f) => (
        <li class="flag">⚑ {bt(FLAG_TEXT[f.code] ?? 'flag_low', { option: f.option ?? '' })}</li>
      ))}
    </ul>
  );
}
