import type { JobName } from './jobs';
import { payloadProblems } from './job-payloads';

const TODAY = '2026-12-03';
const ID = '6f1c2b0e-0d4e-4a0b-9b39-3f7a2d3c9e11';

describe(payloadProblems.name, () => {
  it.each<[JobName, unknown, string[]]>([
    ['retention.daily', {}, []],
    ['retention.daily', { asOf: TODAY }, []],
    ['retention.daily', { asOf: '2020-01-31' }, []],
    ['retention.daily', { asOf: '2026-12-04' }, ['asOf must not be after today (2026-12-03)']],
    ['retention.daily', { asOf: '2199-01-01' }, ['asOf must not be after today (2026-12-03)']],
    ['retention.daily', { asOf: '2026-02-30' }, ['asOf must be a date written YYYY-MM-DD']],
    ['retention.daily', { asOf: 20991231 }, ['asOf must be a date written YYYY-MM-DD']],
    ['retention.daily', { asOf: TODAY, dryRun: false }, ['dryRun is not a field of retention.daily']],
    ['sweep.daily', { asOf: '2027-01-01' }, ['asOf must not be after today (2026-12-03)']],
    ['sweep.daily', { asOf: TODAY }, []],
    ['reminder.prepare', { reminderId: ID }, []],
    ['reminder.prepare', {}, ['reminderId is required']],
    ['reminder.prepare', { reminderId: "1' OR '1'='1" }, ['reminderId must be a record id']],
    ['letter.compose', { letterId: ID, renderOnly: true }, []],
    ['letter.compose', { letterId: ID, renderOnly: 'yes' }, ['renderOnly must be true or false']],
    ['letter.compose-many', { letterIds: [ID, ID] }, []],
    ['letter.compose-many', { letterIds: [] }, ['letterIds must be a list of 1 to 1000 record ids']],
    ['letter.compose-many', { letterIds: [ID, 'not-an-id'] }, ['letterIds must be a list of 1 to 1000 record ids']],
    ['letter.compose-many', { letterIds: ID }, ['letterIds must be a list of 1 to 1000 record ids']],
    ['letter.compose-many', { letterIds: Array.from({ length: 1001 }, () => ID) }, ['letterIds must be a list of 1 to 1000 record ids']],
    ['letter.deliver', { letterId: 42 }, ['letterId must be a record id']],
    ['system.heartbeat', { heartbeatId: ID, holdMs: 500 }, []],
    ['system.heartbeat', { heartbeatId: ID, holdMs: 1e9 }, ['holdMs must be a whole number of milliseconds up to 60000']],
    ['system.heartbeat', null, ['the payload must be an object']],
    ['letter.deliver', [ID], ['the payload must be an object']],
  ])('%s %j -> %j', (name, data, problems) => {
    expect(payloadProblems(name, data, TODAY)).toEqual(problems);
  });
});
