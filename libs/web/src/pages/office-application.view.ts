// The reviewer's application page as the template reads it: the API's view of the application, what the
// reviewer may do next, and the decision form with what was typed and where each problem belongs.
import type { ApplicationView } from '@npa/approval';
import { CRITERIA } from '@npa/approval';
import { daysBetween, type IsoDate, todayIn, DomainError } from '@npa/platform';
import type { FormError } from './render';

/** The decision form as posted: `decision`, and per criterion `outcome-<id>` and `reason-<id>`. */
export interface DecisionForm {
  decision?: string;
  outcomes: Record<string, string | undefined>;
  reasons: Record<string, string>;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function readDecisionForm(body: Record<string, unknown>): DecisionForm {
  const outcomes: DecisionForm['outcomes'] = {};
  const reasons: DecisionForm['reasons'] = {};
  for (const c of CRITERIA) {
    outcomes[c.id] = text(body[`outcome-${c.id}`]) || undefined;
    reasons[c.id] = text(body[`reason-${c.id}`]);
  }
  return { decision: text(body.decision) || undefined, outcomes, reasons };
}

/**
 * The decision as the API takes it: the criteria the reviewer answered, so the service names every
 * judged one left out and every reason missing, all at once. A computed criterion's outcome comes
 * pre-set from the register, so it is sent only when the reviewer wrote a reason for it; the service
 * evaluates the computed ones itself.
 */
export function decisionInput(form: DecisionForm) {
  const answered = (c: (typeof CRITERIA)[number]) => (c.kind === 'computed' ? false : Boolean(form.outcomes[c.id])) || form.reasons[c.id].trim() !== '';
  const criteria = CRITERIA.filter(answered).map((c) => ({
    id: c.id,
    outcome: form.outcomes[c.id],
    reason: form.reasons[c.id],
  }));
  return { decision: form.decision, criteria };
}

/** The service's refusal of a decision, each problem pointed at the field it is about. */
export function decisionErrors(error: unknown, sent: { criteria: { id: string }[] }): FormError[] | null {
  if (!(error instanceof DomainError) || ![400, 409].includes(Number(error.status))) return null;
  const title = (id: string) => CRITERIA.find((c) => c.id === id)?.title ?? id;
  return (error.details?.length ? error.details : [{ field: '', problem: error.message }]).map(({ field, problem }) => {
    const [head, index, part] = field.split('.');
    if (head === 'decision') return at('decision', 'Choose whether to approve or reject the application');
    if (head === 'criteria' && index !== undefined) {
      const id = sent.criteria[Number(index)]?.id ?? '';
      return part === 'reason' ? at(`reason-${id}`, `${id} reason ${problem}`) : at(`outcome-${id}`, `${id}: choose met or not met`);
    }
    if (head === 'state') return { field: '', message: error.message, href: '' };
    const named = /^(SA-[A-Z0-9-]+)\b/.exec(head === 'criteria' ? problem : head)?.[1];
    if (named) return at(`outcome-${named}`, head === 'criteria' ? problem : `${named} (${title(named)}) ${problem}`);
    if (head === 'criteria') return at(`outcome-${CRITERIA[0].id}`, 'Give an outcome and a reason for each criterion');
    return { field: '', message: problem, href: '' };
  });
}

const at = (field: string, message: string): FormError => ({ field, message, href: `#${field}` });

/** Days since submission while the application waits on the NPA, in the office's time zone. */
export function daysWaiting(view: ApplicationView, timeZone: string, today: IsoDate): number | null {
  if (!view.submittedAt || !['submitted', 'under_review'].includes(view.state)) return null;
  return daysBetween(todayIn(timeZone, new Date(view.submittedAt)), today);
}

/** Everything the template needs, with any form's typed values and errors folded in per criterion. */
export function applicationPage(
  view: ApplicationView,
  extra: { today: IsoDate; timeZone: string; decision?: DecisionForm; errors?: FormError[] | null; message?: string },
) {
  const steps = new Set<string>(view.nextSteps);
  const errors = extra.errors ?? [];
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const evidence = new Map(view.evidence.map((e) => [e.id, e]));
  return {
    application: view,
    daysWaiting: daysWaiting(view, extra.timeZone, extra.today),
    can: {
      startReview: steps.has('start-review'),
      recommend: steps.has('recommend'),
      requestInformation: steps.has('request-information'),
      decide: steps.has('approve') || steps.has('reject'),
    },
    criteria: view.criteria.map((c) => {
      // The form starts from the register's outcome or the reviewer's own recommendation; a desirable
      // criterion starts empty, as the decision does not need it.
      const suggested = c.level !== 'essential' ? undefined : c.kind === 'computed' ? (c.outcome ?? undefined) : c.recommendation?.outcome;
      const outcome = extra.decision ? extra.decision.outcomes[c.id] : suggested;
      return {
        ...c,
        files: c.evidenceIds.map((id) => evidence.get(id)).filter(Boolean),
        form: { outcome, reason: extra.decision?.reasons[c.id] ?? '', outcomeError: errorFor(`outcome-${c.id}`), reasonError: errorFor(`reason-${c.id}`) },
        recommendError: errorFor(`recommend-${c.id}`),
      };
    }),
    history: view.history.map((h) => ({ ...h, what: h.action.replace(/[-_]/g, ' ').replace(/^./, (c) => c.toUpperCase()) })),
    decision: extra.decision?.decision,
    decisionError: errorFor('decision'),
    message: extra.message ?? '',
    messageError: errorFor('message'),
    errors: extra.errors ?? undefined,
  };
}
