import { PageResponse } from '@npa/platform';

/** An early years setting on the register (a nursery, childminder or preschool). */
export class SettingResponse {
  id: string;
  name: string;
  /** The setting's Ofsted unique reference number. */
  ofstedUrn: string;
  kind: 'nursery' | 'childminder' | 'preschool';
  staffCount: number;
  localArea: string | null;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  updatedAt: string;
}

export class SettingPage extends PageResponse {
  items: SettingResponse[];
}

export class InspectionResponse {
  id: string;
  settingId: string;
  /** YYYY-MM-DD. */
  date: string;
  grade: 'outstanding' | 'good' | 'requires_improvement' | 'inadequate';
}

export class SettingStaffResponse {
  id: string;
  settingId: string;
  personId: string;
  /** The person's name (absent once they are anonymised). */
  name?: string;
  email?: string;
  /** YYYY-MM-DD. */
  startDate: string;
  /** YYYY-MM-DD; null while on the staff. */
  endDate: string | null;
}

export class SettingStaffPage extends PageResponse {
  items: SettingStaffResponse[];
}
