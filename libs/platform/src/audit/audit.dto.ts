import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../http/pagination';

export class AuditQuery extends PageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  /** Only entries about this kind of record (`service`, `user`). */
  entity?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  /** Only entries about the record with this id. */
  id?: string;
}
