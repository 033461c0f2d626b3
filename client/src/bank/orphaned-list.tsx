import type { OrphanedEntry } from './bank-api.js';
import { bt } from './bank-texts.js';

/** Changes to questions a re-uploaded deck no longer generates: shown, never dropped silently. */
export function OrphanedList({ orphaned, onDismiss }: { orphaned: OrphanedEntry[]; onDismiss: (questionId: string) => void }) {
  if (!orphaned.length) return null;
  return (
    <section class="card orphaned" aria-labelledby="orphaned-title">
      <h2 id="orphaned-title">{bt('orphanedTitle')}</h2>
      <p>{bt('orphanedHelp')}</p>
      <ul>
        {orphaned.map((o) => (
          <li>
            {o.content?.prompt ?? o.questionId} {o.excluded ? <span class="badge">{bt('excludedBadge')}</span> : null}{' '}
            <button type="button" onClick={() => onDismiss(o.questionId)}>
              {bt('dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
