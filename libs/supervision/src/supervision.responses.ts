import { PageResponse } from '@npa/platform';

export class SupervisionSessionResponse {
  id: string;
  serviceId: string;
  /** YYYY-MM-DD. */
  date: string;
  /** The team member who supervised (a person's id). */
  supervisorId: string;
  /** The practitioners supervised (people's ids). */
  practitionerIds: string[];
  /** `individual` with one practitioner, `group` with more. */
  kind: 'group' | 'individual';
}

export class SupervisionSessionPage extends PageResponse {
  items: SupervisionSessionResponse[];
}
