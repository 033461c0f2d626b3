import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { GameError } from '../../common/game-error.js';
import { GamesService, type CreatedGame } from '../../game/games.service.js';
import { HistoryStore } from '../../history/history-store.js';
import { composeRound } from '../../questions/round-composer.js';
import { analyzeItems } from '../analysis/item-analysis.js';
import { BankError } from '../bank-error.js';
import { BankService } from '../bank.service.js';
import { referencesOf } from '../bank-stats.service.js';
import type { ReviewGameDto } from './review-game.dto.js';
import { selectReview, type WeakItem } from './review-selection.js';

export const DEFAULT_REVIEW_QUESTIONS = 10;

/** A new game from what a class missed: in one finished game, or in one section over every game of the deck. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly bank: BankService,
    private readonly history: HistoryStore,
    private readonly games: GamesService,
  ) {}

  async create(dto: ReviewGameDto): Promise<CreatedGame> {
    const { deckId, weak } = await this.weakItems(dto);
    const { deck, questions } = await this.bank.playable(deckId);
    const chosen = selectReview(weak, questions, dto.questionCount ?? DEFAULT_REVIEW_QUESTIONS);
    if (chosen.length === 0) throw new BankError('NOTHING_TO_REVIEW', 'The class got every question of that selection right.');
    const seed = randomInt(2 ** 31 - 1);
    // Composing over exactly the chosen questions keeps the composer's guarantees: spread, order and option shuffles.
    const round = composeRound(chosen, { count: chosen.length, seed });
    return this.games.launch(deck, { timeLimitSec: dto.timeLimitSec, scoring: dto.scoring }, round, seed);
  }

  private async weakItems(dto: ReviewGameDto): Promise<{ deckId: string; weak: WeakItem[] }> {
    if (dto.gameId) {
      const record = await this.history.get(dto.gameId);
      if (!record) throw new GameError('GAME_NOT_FOUND', `No finished game with id "${dto.gameId}".`);
      const weak = analyzeItems([record]).map((item) => ({
        questionId: item.questionId,
        facility: item.facility ?? 0,
        sentence: record.questions.find((q) => q.questionId === item.questionId)?.source.sentence ?? '',
      }));
      return { deckId: record.deckId, weak };
    }
    if (!dto.deckId || !dto.section) throw new GameError('INVALID_PAYLOAD', 'Give gameId, or deckId and section.');
    const bank = await this.bank.bank(dto.deckId);
    const inSection = new Map(bank.questions.filter((q) => q.source.section === dto.section).map((q) => [q.id, q]));
    const records = await this.history.recordsOfDeck(bank.deck.id);
    const weak = analyzeItems(records, referencesOf(bank.questions)).flatMap((item) => {
      const question = inSection.get(item.questionId);
      return question && item.facility !== null ? [{ questionId: item.questionId, facility: item.facility, sentence: question.source.sentence }] : [];
    });
    return { deckId: bank.deck.id, weak };
  }
}
