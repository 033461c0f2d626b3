import { Injectable, type PipeTransform } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import type { AnswerValue } from '../../questions/question.js';
import { DEVICE_ID_PATTERN, NICKNAME_MAX } from '../engine/index.js';
import { ID_PATTERN } from '../tokens.js';
import { IsAnswerValue } from './answer-value.validator.js';

/** Payloads of client → server events (docs/protocol.md). Unknown fields are refused. */

const TOKEN_MAX = 120;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PlayerJoinDto {
  @Transform(trim)
  @Matches(/^\d{6}$/, { message: 'pin must be 6 digits' })
  pin: string;

  @Transform(trim)
  @IsString()
  @Length(1, NICKNAME_MAX, { message: `nickname must be 1 to ${NICKNAME_MAX} characters` })
  nickname: string;

  /** The phone's own random id, kept in its storage: a kicked device cannot join the same game again. */
  @IsOptional()
  @IsString()
  @Matches(DEVICE_ID_PATTERN, { message: 'deviceId must be 16 to 64 letters, digits, "-" or "_"' })
  deviceId?: string;
}

export class PlayerResumeDto {
  @IsString()
  @MaxLength(TOKEN_MAX)
  playerToken: string;
}

export class PlayerAnswerDto {
  @IsInt()
  @Min(0)
  @Max(999)
  questionIndex: number;

  @IsAnswerValue()
  answer: AnswerValue;
}

export class HostAttachDto {
  @IsString()
  @MaxLength(TOKEN_MAX)
  hostToken: string;
}

const ID_MESSAGE = 'a player id is 12 characters of A-Z, a-z, 0-9, "-" or "_"';

export class HostKickDto {
  @IsString()
  @Matches(ID_PATTERN, { message: `playerId: ${ID_MESSAGE}` })
  playerId: string;
}

export const MAX_KICK_MANY = 500;
export const MAX_JOINED_WITHIN_SEC = 3600;

/** Only a field that is absent is left out: `@IsOptional` would also let `null` through, unchecked. */
const unlessAbsent = (field: 'playerIds' | 'joinedWithinSec') => ValidateIf((dto: HostKickManyDto) => dto[field] !== undefined);

/** Exactly one of the two (checked by the gateway: class-validator has no "one of"). */
export class HostKickManyDto {
  @unlessAbsent('playerIds')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_KICK_MANY)
  @IsString({ each: true })
  @Matches(ID_PATTERN, { each: true, message: `each of playerIds: ${ID_MESSAGE}` })
  playerIds?: string[];

  @unlessAbsent('joinedWithinSec')
  @IsInt()
  @Min(1)
  @Max(MAX_JOINED_WITHIN_SEC)
  joinedWithinSec?: number;
}

export class HostLockDto {
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
