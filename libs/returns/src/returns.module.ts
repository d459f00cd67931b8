import { Module } from '@nestjs/common';
import { LettersModule } from '@npa/letters';
import { FilingStatusService } from './filing-status.service';
import { LocalAuthoritiesController } from './local-authorities.controller';
import { LocalAuthoritiesService } from './local-authorities.service';
import { ReturnYears } from './return-years.service';
import { ReturnYearsController } from './return-years.controller';
import { ReturnsController } from './returns.controller';
import { ReturnsService } from './returns.service';
import { SnapshotService } from './snapshot.service';
import { SnapshotsController } from './snapshots.controller';

/** Annual returns of registered services and the national snapshot the NPA builds from them. */
@Module({
  imports: [LettersModule],
  controllers: [ReturnsController, ReturnYearsController, SnapshotsController, LocalAuthoritiesController],
  providers: [ReturnYears, ReturnsService, FilingStatusService, SnapshotService, LocalAuthoritiesService],
  exports: [ReturnYears, ReturnsService, FilingStatusService, SnapshotService, LocalAuthoritiesService],
})
export class ReturnsModule {}
