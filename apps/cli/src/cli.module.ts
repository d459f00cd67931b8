import { Module } from '@nestjs/common';
import { DatabaseModule } from '@npa/database';
import { PlatformModule } from '@npa/platform';
import { UsersService } from '@npa/platform/users/users.service';

@Module({
  imports: [PlatformModule, DatabaseModule],
  providers: [UsersService],
})
export class CliModule {}
