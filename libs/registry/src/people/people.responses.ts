import { PageResponse } from '@npa/platform';

export class PersonResponse {
  id: string;
  name: string;
  /** Unique on the register: one person, one record. */
  email: string;
}

export class PersonPage extends PageResponse {
  items: PersonResponse[];
}

/** NPA professional membership. */
export class MembershipResponse {
  id: string;
  personId: string;
  /** The NPA membership number. */
  number: string;
  /** YYYY-MM-DD. */
  startDate: string;
  /** YYYY-MM-DD. */
  endDate: string;
}

export class QualificationResponse {
  id: string;
  personId: string;
  kind: 'level3' | 'relevant_degree' | 'accredited_trainer';
  status: 'achieved' | 'working_towards';
  /** YYYY-MM-DD; null when working towards it. */
  date: string | null;
}

export class InductionResponse {
  id: string;
  personId: string;
  /** YYYY-MM-DD: the NPA induction checklist was completed. */
  completedOn: string;
}

export class PersonDetailResponse extends PersonResponse {
  memberships: MembershipResponse[];
  qualifications: QualificationResponse[];
  /** YYYY-MM-DD, or null before the induction is recorded. */
  inductionCompletedOn: string | null;
}
