import type { Question } from './question.js';

/** No section and no kind may hold more than this share of a generated bank. */
export const MAX_SHARE = 0.4;

/**
 * A deck with one long section (or one generator with much to say) would
 * flood the bank with near-alike questions. While a section or a kind holds
 * more than MAX_SHARE of the bank, drop from it a question of the kind that
 * is most frequent there (the most redundant one), the last such in bank
 * order, so the result is the same every build.
 */
export function balanceBank(questions: Question[], maxShare = MAX_SHARE): Question[] {
  let bank = [...questions];
  for (;;) {
    const over = overfull(bank, (q) => q.source.section, maxShare) ?? overfull(bank, (q) => q.kind, maxShare);
    if (!over) return bank;
    const inGroup = bank.filter(over.member);
    const byKind = countBy(inGroup, (q) => q.kind);
    const [top] = [...byKind.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const victim = top && inGroup.filter((q) => q.kind === top[0]).at(-1);
    // An overfull group has members, so this only guards the loop against running forever.
    if (!victim) throw new Error('balanceBank: an overfull group has no questions');
    bank = bank.filter((q) => q !== victim);
  }
}

function overfull(bank: Question[], key: (q: Question) => string, maxShare: number): { member: (q: Question) => boolean } | null {
  // A bank of one or two groups cannot be spread: nothing to balance against.
  const counts = countBy(bank, key);
  if (counts.size < 3) return null;
  for (const [value, n] of counts) if (n > maxShare * bank.length) return { member: (q) => key(q) === value };
  return null;
}

function countBy(questions: Question[], key: (q: Question) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of questions) counts.set(key(q), (counts.get(key(q)) ?? 0) + 1);
  return counts;
}
