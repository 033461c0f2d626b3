import { Injectable, type PipeTransform } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import {
  DEVICE_ID_PATTERN,
  LIMITS,
  PIN_PATTERN,
  type AnswerValue,
  type HostAttachPayload,
  type HostKickManyPayload,
  type HostKickPayload,
  type HostLockPayload,
  type PlayerAnswerPayload,
  type PlayerJoinPayload,
  type PlayerResumePayload,
} from '../../protocol/index.js';
import { ID_PATTERN } from '../tokens.js';
import { IsAnswerValue } from './answer-value.validator.js';

/**
 * Payloads of client → server events (docs/protocol.md), checked by class-validator.
 * Each class implements its payload type of the protocol's `ClientEvents`, so the two
 * cannot drift apart; the sizes are the protocol's `LIMITS`. Unknown fields are refused.
 */

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PlayerJoinDto implements PlayerJoinPayload {
  @Transform(trim)
  @Matches(PIN_PATTERN, { message: 'pin must be 6 digits' })
  pin: string;

  @Transform(trim)
  @IsString()
  @Length(1, LIMITS.nickname, { message: `nickname must be 1 to ${LIMITS.nickname} characters` })
  nickname: string;

  /** The phone's own random id, kept in its storage: a kicked device cannot join the same game again. */
  @IsOptional()
  @IsString()
  @Matches(DEVICE_ID_PATTERN, { message: 'deviceId must be 16 to 64 letters, digits, "-" or "_"' })
  deviceId?: string;
}

export class PlayerResumeDto implements PlayerResumePayload {
  @IsString()
  @MaxLength(LIMITS.token)
  playerToken: string;
}

export class PlayerAnswerDto implements PlayerAnswerPayload {
  @IsInt()
  @Min(0)
  @Max(LIMITS.questionIndex)
  questionIndex: number;

  @IsAnswerValue()
  answer: AnswerValue;
}

export class HostAttachDto implements HostAttachPayload {
  @IsString()
  @MaxLength(LIMITS.token)
  hostToken: string;
}

const ID_MESSAGE = 'a player id is 12 characters of A-Z, a-z, 0-9, "-" or "_"';

export class HostKickDto implements HostKickPayload {
  @IsString()
  @Matches(ID_PATTERN, { message: `playerId: ${ID_MESSAGE}` })
  playerId: string;
}

/** Only a field that is absent is left out: `@IsOptional` would also let `null` through, unchecked. */
const unlessAbsent = (field: 'playerIds' | 'joinedWithinSec') => ValidateIf((dto: HostKickManyDto) => dto[field] !== undefined);

/** Exactly one of the two (checked by its host command: class-validator has no "one of"). */
export class HostKickManyDto implements HostKickManyPayload {
  @unlessAbsent('playerIds')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.kickMany)
  @IsString({ each: true })
  @Matches(ID_PATTERN, { each: true, message: `each of playerIds: ${ID_MESSAGE}` })
  playerIds?: string[];

  @unlessAbsent('joinedWithinSec')
  @IsInt()
  @Min(1)
  @Max(LIMITS.joinedWithinSec)
  joinedWithinSec?: number;
}

export class HostLockDto implements HostLockPayload {
  @IsBoolean()
  locked: boolean;
}

/** Events that carry no data (host:start, …) accept nothing, {} or null; anything else is refused. */
@Injectable()
export class NoPayloadPipe implements PipeTransform {
  transform(value: unknown): undefined {
    const empty = value === undefined || value === null || (isPlainObject(value) && Object.keys(value).length === 0);
    if (!empty) throw new WsException({ code: 'INVALID_PAYLOAD', message: 'this event takes no data' });
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
