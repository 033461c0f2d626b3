import { analyzeItems, type ItemStats } from '../bank/analysis/item-analysis.js';
import { normalizeTyped } from '../questions/answer-matching.js';
import type { HistoryQuestion, HistoryRecord } from './history-record.js';

/** Below this correct rate a section is worth going over again next class. */
export const REVIEW_THRESHOLD = 0.6;
const HARDEST = 5;

export interface SectionStat {
  section: string;
  questions: number;
  /** Answers expected: players present for each question of the section. */
  asked: number;
  correct: number;
  correctRate: number;
}

export interface Misconception {
  index: number;
  prompt: string;
  /** The most chosen wrong answer, as players saw it. */
  answer: string;
  count: number;
  /** Share of the players asked who chose it. */
  share: number;
}

export interface HistoryReport {
  gameId: string;
  /** How the game ended: an `interrupted` or `abandoned` game's later questions were never asked. */
  endReason: HistoryRecord['endReason'];
  hardestQuestions: Array<{ index: number; prompt: string; section: string; correctRate: number; medianResponseMs: number | null }>;
  sections: SectionStat[];
  misconceptions: Misconception[];
  sectionsToReview: string[];
  /** Item analysis of this game alone (facility, discrimination, option shares, flags). */
  items: ItemStats[];
}

const asked = (q: HistoryQuestion) => q.distribution.correct + q.distribution.incorrect + q.distribution.unanswered;

/** Per section over the questions given: the numbers behind "7. Tipos de Hypervisor: 42 %". */
export function sectionStats(questions: HistoryQuestion[]): SectionStat[] {
  const stats = new Map<string, SectionStat>();
  for (const q of questions) {
    const s = stats.get(q.source.section) ?? { section: q.source.section, questions: 0, asked: 0, correct: 0, correctRate: 0 };
    s.questions += 1;
    s.asked += asked(q);
    s.correct += q.distribution.correct;
    stats.set(q.source.section, s);
  }
  return [...stats.values()]
    .map((s) => ({ ...s, correctRate: s.asked ? s.correct / s.asked : 0 }))
    .sort((a, b) => sectionNumber(a.section) - sectionNumber(b.section) || a.section.localeCompare(b.section));
}

function sectionNumber(label: string): number {
  return Number(/^(\d+)/.exec(label)?.[1] ?? Number.MAX_SAFE_INTEGER);
}

/** The wrong answer most players gave: options for choice questions, folded text for typed ones. */
export function misconceptionOf(q: HistoryQuestion): Misconception | null {
  const counts = new Map<string, number>();
  for (const a of q.answers) {
    if (a.correct) continue;
    for (const wrong of wrongParts(q, a.answer)) counts.set(wrong, (counts.get(wrong) ?? 0) + 1);
  }
  const [answer, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  if (!answer || !count) return null;
  return { index: q.index, prompt: q.prompt, answer, count, share: asked(q) ? count / asked(q) : 0 };
}

function wrongParts(q: HistoryQuestion, answer: unknown): string[] {
  switch (q.type) {
    case 'single':
    case 'truefalse':
      return optionsAt(q, [answer as number]);
    case 'multiple':
      return optionsAt(q, (answer as number[]).filter((i) => !q.correct.includes(i)));
    case 'typed':
      return [normalizeTyped(answer as string)].filter(Boolean);
    case 'ordering':
      return [optionsAt(q, answer as number[]).join(' → ')];
  }
}

export function buildReport(record: HistoryRecord): HistoryReport {
  const sections = sectionStats(record.questions);
  return {
    gameId: record.gameId,
    endReason: record.endReason,
    hardestQuestions: [...record.questions]
      .sort((a, b) => a.correctRate - b.correctRate || a.index - b.index)
      .slice(0, HARDEST)
      .map((q) => ({ index: q.index, prompt: q.prompt, section: q.source.section, correctRate: q.correctRate, medianResponseMs: q.medianResponseMs })),
    sections,
    misconceptions: record.questions.map(misconceptionOf).filter((m): m is Misconception => m !== null),
    sectionsToReview: sections
      .filter((s) => s.correctRate < REVIEW_THRESHOLD)
      .sort((a, b) => a.correctRate - b.correctRate)
      .map((s) => s.section),
    items: analyzeItems([record]),
  };
}

/** The options at these indices; an index with no option (graded answers never have one) is left out. */
function optionsAt(q: HistoryQuestion, indices: number[]): string[] {
  return indices.flatMap((i) => q.options[i] ?? []);
}
