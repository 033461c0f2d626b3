import { randomBytes } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock.js';
import type { Deck } from '../questions/deck.js';
import { DeckLibrary } from '../questions/deck-library.service.js';
import type { Question } from '../questions/question.js';
import { BankError } from './bank-error.js';
import {
  applyOverlay,
  contentOf,
  OWN_KIND,
  playableQuestions,
  type BankQuestion,
  type EffectiveBank,
  type OverlayEntry,
  type QuestionContent,
} from './bank-overlay.js';
import { questionFieldProblems } from './question-check.js';
import { BankStore } from './store/bank-store.js';

/** Questions of an import checked in one turn of the event loop before it lets other work in. */
const CHECKS_PER_TURN = 25;

/** Fields a request body left out are undefined properties of its DTO: they change nothing. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface DeckBank extends EffectiveBank {
  deck: Deck;
}

/**
 * The teacher's bank of a deck: the generated and curated questions with the
 * overlay applied, and every change to it. Every change is checked with the
 * generators' own rules before it is stored.
 */
@Injectable()
export class BankService {
  constructor(
    private readonly decks: DeckLibrary,
    private readonly store: BankStore,
    private readonly clock: Clock,
  ) {}

  async bank(deckId: string): Promise<DeckBank> {
    const deck = await this.decks.resolve(deckId);
    return { deck, ...applyOverlay(deck.questions, await this.store.overlay(deck.id)) };
  }

  /** What a game of this deck is composed from. */
  async playable(deckId: string): Promise<{ deck: Deck; questions: Question[] }> {
    const bank = await this.bank(deckId);
    return { deck: bank.deck, questions: playableQuestions(bank) };
  }

  async question(deckId: string, questionId: string): Promise<BankQuestion> {
    return this.find(await this.bank(deckId), questionId);
  }

  async setExcluded(deckId: string, questionId: string, excluded: boolean): Promise<BankQuestion> {
    const bank = await this.bank(deckId);
    const question = this.find(bank, questionId);
    await this.put(bank.deck.id, question, { excluded, content: this.keptContent(question), editedAt: question.changedAt });
    return this.question(deckId, questionId);
  }

  /** Any field of any question; the result must pass every rule a generated question passes. */
  async edit(deckId: string, questionId: string, changes: Partial<QuestionContent>): Promise<BankQuestion> {
    const bank = await this.bank(deckId);
    const question = this.find(bank, questionId);
    const given = definedOnly(changes);
    const content: QuestionContent = { ...contentOf(question), ...given };
    if (changes.source) content.source = { ...question.source, ...definedOnly(changes.source) };
    if (changes.source?.section && !changes.tags) content.tags = [content.source.section];
    this.check(bank.deck, { ...content, id: question.id, kind: question.kind });
    await this.put(bank.deck.id, question, { excluded: question.excluded, content, editedAt: this.clock.now() });
    return this.question(deckId, questionId);
  }

  /** A teacher-written question in one of the deck's sections. */
  async add(deckId: string, content: QuestionContent): Promise<BankQuestion> {
    const [question] = await this.addMany(deckId, [content]);
    // addMany answers one question per content, or throws.
    if (!question) throw new Error('addMany stored no question');
    return question;
  }

  /** Several at once (an import): all pass the rules, or none is stored. */
  async addMany(deckId: string, contents: QuestionContent[], describe?: (index: number) => string): Promise<BankQuestion[]> {
    const deck = await this.decks.resolve(deckId);
    const entries: OverlayEntry[] = [];
    for (const [index, raw] of contents.entries()) {
      // Checking a question takes about a millisecond: a file of hundreds lets live games' answers in between.
      if (index > 0 && index % CHECKS_PER_TURN === 0) await setImmediate();
      const content = { ...raw, tags: raw.tags.length ? raw.tags : [raw.source.section] };
      const id = `own-${randomBytes(9).toString('base64url')}`;
      this.check(deck, { ...content, id, kind: OWN_KIND }, describe?.(index));
      const now = this.clock.now();
      entries.push({ questionId: id, excluded: false, content, own: true, updatedAt: now, editedAt: now });
    }
    await this.store.putEntries(deck.id, entries);
    const bank = await this.bank(deck.id);
    const byId = new Map(bank.questions.map((q) => [q.id, q]));
    return entries.map((e) => byId.get(e.questionId) ?? this.find(bank, e.questionId));
  }

  /** Back to what the generator makes (the exclusion stays as it is). */
  async reset(deckId: string, questionId: string): Promise<BankQuestion> {
    const bank = await this.bank(deckId);
    const question = this.find(bank, questionId);
    if (question.origin === 'own') throw new BankError('QUESTION_INVALID', 'A teacher-written question has no generated version: delete it instead.');
    if (question.excluded) await this.put(bank.deck.id, question, { excluded: true, content: null, editedAt: this.clock.now() });
    else await this.store.removeEntry(bank.deck.id, question.id);
    return this.question(deckId, questionId);
  }

  /** Removes a teacher-written question, or dismisses an orphaned edit. */
  async remove(deckId: string, questionId: string): Promise<void> {
    const bank = await this.bank(deckId);
    const own = bank.questions.find((q) => q.id === questionId && q.origin === 'own');
    const orphan = bank.orphaned.find((o) => o.questionId === questionId);
    if (!own && !orphan) {
      const exists = bank.questions.some((q) => q.id === questionId);
      throw exists
        ? new BankError('QUESTION_INVALID', 'Generated questions are excluded, not deleted.')
        : new BankError('QUESTION_NOT_FOUND', `No question "${questionId}" in this bank.`);
    }
    await this.store.removeEntry(bank.deck.id, questionId);
  }

  private find(bank: EffectiveBank, questionId: string): BankQuestion {
    const question = bank.questions.find((q) => q.id === questionId);
    if (!question) throw new BankError('QUESTION_NOT_FOUND', `No question "${questionId}" in this bank.`);
    return question;
  }

  /** An edit is kept as the whole question; own questions always carry their content. */
  private keptContent(question: BankQuestion): QuestionContent | null {
    return question.edited || question.origin === 'own' ? contentOf(question) : null;
  }

  private async put(deckId: string, question: BankQuestion, change: Pick<OverlayEntry, 'excluded' | 'content' | 'editedAt'>): Promise<void> {
    await this.store.putEntry(deckId, { questionId: question.id, own: question.origin === 'own', updatedAt: this.clock.now(), ...change });
  }

  private check(deck: Deck, question: Question, where?: string): void {
    // An import is refused whole, naming the question; a single edit names only the fields.
    const fields = questionFieldProblems(
      question,
      deck.sections.map((s) => s.label),
    );
    if (Object.keys(fields).length === 0) return;
    const summary = Object.entries(fields)
      .map(([field, problems]) => `${field}: ${problems.join(', ')}`)
      .join('; ');
    if (where) throw new BankError('IMPORT_INVALID', `${where}: ${summary}`, { fields, question: where });
    throw new BankError('QUESTION_INVALID', summary, { fields });
  }
}
