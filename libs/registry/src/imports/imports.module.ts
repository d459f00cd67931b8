import { Module } from '@nestjs/common';

/** CSV imports (dry run, then all-or-nothing) and streamed CSV exports of the register. */
@Module({})
export class ImportsModule {}
