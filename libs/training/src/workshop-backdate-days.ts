/**
 * How many days before it was scheduled a trainer's workshop may have begun before NPA staff must
 * confirm it: a versioned rule parameter. Rule parameters are kept by compliance, a layer above this
 * one, so training asks through this port and compliance provides it.
 */
export abstract class WorkshopBackdateDays {
  abstract current(): Promise<number>;
}
