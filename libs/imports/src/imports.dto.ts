import { IsIn, IsOptional } from 'class-validator';

export class ImportQuery {
  /** true: check every row and answer what a real run would do, changing nothing. */
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}
