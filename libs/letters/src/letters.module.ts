import { Module } from '@nestjs/common';
import { AppConfig } from '@npa/platform';
import { DeliveryChecks } from './delivery-checks';
import { LetterDetails } from './letter-details';
import { LetterKinds } from './letter-kind.registry';
import { LetterRenderer } from './letter-renderer';
import { LetterStanding } from './letter-standing';
import { LetterTemplatesService } from './letter-templates.service';
import { LettersController } from './letters.controller';
import { LettersScopes } from './letters.scopes';
import { LettersService } from './letters.service';
import { MailDeliveriesController } from './mail-deliveries.controller';
import { MailResends } from './mail-resends';
import { Recipients } from './recipients';

/** Letters the NPA signs: templates and their versions, asking for a letter, its files, verification. */
@Module({
  controllers: [LettersController, MailDeliveriesController],
  providers: [
    {
      provide: LetterRenderer,
      inject: [AppConfig, LetterKinds],
      useFactory: (config: AppConfig, kinds: LetterKinds) => new LetterRenderer({ verifyBaseUrl: config.PUBLIC_URL, kinds }),
    },
    LetterTemplatesService,
    LettersService,
    LetterDetails,
    LetterStanding,
    DeliveryChecks,
    LettersScopes,
    Recipients,
    MailResends,
  ],
  exports: [LetterDetails, LetterRenderer, LetterTemplatesService, LettersService, LetterStanding, DeliveryChecks, Recipients, MailResends],
})
export class LettersModule {}
