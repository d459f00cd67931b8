import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageAccess, Actor, CurrentUser } from '@npa/platform';
import { ServicesService } from '@npa/registry';
import { ReturnsService, ParseReportingYear } from '@npa/returns';
import type { ReturnView, ReportingYear } from '@npa/returns';
import { FormBody } from './form-input';
import { page, PageReply, redirectWithNotice, withFormErrors } from './render';
import { comparisonRows, formValues, readReturnForm, returnFields, returnFormErrors, toReturnDto, type ReturnFormValues } from './return-form';

const MANAGER = ['service_manager'] as const;

/** The data of the return page: the form (or the figures read-only, with why) and its history. */
export function returnPage(view: ReturnView, values: ReturnFormValues) {
  return { title: `${view.year.label} annual return`, view, fields: returnFields(view, values), rows: comparisonRows(view) };
}

/** The service manager files and corrects their own service's annual return (never another's: the service is theirs by sign-in). */
@ApiExcludeController()
@Controller('service/returns')
export class ServiceReturnsPages {
  constructor(
    private readonly returns: ReturnsService,
    private readonly services: ServicesService,
  ) {}

  @Get()
  @PageAccess(MANAGER)
  async list(@PageReply() reply: PageReply, @CurrentUser() actor: Actor) {
    const [service, years] = await Promise.all([this.services.get(actor.organisationId!), this.returns.list(actor.organisationId!)]);
    return page(reply, 'service/returns', { title: 'Annual returns', service, years });
  }

  @Get(':year')
  @PageAccess(MANAGER)
  async form(
    @PageReply() reply: PageReply,
    @CurrentUser() actor: Actor,
    @Param('year', ParseReportingYear) year: ReportingYear,
    @Query('notice') notice?: string,
  ) {
    const view = await this.returns.get(actor.organisationId!, year.startYear);
    return page(reply, 'service/return', { ...returnPage(view, formValues(view.figures)), notice, back: '/service/returns' });
  }

  /** Files the return or corrects it; a slip comes back as the same form with what to check, as typed. */
  @Post(':year')
  @PageAccess(MANAGER)
  async file(@PageReply() reply: PageReply, @CurrentUser() actor: Actor, @Param('year', ParseReportingYear) year: ReportingYear, @Body() body: FormBody) {
    const serviceId = actor.organisationId!;
    const values = readReturnForm(body);
    return withFormErrors(
      async () => {
        const filed = await this.returns.file(serviceId, year.startYear, toReturnDto(values), actor);
        const notice =
          filed.revision === 1 ? `Your ${year.label} return is filed. Thank you.` : `Your ${year.label} return is corrected (revision ${filed.revision}).`;
        return redirectWithNotice(reply, `/service/returns/${year.slug}`, notice);
      },
      returnFormErrors,
      async (errors, status) => {
        const view = await this.returns.get(serviceId, year.startYear);
        return page(reply, 'service/return', { ...returnPage(view, values), errors, back: '/service/returns' }, status);
      },
    );
  }
}
