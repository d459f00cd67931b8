import type { ViewStates } from '@npa/platform';

/** How pages show an annual return's state (returns.views.ts; collected by the web lib's view helpers). */
export const RETURNS_VIEW_STATES: ViewStates = {
  due: { tag: 'blue' },
  overdue: { tag: 'orange' },
  missing: { tag: 'red' },
  filed: { tag: 'green' },
  filed_late: { tag: 'yellow' },
  not_open: { tag: 'grey' },
};
