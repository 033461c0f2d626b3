import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BankService } from '../bank/bank.service.js';
import { AppConfig } from '../config/app-config.js';
import { PublicUrl } from '../config/public-url.js';
import type { Deck } from '../questions/deck.js';
import type { Question } from '../questions/question.js';
import { composeRound } from '../questions/round-composer.js';
import type { CreateGameDto } from './dto/create-game.dto.js';
import { GameError } from '../common/game-error.js';
import type { GameSettings, RoundQuestion } from './engine/index.js';
import { GameRunner } from './game-runner.js';

export interface CreatedGame {
  gameId: string;
  pin: string;
  hostToken: string;
  joinUrl: string;
  questionCount: number;
}

@Injectable()
export class GamesService {
  constructor(
    private readonly bank: BankService,
    private readonly runner: GameRunner,
    private readonly config: AppConfig,
    private readonly urls: PublicUrl,
  ) {}

  /** A round composed from the deck's effective bank: the teacher's edits applied, exclusions left out. */
  async create(dto: CreateGameDto): Promise<CreatedGame> {
    const { deck, questions: bank } = await this.bank.playable(dto.deckId);
    this.checkTimeLimit(dto);
    const unknown = (dto.sections ?? []).filter((s) => !deck.sections.some((d) => d.label === s));
    if (unknown.length) throw new GameError('INVALID_PAYLOAD', `Unknown sections: ${unknown.join(', ')}`);
    const seed = dto.seed ?? randomInt(2 ** 31 - 1);
    const questions = composeRound(bank, { count: dto.questionCount, sections: dto.sections, types: dto.types, seed });
    return this.launch(deck, dto, questions, seed);
  }

  /** A game of questions already chosen and shuffled, in order (a review game). */
  async launch(deck: Deck, dto: Omit<CreateGameDto, 'deckId' | 'questionCount'>, chosen: Question[], seed: number): Promise<CreatedGame> {
    const timeLimitSec = this.checkTimeLimit(dto);
    const questions: RoundQuestion[] = chosen.map((q, i) => ({ ...q, multiplier: dto.multipliers?.[i] ?? 1 }));
    const settings: GameSettings = {
      deckId: deck.id,
      deckTitle: deck.title,
      timeLimitMs: timeLimitSec * 1000,
      scoring: dto.scoring ?? 'classic',
      sections: dto.sections ?? [],
      types: dto.types ?? [],
      seed,
      graceMs: this.config.ANSWER_GRACE_MS,
      reconnectGraceMs: this.config.RECONNECT_GRACE_MS,
      hostAbsencePauseMs: this.config.HOST_ABSENCE_PAUSE_MS,
      abandonAfterMs: this.config.ABANDON_AFTER_MS,
      maxPlayers: this.config.MAX_PLAYERS,
      getReadyMs: (dto.getReadySec ?? 0) * 1000,
      randomNames: dto.randomNames ?? false,
    };
    const { game, hostToken } = await this.runner.create(settings, questions);
    return { gameId: game.id, pin: game.pin, hostToken, joinUrl: this.urls.joinUrl(game.pin), questionCount: questions.length };
  }

  private checkTimeLimit(dto: { timeLimitSec?: number }): number {
    const timeLimitSec = dto.timeLimitSec ?? this.config.DEFAULT_TIME_LIMIT_SEC;
    if (timeLimitSec < this.config.MIN_TIME_LIMIT_SEC || timeLimitSec > this.config.MAX_TIME_LIMIT_SEC) {
      throw new GameError('INVALID_PAYLOAD', `timeLimitSec must be between ${this.config.MIN_TIME_LIMIT_SEC} and ${this.config.MAX_TIME_LIMIT_SEC}`);
    }
    return timeLimitSec;
  }
}
