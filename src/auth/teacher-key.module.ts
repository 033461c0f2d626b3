import { Global, Module } from '@nestjs/common';
import { TeacherKeyGuard } from './teacher-key.guard.js';
import { TeacherKey } from './teacher-key.service.js';

@Global()
@Module({ providers: [TeacherKey, TeacherKeyGuard], exports: [TeacherKey, TeacherKeyGuard] })
export class TeacherKeyModule {}
