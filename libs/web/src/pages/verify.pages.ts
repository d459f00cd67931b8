import { Controller, Get, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PublicPage, RateLimit, DomainError } from '@npa/platform';
import { AwardsService } from '@npa/approval';
import { LettersService } from '@npa/letters';
import { OutcomesService } from '@npa/training';
import { page, PageReply } from './render';

const CHECKS = {
  certificate: { label: 'Certificate code', notFound: 'No certificate has that code: check it against the paper' },
  letter: { label: 'Letter code', notFound: 'No letter has that code: check it against the paper' },
  urn: { label: 'Ofsted URN', notFound: 'No setting holds the NPA Stamp of Approval under that Ofsted URN today' },
} as const;
type Check = keyof typeof CHECKS;

/** Anyone holding a certificate or a letter, or choosing a setting, can check it here without signing in. */
@ApiExcludeController()
@Controller('verify')
export class VerifyPages {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly letters: LettersService,
    private readonly awards: AwardsService,
  ) {}

  @Get()
  @PublicPage()
  @RateLimit('public')
  async verify(@PageReply() reply: PageReply, @Query() query: Record<string, unknown>) {
    const asked = (Object.keys(CHECKS) as Check[]).find((k) => typeof query[k] === 'string');
    const data = { title: 'Check a certificate, letter or Stamp of Approval', certificate: '', letter: '', urn: '' };
    if (!asked) return page(reply, 'verify', data);
    const value = String(query[asked]).trim();
    const filled = { ...data, [asked]: value };
    if (!value)
      return page(
        reply,
        'verify',
        { ...filled, errors: [{ field: asked, message: `Enter the ${CHECKS[asked].label.toLowerCase()}`, href: `#${asked}` }] },
        400,
      );
    try {
      return page(reply, 'verify', { ...filled, [`${asked}Answer`]: await this.lookUp(asked, value) });
    } catch (error) {
      if (!(error instanceof DomainError) || Number(error.status) !== 404) throw error;
      return page(reply, 'verify', { ...filled, errors: [{ field: asked, message: CHECKS[asked].notFound, href: `#${asked}` }] }, 404);
    }
  }

  private lookUp(check: Check, value: string) {
    if (check === 'certificate') return this.outcomes.verify(value);
    if (check === 'letter') return this.letters.verify(value);
    return this.awards.checkSetting(value);
  }
}
