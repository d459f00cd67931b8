import { PageResponse } from '@npa/platform';

export class ServiceResponse {
  id: string;
  name: string;
  localAuthority: string;
  region: string;
  ageRange: '0-3' | '0-4' | '0-5';
  /** Issued on registration: NPA-S-00001. */
  registrationNumber: string;
  /** YYYY-MM-DD. */
  registeredOn: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  updatedAt: string;
}

export class ServicePage extends PageResponse {
  items: ServiceResponse[];
}

/** A post in a service's team. */
export class TeamMemberResponse {
  id: string;
  serviceId: string;
  personId: string;
  /** The person's name (absent once they are anonymised). */
  name?: string;
  email?: string;
  role: 'practitioner' | 'supervisor' | 'manager';
  /** Full-time equivalent, more than 0 and at most 1, at most three decimal places. */
  fte: number;
  /** Families visited; 0 or more. */
  caseload: number;
  /** YYYY-MM-DD. */
  startDate: string;
  /** YYYY-MM-DD, the last day in post; null while in post. */
  endDate: string | null;
}

export class TeamPage extends PageResponse {
  items: TeamMemberResponse[];
}

export class NetworkingAttendanceResponse {
  id: string;
  serviceId: string;
  /** YYYY-MM-DD. */
  date: string;
  event: string;
}

export class NetworkingAttendancePage extends PageResponse {
  items: NetworkingAttendanceResponse[];
}
