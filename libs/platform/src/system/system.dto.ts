import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class HeartbeatRequest {
  /** Keep the job busy this long (tests of graceful shutdown). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60000)
  holdMs?: number;
}
