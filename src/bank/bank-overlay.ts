import type { Question, QuestionFields } from '../questions/question.js';

/** Everything a teacher may change in a question; id and kind stay the generator's. */
export type QuestionContent = Omit<Question, 'id' | 'kind'>;

/**
 * The teacher's change to one question of a deck, kept apart from the deck so
 * that regenerating the deck (ids are deterministic) re-applies it.
 */
export interface OverlayEntry {
  questionId: string;
  /** Never drawn into a game while set. */
  excluded: boolean;
  /** The teacher's version of every field, or null to keep the generated one. */
  content: QuestionContent | null;
  /** Written by the teacher (typed in or imported): no generated question behind it. */
  own: boolean;
  /** Epoch ms of the last change of any kind. */
  updatedAt: number;
  /**
   * Epoch ms the question itself last changed (edited, reset, written): play
   * statistics count only games after it. Excluding does not change it.
   * Absent from entries stored before it was kept apart from updatedAt.
   */
  editedAt?: number;
}

export type QuestionOrigin = 'generated' | 'curated' | 'own';

/** A question as the bank page and the API show it. */
export interface BankQuestion extends QuestionFields {
  origin: QuestionOrigin;
  excluded: boolean;
  edited: boolean;
  /** When the teacher last changed its content (0: never); its play statistics start there. */
  changedAt: number;
}

/** An edit or exclusion whose question the deck no longer generates (its text changed). */
export interface OrphanedEntry {
  questionId: string;
  excluded: boolean;
  content: QuestionContent | null;
  updatedAt: number;
}

export interface EffectiveBank {
  questions: BankQuestion[];
  orphaned: OrphanedEntry[];
}

export const OWN_KIND = 'teacher';

function originOf(q: Question): QuestionOrigin {
  return q.kind === 'curated' ? 'curated' : 'generated';
}

/**
 * Generated and curated questions with the teacher's edits applied, then the
 * teacher's own questions. Excluded questions stay listed (the bank page shows
 * them); `playableQuestions` leaves them out.
 */
export function applyOverlay(base: readonly Question[], overlay: ReadonlyMap<string, OverlayEntry>): EffectiveBank {
  const baseIds = new Set(base.map((q) => q.id));
  const questions: BankQuestion[] = base.map((q) => {
    const entry = overlay.get(q.id);
    const content = entry?.content ?? null;
    return {
      ...q,
      ...(content ?? {}),
      id: q.id,
      kind: q.kind,
      origin: originOf(q),
      excluded: entry?.excluded ?? false,
      edited: content !== null,
      changedAt: entry?.editedAt ?? 0,
    };
  });
  const orphaned: OrphanedEntry[] = [];
  for (const entry of overlay.values()) {
    if (baseIds.has(entry.questionId)) continue;
    if (entry.own && entry.content) {
      questions.push({
        ...entry.content,
        id: entry.questionId,
        kind: OWN_KIND,
        origin: 'own',
        excluded: entry.excluded,
        edited: false,
        changedAt: entry.editedAt ?? entry.updatedAt,
      });
    } else {
      orphaned.push({ questionId: entry.questionId, excluded: entry.excluded, content: entry.content, updatedAt: entry.updatedAt });
    }
  }
  return { questions, orphaned };
}

/** What games are composed from: edits applied, exclusions removed, bank-only fields dropped. */
export function playableQuestions(bank: EffectiveBank): Question[] {
  return bank.questions.filter((q) => !q.excluded).map(toQuestion);
}

export function toQuestion(q: BankQuestion): Question {
  return {
    id: q.id,
    kind: q.kind,
    type: q.type,
    prompt: q.prompt,
    options: q.options,
    correct: q.correct,
    accepted: q.accepted,
    explanation: q.explanation,
    source: q.source,
    tags: q.tags,
    difficulty: q.difficulty,
  };
}

export function contentOf(q: Question): QuestionContent {
  const { id: _id, kind: _kind, ...content } = toQuestion(q as BankQuestion);
  return content;
}
