import type { ViewStates } from '@npa/platform';

/** How pages show an application's state and an award's (collected by the web lib's view helpers). */
export const APPROVAL_VIEW_STATES: ViewStates = {
  draft: { tag: 'grey' },
  submitted: { tag: 'blue' },
  under_review: { tag: 'light-blue', label: 'Under review' },
  information_requested: { tag: 'yellow', label: 'Information requested' },
  approved: { tag: 'green' },
  rejected: { tag: 'red' },
  withdrawn: { tag: 'grey' },
  active: { tag: 'green' },
  at_risk: { tag: 'orange', label: 'At risk' },
  expired: { tag: 'red' },
  none: { tag: 'grey' },
};
