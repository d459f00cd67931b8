import { Module } from '@nestjs/common';

/** The supervision log of each service. */
@Module({})
export class SupervisionModule {}
