import { UsePipes, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { httpValidationPipe } from '../common/validation.js';
import { TeacherKeyGuard } from '../auth/teacher-key.guard.js';
import { CreateGameDto } from './dto/create-game.dto.js';
import { GamesService, type CreatedGame } from './games.service.js';

@UsePipes(httpValidationPipe)
@Controller('api/games')
@UseGuards(TeacherKeyGuard)
export class GamesController {
  constructor(private readonly games: GamesService) {}

  @Post()
  @HttpCode(201)
  create(@Body() dto: CreateGameDto): Promise<CreatedGame> {
    return this.games.create(dto);
  }
}
