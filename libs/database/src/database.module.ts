import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, appDatabaseUrl } from '@npa/platform';
import { ApplicationRoleCheck } from './application-role';
import { dataSourceOptions } from './data-source';

/** The app's connection: the application role, never the schema's owner (migrations alone use DATABASE_URL). */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(appDatabaseUrl(config)), retryAttempts: 3, retryDelay: 1000 }),
    }),
  ],
  providers: [ApplicationRoleCheck],
})
export class DatabaseModule {}
