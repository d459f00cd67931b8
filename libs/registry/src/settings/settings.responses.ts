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
  /** `recorded` counts for SA-OFSTED; a setting's `proposed` one waits for NPA staff, who confirm or reject it. */
  status: 'proposed' | 'recorded' | 'rejected';
  /** The Ofsted report's address (required when a setting proposes an inspection). */
  reportUrl: string | null;
  /** Sent by the setting rather than recorded by NPA staff. */
  proposed: boolean;
  /** When NPA staff confirmed or rejected the proposal (ISO 8601 UTC). */
  decidedAt: string | null;
  /** Why NPA staff rejected the proposal; the setting sees it. */
  rejectionReason: string | null;
  /** ISO 8601 UTC. */
  createdAt: string;
}

export class StaffChangedBy {
  name: string | null;
  role: string | null;
}

/** A change to the setting's declared staff count (SA-TRAINED's small-setting threshold reads it). */
export class StaffCountChangeResponse {
  fromCount: number;
  toCount: number;
  /** ISO 8601 UTC. */
  changedAt: string;
  changedBy: StaffChangedBy;
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
