import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsUUID } from 'class-validator';
import { IsIsoDate } from '@npa/platform';

export class RecordSessionDto {
  @ApiProperty()
  @IsIsoDate()
  date: string;

  @ApiProperty({ description: 'the person who led the session; must be on the team that day' })
  @IsUUID()
  supervisorId: string;

  @ApiProperty({ type: [String], description: 'one practitioner (individual) or several (group)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  practitionerIds: string[];
}
