import { Injectable, type PipeTransform } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type { AnswerValue } from '../../questions/question.js';
import { DEVICE_ID_PATTERN, NICKNAME_MAX } from '../engine/index.js';
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

export class HostKickDto {
  @IsString()
  @MaxLength(40)
  playerId: string;
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
