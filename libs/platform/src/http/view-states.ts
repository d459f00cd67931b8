// How pages show a slice's states and outcomes: a GOV.UK tag colour and, where the word with its
// underscores replaced would not do, a label. Each slice declares its own (its views' states); the web
// lib collects them for its `tagColour` and `label` view helpers.

export type TagColour = 'grey' | 'blue' | 'light-blue' | 'yellow' | 'green' | 'red' | 'orange';

export interface ViewState {
  tag: TagColour;
  label?: string;
}

export type ViewStates = Readonly<Record<string, ViewState>>;

/**
 * The slices' states in one map. Two slices may share a state word (a reminder and an email are both
 * "sent") only when they show it alike; otherwise the page would depend on which slice came last.
 */
export function collectViewStates(declarations: readonly ViewStates[]): ViewStates {
  const all: Record<string, ViewState> = {};
  for (const states of declarations) {
    for (const [state, view] of Object.entries(states)) {
      const known = all[state];
      if (known && (known.tag !== view.tag || known.label !== view.label)) throw new Error(`View state ${state} is declared twice, differently`);
      all[state] = view;
    }
  }
  return all;
}
