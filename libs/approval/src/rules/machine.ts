// The Stamp of Approval application as a state machine: the one table that says which action may be
// taken from which state, by whom, and where it leads. Routes take their roles from here too.
import type { Role } from '@npa/platform';
import { conflict } from '@npa/platform';

export const APPLICATION_STATES = ['draft', 'submitted', 'under_review', 'information_requested', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** A setting has at most one application in these states at a time. */
export const OPEN_STATES: readonly ApplicationState[] = ['draft', 'submitted', 'under_review', 'information_requested'];

export const isOpen = (state: ApplicationState) => OPEN_STATES.includes(state);

const SETTING: readonly Role[] = ['setting_contact', 'npa_admin'];
const REVIEWERS: readonly Role[] = ['npa_reviewer', 'npa_admin'];

interface Step {
  from: readonly ApplicationState[];
  /** Where the action leads; absent for work that keeps the state (a statement, a recommendation). */
  to?: ApplicationState;
  roles: readonly Role[];
  /** How the action reads in the application's history and in refusals. */
  verb: string;
}

export const STEPS = {
  edit: { from: ['draft', 'information_requested'], roles: SETTING, verb: 'change the statements or evidence of' },
  submit: { from: ['draft', 'information_requested'], to: 'submitted', roles: SETTING, verb: 'submit' },
  'start-review': { from: ['submitted'], to: 'under_review', roles: REVIEWERS, verb: 'start reviewing' },
  recommend: { from: ['under_review'], roles: REVIEWERS, verb: 'record a recommendation on' },
  'request-information': { from: ['under_review'], to: 'information_requested', roles: REVIEWERS, verb: 'request information on' },
  approve: { from: ['under_review'], to: 'approved', roles: REVIEWERS, verb: 'approve' },
  reject: { from: ['under_review'], to: 'rejected', roles: REVIEWERS, verb: 'reject' },
  withdraw: { from: OPEN_STATES, to: 'withdrawn', roles: SETTING, verb: 'withdraw' },
} as const satisfies Record<string, Step>;

export type ApplicationAction = keyof typeof STEPS;

/** The roles that may take an action at all; the access guard answers 403 to the others. */
export const rolesFor = (action: ApplicationAction): readonly Role[] => STEPS[action].roles;

const STATE_NAME: Record<ApplicationState, string> = {
  draft: 'a draft',
  submitted: 'submitted',
  under_review: 'under review',
  information_requested: 'waiting for information from the setting',
  approved: 'approved',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

/** The state in words, to follow "an application that is" or "it is": the one wording of the states. */
export const applicationStateName = (state: string): string => STATE_NAME[state as ApplicationState] ?? state;

/**
 * The state an action leads to from `state` (the same state for work that does not move it), or a 409
 * naming the states it is allowed from. A decided application says so: a decision is final.
 */
export function nextState(state: ApplicationState, action: ApplicationAction): ApplicationState {
  const step: Step = STEPS[action];
  if (step.from.includes(state)) return step.to ?? state;
  const allowed = step.from.map((s) => STATE_NAME[s]).join(', ');
  if (state === 'approved' || state === 'rejected') {
    return refuse(
      'APPLICATION.ALREADY_DECIDED',
      `This application has already been decided (${state}); a decision is final, so it cannot ${step.verb} it. Open a new application instead.`,
    );
  }
  return refuse('APPLICATION.WRONG_STATE', `You cannot ${step.verb} an application that is ${STATE_NAME[state]}; only one that is ${allowed}.`, step.from);
}

function refuse(code: string, message: string, allowed?: readonly ApplicationState[]): never {
  throw conflict(code, message, allowed && [{ field: 'state', problem: `must be one of: ${allowed.join(', ')}` }]);
}
