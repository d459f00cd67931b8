import { Module } from '@nestjs/common';

/** Services and their teams, people and their memberships, settings and their staff. */
@Module({})
export class RegistryModule {}
