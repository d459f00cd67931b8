import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Actor, CurrentUser, NPA_STAFF, ParseId } from '@npa/platform';
import { ResendDeliveryDto, ResentDelivery } from './letters.dto';
import { MailResends } from './mail-resends';

@ApiTags('letters')
@ApiBearerAuth()
@Controller('mail-deliveries')
export class MailDeliveriesController {
  constructor(private readonly resends: MailResends) {}

  /** Send a failed or unknown email again, with a reason (audited), optionally to a corrected address. */
  @Post(':id/resend')
  @HttpCode(200)
  @Access(NPA_STAFF)
  @ApiOperation({ summary: 'Send a failed or unknown email again, with a reason (audited), optionally to a corrected address' })
  @ApiOkResponse({ type: ResentDelivery, description: 'queued: it goes once, to the recipients shown' })
  @ApiConflictResponse({ description: 'MAIL_DELIVERY.NOT_RESENDABLE: the email is pending, being sent, sent or suppressed (a second click)' })
  resend(@Param('id', ParseId) id: string, @Body() dto: ResendDeliveryDto, @CurrentUser() actor: Actor) {
    return this.resends.resend(id, dto, actor);
  }
}
