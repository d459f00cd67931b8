import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsUUID } from 'class-validator';
import { IsIsoDate } from '@npa/platform';

export class RecordSessionDto {
  @ApiProperty({ description: 'YYYY-MM-DD, today or earlier (a project rule: a future session is refused with 400).' })
  @IsIsoDate()
  date: string;

  @ApiProperty({ description: 'The person who led the session. A project rule: they must be on the team that day, or 400 names them in details.' })
  @IsUUID()
  supervisorId: string;

  @ApiProperty({
    type: [String],
    description: 'One practitioner (individual) or several (group), each on the team that day (otherwise 400 names them in details).',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  practitionerIds: string[];
}
