import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, addMonths, IsoDate, maxDate } from '@npa/platform';
import { insertRows, random } from '@npa/registry';
import { CRITERIA } from '../rules/criteria';
import type { ApplicationState } from '../rules/machine';
import { demoEvidencePdf } from './demo-evidence';

/** Where the demo's evidence files go: the system's own storage, as an upload's would. */
export interface EvidenceStore {
  put(area: string, content: Buffer): Promise<string>;
}

export interface ApprovalCounts {
  /** Awards in force today. */
  awards: number;
  /** Awards that ended unrenewed in the last few days (their lapse notices are the sweep's). */
  lapsedAwards: number;
  openApplications: number;
}

const OPEN: ApplicationState[] = ['draft', 'submitted', 'submitted', 'under_review', 'information_requested'];

/**
 * Gives the register's settings a history with the Stamp of Approval: about two in five hold an award
 * (some expiring within 90 days, a few with a renewal under way, started from last year's statements and
 * evidence), another two in five have an open application at some stage, so the queue, the awards and
 * the public register have something in them; one award lapsed three days ago, unrenewed, for the
 * sweep's lapse notice.
 * Every application past draft carries what submitting needs (a statement and a file of evidence for
 * each judged criterion), as the real rules require; drafts have some of it.
 */
export async function generateApprovals(
  dataSource: DataSource,
  options: { seed: number; today: IsoDate; settingIds: string[]; storage: EvidenceStore },
): Promise<ApprovalCounts> {
  const rnd = random(options.seed + 1);
  const day = (n: number) => addDays(options.today, -n);
  const at = (date: IsoDate) => `${date}T10:00:00Z`;
  const applications: Record<string, unknown>[] = [];
  const criteria: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const awards: Record<string, unknown>[] = [];
  const evidence: { id: string; applicationId: string; criterionId: string; title: string; at: string }[] = [];
  const onFile: { application_id: string; evidence_id: string }[] = [];

  const application = (
    settingId: string,
    state: ApplicationState,
    kind: 'new' | 'renewal',
    opened: IsoDate,
    submitted: IsoDate | null,
    decided: IsoDate | null,
    renews: string | null = null,
    lastYear: string | null = null,
  ) => {
    const id = randomUUID();
    applications.push({
      id,
      setting_id: settingId,
      kind,
      state,
      renews_award_id: renews,
      previous_application_id: lastYear,
      submitted_at: submitted && at(submitted),
      decided_at: decided && at(decided),
      version: 1,
    });
    // A renewal starts from last year: its statements copied and its evidence on file, not uploaded again.
    const judged = lastYear !== null || state !== 'draft' || rnd.chance(0.5);
    let toConfirm = 0;
    for (const c of CRITERIA) {
      if (c.kind === 'judged' && judged && !lastYear)
        evidence.push({ id: randomUUID(), applicationId: id, criterionId: c.id, title: `${c.title}: our policy and a sample of records`, at: at(opened) });
      // A draft renewal is under way: the first two statements confirmed, the others still last year's to look at.
      const carriedOver = lastYear !== null && state === 'draft' && c.kind === 'judged' && toConfirm++ >= 2;
      criteria.push({
        application_id: id,
        criterion_id: c.id,
        statement: c.kind === 'judged' && judged ? `Our practice for ${c.title.toLowerCase()}.` : null,
        carried_over: carriedOver,
        outcome: decided ? 'pass' : null,
        reason: decided ? 'Met: evidence seen at review.' : null,
      });
    }
    if (lastYear) for (const e of evidence.filter((f) => f.applicationId === lastYear)) onFile.push({ application_id: id, evidence_id: e.id });
    events.push({ application_id: id, at: at(opened), actor_name: 'Demo data', action: 'opened', from_state: null, to_state: null });
    if (submitted)
      events.push({ application_id: id, at: at(submitted), actor_name: 'Demo data', action: 'submit', from_state: 'draft', to_state: 'submitted' });
    if (decided)
      events.push({ application_id: id, at: at(decided), actor_name: 'Demo data', action: 'approve', from_state: 'under_review', to_state: 'approved' });
    return id;
  };

  let open = 0;
  let draftRenewal = false;
  for (const settingId of options.settingIds) {
    const roll = rnd.next();
    if (roll < 0.4) {
      // The first award is near its end with a renewal under way, so the demo always shows one pre-filled.
      const first = !draftRenewal;
      draftRenewal = true;
      const decided = first ? day(330) : day(1 + rnd.int(360));
      const applicationId = application(settingId, 'approved', 'new', addDays(decided, -40), addDays(decided, -30), decided);
      const awardId = randomUUID();
      const expiresOn = addDays(addMonths(decided, 12), -1);
      awards.push({ id: awardId, setting_id: settingId, application_id: applicationId, awarded_on: decided, starts_on: decided, expires_on: expiresOn });
      const windowOpens = addDays(expiresOn, -90);
      if (windowOpens <= options.today && (first || rnd.chance(0.5))) {
        const opened = maxDate(windowOpens, day(rnd.int(10)));
        const state = first ? 'draft' : rnd.pick(OPEN.slice(1));
        application(settingId, state, 'renewal', opened, state === 'draft' ? null : opened, null, awardId, applicationId);
        open += 1;
      }
    } else if (roll < 0.8) {
      const opened = day(5 + rnd.int(60));
      const state = rnd.pick(OPEN);
      application(settingId, state, 'new', opened, state === 'draft' ? null : addDays(opened, 1 + rnd.int(4)), null);
      open += 1;
    }
  }

  // One setting whose award ended three days ago with no renewal: the daily sweep finds it and sends its lapse notice.
  const unawarded = options.settingIds.find((id) => !applications.some((a) => a.setting_id === id));
  if (unawarded) {
    const decided = addDays(addMonths(options.today, -12), -3);
    const applicationId = application(unawarded, 'approved', 'new', addDays(decided, -40), addDays(decided, -30), decided);
    awards.push({ id: randomUUID(), setting_id: unawarded, application_id: applicationId, awarded_on: decided, starts_on: decided, expires_on: day(4) });
  }

  const files: Record<string, unknown>[] = [];
  for (const e of evidence) {
    const content = demoEvidencePdf(e.title);
    const storageKey = await options.storage.put('evidence', content);
    const fileName = `${e.criterionId.toLowerCase()}-evidence.pdf`;
    const sha256 = createHash('sha256').update(content).digest('hex');
    files.push({
      id: e.id,
      application_id: e.applicationId,
      criterion_id: e.criterionId,
      file_name: fileName,
      storage_key: storageKey,
      content_type: 'application/pdf',
      size_bytes: content.length,
      sha256,
      created_at: e.at,
    });
  }

  await dataSource.transaction(async (m) => {
    await insertRows(
      m,
      'applications',
      {
        id: 'uuid',
        setting_id: 'uuid',
        kind: 'text',
        state: 'text',
        renews_award_id: 'uuid',
        previous_application_id: 'uuid',
        submitted_at: 'timestamptz',
        decided_at: 'timestamptz',
        version: 'int',
      },
      applications,
    );
    await insertRows(
      m,
      'application_criteria',
      { application_id: 'uuid', criterion_id: 'text', statement: 'text', carried_over: 'bool', outcome: 'text', reason: 'text' },
      criteria,
    );
    await insertRows(
      m,
      'application_events',
      { application_id: 'uuid', at: 'timestamptz', actor_name: 'text', action: 'text', from_state: 'text', to_state: 'text' },
      events,
    );
    await insertRows(
      m,
      'evidence',
      {
        id: 'uuid',
        application_id: 'uuid',
        criterion_id: 'text',
        file_name: 'text',
        storage_key: 'text',
        content_type: 'text',
        size_bytes: 'int',
        sha256: 'text',
        created_at: 'timestamptz',
      },
      files,
    );
    await insertRows(
      m,
      'awards',
      { id: 'uuid', setting_id: 'uuid', application_id: 'uuid', awarded_on: 'date', starts_on: 'date', expires_on: 'date' },
      awards,
    );
    await insertRows(m, 'application_evidence_on_file', { application_id: 'uuid', evidence_id: 'uuid' }, onFile);
  });
  return { awards: awards.length - (unawarded ? 1 : 0), lapsedAwards: unawarded ? 1 : 0, openApplications: open };
}
