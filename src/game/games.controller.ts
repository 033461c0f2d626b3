import { UsePipes, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { httpValidationPipe } from '../common/validation.js';
import { TeacherKeyGuard } from '../auth/teacher-key.guard.js';
import { CreatedGameDto, CreateGameDto } from './dto/create-game.dto.js';
import { GamesService, type CreatedGame } from './games.service.js';

@ApiTags('games')
@UsePipes(httpValidationPipe)
@Controller('api/games')
@ApiBearerAuth()
@UseGuards(TeacherKeyGuard)
export class GamesController {
  constructor(private readonly games: GamesService) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CreatedGameDto })
  create(@Body() dto: CreateGameDto): Promise<CreatedGame> {
    return this.games.create(dto);
  }
}
