import type { ViewStates } from '@npa/platform';

/** How pages show a compliance status and a rule's outcome (collected by the web lib's view helpers). */
export const COMPLIANCE_VIEW_STATES: ViewStates = {
  compliant: { tag: 'green' },
  non_compliant: { tag: 'red', label: 'Not compliant' },
  pass: { tag: 'green', label: 'Met' },
  fail: { tag: 'red', label: 'Not met' },
  not_applicable: { tag: 'grey', label: 'Does not apply' },
};
