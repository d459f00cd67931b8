// The annual return as a GOV.UK form: what was typed, turned into the API's FileReturnDto (numbers and
// a yes/no), and the figures shown back as a person reads them. The rules stay in libs/returns.
import { DomainError, invalid, type ProblemDetail, validateInput } from '@npa/platform';
import { FileReturnDto, AGE_RANGES, FIGURE_LABELS, FUNDING_LABELS, FUNDING_SOURCES, type ReturnFigures } from '@npa/returns';
import type { ReturnView } from '@npa/returns';
import type { FormBody } from './form-input';
import { formErrors, type FormError } from './render';

type Field = keyof ReturnFigures;
export type ReturnFormValues = Record<Field, string>;

/** The fields in the order the form, the comparison table and the error summary show them. */
const FIELDS = Object.keys(FIGURE_LABELS) as Field[];
const WHOLE_NUMBERS = new Set<Field>(['referralsAccepted', 'childrenSupported', 'waitingList', 'annualCost']);

/** What a blank field asks for, as the GOV.UK pattern words it ("Enter ...", "Select ..."), never NaN. */
const BLANK: Record<Field, string> = {
  referralsAccepted: 'Enter the number of referrals accepted, or 0',
  childrenSupported: 'Enter the number of children supported, or 0',
  waitingList: 'Enter the number of children on the waiting list at the year end, or 0',
  ageRange: 'Select the age range served',
  fundingSource: 'Select the main funding source',
  budgetCut: 'Select yes if the budget was cut in the last 12 months',
  teamFte: 'Enter the team size in full-time equivalent, for example 4.5',
  annualCost: 'Enter the annual cost of the service in pounds',
};

const HINTS: Partial<Record<Field, string>> = {
  waitingList: 'Children waiting on 31 March. Enter 0 if no child was waiting.',
  teamFte: 'Full-time equivalent, for example 4.5',
  annualCost: 'The whole cost of the service for the year, in pounds, not thousands',
};

export const AGE_RANGE_TEXT = (range: string) => `${range.replace('-', ' to ')} years`;
const YES_NO = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
];

/** A filed figure as a person reads it: 240,000 as "£240,000", a funding source in words, yes or no. */
export function showFigure(field: Field, figures: ReturnFigures | null): string {
  if (!figures) return '';
  switch (field) {
    case 'annualCost':
      return `£${figures.annualCost.toLocaleString('en-GB')}`;
    case 'ageRange':
      return AGE_RANGE_TEXT(figures.ageRange);
    case 'fundingSource':
      return FUNDING_LABELS[figures.fundingSource];
    case 'budgetCut':
      return figures.budgetCut ? 'Yes' : 'No';
    case 'referralsAccepted':
    case 'childrenSupported':
    case 'waitingList':
    case 'teamFte':
      return figures[field].toLocaleString('en-GB', { maximumFractionDigits: 2 });
  }
}

/** The form as first shown: the return as filed, or blank. */
export function formValues(figures: ReturnFigures | null): ReturnFormValues {
  const value = (f: Field) => (figures === null ? '' : f === 'budgetCut' ? (figures.budgetCut ? 'yes' : 'no') : String(figures[f]));
  return Object.fromEntries(FIELDS.map((f) => [f, value(f)])) as ReturnFormValues;
}

/** What was typed, trimmed, so a refused form is shown again exactly so. */
export function readReturnForm(body: FormBody): ReturnFormValues {
  return Object.fromEntries(FIELDS.map((f) => [f, typeof body[f] === 'string' ? body[f].trim() : ''])) as ReturnFormValues;
}

/** "1,200" and "£240,000" are numbers a person types; anything else is left as typed for the DTO to refuse. */
function convert(field: Field, value: string): unknown {
  if (field === 'budgetCut') return value === 'yes' ? true : value === 'no' ? false : value;
  if (field === 'ageRange' || field === 'fundingSource') return value;
  const plain = value.replace(/^£/, '').replace(/[,\s]/g, '');
  const number = Number(plain);
  return plain !== '' && Number.isFinite(number) ? number : value;
}

const isNumberField = (f: Field) => f !== 'ageRange' && f !== 'fundingSource' && f !== 'budgetCut';

/** The same DTO the API takes, checked the same way; a blank field says what to enter, words in a number box that a number is wanted. */
export function toReturnDto(values: ReturnFormValues): FileReturnDto {
  const blanks = FIELDS.filter((f) => values[f] === '');
  const given = Object.fromEntries(FIELDS.filter((f) => values[f] !== '').map((f) => [f, convert(f, values[f])]));
  const notNumbers = FIELDS.filter((f) => isNumberField(f) && f in given && typeof given[f] !== 'number');
  const own = new Set<string>([...blanks, ...notNumbers]);
  let problems: ProblemDetail[] = [
    ...blanks.map((f) => ({ field: f, problem: BLANK[f] })),
    ...notNumbers.map((f) => ({ field: f, problem: 'must be a number' })),
  ];
  try {
    const dto = validateInput(FileReturnDto, given);
    if (problems.length === 0) return dto;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems = problems.concat((error.details ?? []).filter((d) => !own.has(d.field)));
  }
  const order = (p: ProblemDetail) => FIELDS.indexOf(p.field as Field);
  throw invalid(
    'The return has fields to correct.',
    problems.sort((a, b) => order(a) - order(b)),
  );
}

/** The error summary: a field's label before what is wrong with it, a blank field's request as it is. */
export function returnFormErrors(error: unknown): FormError[] | null {
  const errors = formErrors(error, FIGURE_LABELS);
  if (!errors || !(error instanceof DomainError)) return errors;
  const blank = new Set((error.details ?? []).filter((d) => BLANK[d.field as Field] === d.problem).map((d) => d.field));
  return errors.map((e) => (blank.has(e.field) ? { ...e, message: BLANK[e.field as Field] } : e));
}

/** Each field of the form with its value, its hint and last year's figure beside it. */
export function returnFields(view: ReturnView, values: ReturnFormValues) {
  const last = view.lastYear;
  const lastYear = (f: Field) => (last ? `Last year (${last.year.label}): ${showFigure(f, last.figures)}` : undefined);
  const radios = (f: Field, options: { value: string; text: string }[], inline: boolean) => ({
    field: f,
    label: FIGURE_LABELS[f],
    radios: true,
    inline,
    hint: HINTS[f],
    lastYear: lastYear(f),
    options: options.map((o, i) => ({ ...o, id: i === 0 ? f : `${f}-${i + 1}`, checked: values[f] === o.value })),
  });
  return FIELDS.map((f) => {
    if (f === 'ageRange')
      return radios(
        f,
        AGE_RANGES.map((a) => ({ value: a, text: AGE_RANGE_TEXT(a) })),
        true,
      );
    if (f === 'fundingSource')
      return radios(
        f,
        FUNDING_SOURCES.map((s) => ({ value: s, text: FUNDING_LABELS[s] })),
        false,
      );
    if (f === 'budgetCut') return radios(f, YES_NO, true);
    return {
      field: f,
      label: f === 'annualCost' ? 'Annual cost' : FIGURE_LABELS[f],
      radios: false,
      hint: HINTS[f],
      lastYear: lastYear(f),
      value: values[f],
      inputmode: WHOLE_NUMBERS.has(f) ? 'numeric' : 'decimal',
      prefix: f === 'annualCost' ? '£' : undefined,
      width: f === 'annualCost' ? 10 : 5,
    };
  });
}

/** The return beside last year's, one row per figure, for reading (a closed year, the office). */
export function comparisonRows(view: ReturnView) {
  return FIELDS.map((f) => ({ label: FIGURE_LABELS[f], before: showFigure(f, view.lastYear?.figures ?? null), now: showFigure(f, view.figures) }));
}
