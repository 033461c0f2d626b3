import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** Ids from a client are only ever looked up in Maps, after this shape check. */
export const DECK_ID = /^[A-Za-z0-9][\w.-]{0,99}$/;
export const QUESTION_ID = /^[A-Za-z0-9][\w.:-]{0,119}$/;

export class DeckParamDto {
  @ApiProperty({ example: 'tema1-virtualizacion' })
  @Matches(DECK_ID, { message: 'deckId is not a deck id' })
  deckId: string;
}

export class QuestionParamDto extends DeckParamDto {
  @ApiProperty()
  @Matches(QUESTION_ID, { message: 'questionId is not a question id' })
  questionId: string;
}
