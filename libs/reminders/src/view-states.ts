import type { ViewStates } from '@npa/platform';

/** How pages show a reminder's state (collected by the web lib's view helpers). */
export const REMINDERS_VIEW_STATES: ViewStates = {
  pending: { tag: 'blue' },
  sent: { tag: 'green' },
  suppressed: { tag: 'grey' },
  failed: { tag: 'red' },
  unknown: { tag: 'orange' },
};
