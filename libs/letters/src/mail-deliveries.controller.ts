import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, Actor, ApiConflict, CurrentUser, NPA_STAFF, ParseId } from '@npa/platform';
import { ResendDeliveryDto, ResentDelivery } from './letters.dto';
import { MailResends } from './mail-resends';

@ApiTags('letters')
@ApiBearerAuth()
@Controller('mail-deliveries')
export class MailDeliveriesController {
  constructor(private readonly resends: MailResends) {}

  /**
   * Send a failed or unknown email again, with a reason (audited), optionally to a corrected address
   *
   * Queued at once: it goes once, to the recipients shown. A second click, or an email that is pending,
   * being sent, sent or suppressed, is a 409.
   */
  @Post(':id/resend')
  @HttpCode(200)
  @Access(NPA_STAFF)
  @ApiConflict('This email is sent: only a failed email or one in an unknown state can be sent again.')
  resendMailDelivery(@Param('id', ParseId) id: string, @Body() dto: ResendDeliveryDto, @CurrentUser() actor: Actor): Promise<ResentDelivery> {
    return this.resends.resend(id, dto, actor);
  }
}
