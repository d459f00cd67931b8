import { CertificateView } from './workshop.dto';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public, RateLimit } from '@npa/platform';
import { OutcomesService } from './outcomes.service';

@ApiTags('training')
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly outcomes: OutcomesService) {}

  /** Open to anyone holding the paper: an employer checking a practitioner's Portage Workshop. */
  @Get(':code')
  @Public()
  @RateLimit('public')
  verifyCertificate(@Param('code') code: string): Promise<CertificateView> {
    return this.outcomes.verify(code);
  }
}
