import { Injectable } from '@nestjs/common';
import type { Actor } from '@npa/platform';
import { type ApplicationView, ApplicationsService, isOpen } from '@npa/approval';
import type { FormError } from './render';

/** The evidence form for files that support the whole application (no criterion) is `#file-application`. */
export const WHOLE_APPLICATION = 'application';

/** What the setting's contact typed into a form that was refused, shown again beside its errors. */
export interface Typed {
  criterionId?: string;
  statement?: string;
  message?: string;
}

/** The setting's current application and its past ones, shaped for the application page. */
@Injectable()
export class SettingApplication {
  constructor(private readonly applications: ApplicationsService) {}

  async of(settingId: string, actor: Actor, errors: FormError[] = [], typed: Typed = {}) {
    const all = await this.applications.listForSetting(settingId);
    const open = all.find((a) => isOpen(a.state));
    const [current, past] = await Promise.all([
      open ? this.applications.get(open.id, actor) : null,
      Promise.all(all.filter((a) => a !== open).map((a) => this.applications.get(a.id, actor))),
    ]);
    return { current: current && shape(current, errors, typed), past: past.map((a) => shape(a, [], {})) };
  }
}

function shape(a: ApplicationView, errors: FormError[], typed: Typed) {
  const problem = (field: string) => errors.find((e) => e.field === field)?.message;
  const requests = a.history.filter((h) => h.action === 'request-information' && h.message);
  return {
    ...a,
    canEdit: a.nextSteps.includes('edit'),
    canSubmit: a.nextSteps.includes('submit'),
    canWithdraw: a.nextSteps.includes('withdraw'),
    decided: a.state === 'approved' || a.state === 'rejected',
    /** While information is requested, the reviewer's latest request, to answer on resubmitting. */
    request: a.state === 'information_requested' ? (requests[requests.length - 1] ?? null) : null,
    messages: a.history.filter((h) => h.message),
    messageValue: typed.message ?? '',
    wholeApplicationFiles: a.evidence.filter((e) => e.criterionId === null),
    wholeApplicationFileError: problem(`file-${WHOLE_APPLICATION}`),
    criteria: a.criteria.map((c) => ({
      ...c,
      judged: c.kind === 'judged',
      // Evidence for the whole application is listed beside every judged criterion it supports.
      files: a.evidence.filter((e) => c.evidenceIds.includes(e.id)).map((e) => ({ ...e, forWholeApplication: e.criterionId === null })),
      statementValue: typed.criterionId === c.id && typed.statement !== undefined ? typed.statement : (c.statement ?? ''),
      error: problem(c.id),
      fileError: problem(`file-${c.id}`),
    })),
  };
}
