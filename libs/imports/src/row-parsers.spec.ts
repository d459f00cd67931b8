import { parseCompletionRow, parseMembershipRow, parsePersonRow, parseSettingRow, parseSupervisionRow, parseTeamRow } from './row-parsers';

// Each case: the cells of one row, and either the row read from them or the problems, by column.

describe(parsePersonRow.name, () => {
  it.each([
    { case: 'a name and an email', cells: { name: 'Ann Example', email: 'ann@example.org' }, value: { name: 'Ann Example', email: 'ann@example.org' } },
    {
      case: 'an email keeps its case (matching ignores it)',
      cells: { name: 'Ann', email: 'Ann@Example.org' },
      value: { name: 'Ann', email: 'Ann@Example.org' },
    },
  ])('reads $case', ({ cells, value }) => {
    expect(parsePersonRow(cells)).toEqual({ value, problems: [] });
  });

  it.each([
    { case: 'no name', cells: { name: '', email: 'ann@example.org' }, problems: [{ column: 'name', problem: 'is empty' }] },
    {
      case: 'a name too long',
      cells: { name: 'x'.repeat(201), email: 'ann@example.org' },
      problems: [{ column: 'name', problem: 'is longer than 200 characters' }],
    },
    { case: 'no email', cells: { name: 'Ann', email: '' }, problems: [{ column: 'email', problem: 'is empty' }] },
    {
      case: 'an email without a domain',
      cells: { name: 'Ann', email: 'ann@' },
      problems: [{ column: 'email', problem: '"ann@" is not a valid email address' }],
    },
    {
      case: 'an email without a dot in the domain',
      cells: { name: 'Ann', email: 'ann@localhost' },
      problems: [{ column: 'email', problem: '"ann@localhost" is not a valid email address' }],
    },
    {
      case: 'both wrong at once',
      cells: { name: '', email: 'not-an-email' },
      problems: [
        { column: 'name', problem: 'is empty' },
        { column: 'email', problem: '"not-an-email" is not a valid email address' },
      ],
    },
  ])('refuses $case', ({ cells, problems }) => {
    expect(parsePersonRow(cells)).toEqual({ value: null, problems });
  });
});

describe(parseTeamRow.name, () => {
  const good = {
    service_registration_number: 'npa-s-00001',
    email: 'ann@example.org',
    role: 'Practitioner',
    fte: '0.5',
    caseload: '8',
    start_date: '2025-01-06',
    end_date: '',
  };

  it('reads a post, with the registration number in capitals and no end date', () => {
    expect(parseTeamRow(good)).toEqual({
      value: { serviceNumber: 'NPA-S-00001', email: 'ann@example.org', role: 'practitioner', fte: 0.5, caseload: 8, startDate: '2025-01-06', endDate: null },
      problems: [],
    });
  });

  it.each([
    { cells: { fte: '1' }, value: { fte: 1 } },
    { cells: { fte: '.75' }, value: { fte: 0.75 } },
    { cells: { fte: '0.001' }, value: { fte: 0.001 } },
    { cells: { fte: '1.000' }, value: { fte: 1 } },
    { cells: { caseload: '0' }, value: { caseload: 0 } },
    { cells: { end_date: '2025-01-06' }, value: { endDate: '2025-01-06' } },
  ])('reads $cells', ({ cells, value }) => {
    expect(parseTeamRow({ ...good, ...cells }).value).toMatchObject(value);
  });

  it.each([
    { cells: { role: 'boss' }, column: 'role', problem: '"boss" is not allowed; use one of practitioner, supervisor, manager' },
    { cells: { fte: '0' }, column: 'fte', problem: '"0" is not allowed; use a number more than 0 and at most 1, such as 0.5' },
    { cells: { fte: '1.5' }, column: 'fte', problem: '"1.5" is not allowed; use a number more than 0 and at most 1, such as 0.5' },
    { cells: { fte: '0.0005' }, column: 'fte', problem: '"0.0005" is not allowed; use a number more than 0 and at most 1, such as 0.5' },
    { cells: { fte: 'half' }, column: 'fte', problem: '"half" is not allowed; use a number more than 0 and at most 1, such as 0.5' },
    { cells: { caseload: '-1' }, column: 'caseload', problem: '"-1" is not allowed; use a whole number from 0 to 100' },
    { cells: { caseload: '2.5' }, column: 'caseload', problem: '"2.5" is not allowed; use a whole number from 0 to 100' },
    { cells: { caseload: '' }, column: 'caseload', problem: 'is empty; use a whole number from 0 to 100' },
    { cells: { start_date: '06/01/2025' }, column: 'start_date', problem: '"06/01/2025" is not a date written YYYY-MM-DD' },
    { cells: { start_date: '2025-02-30' }, column: 'start_date', problem: '"2025-02-30" is not a date written YYYY-MM-DD' },
    { cells: { end_date: '2025-01-05' }, column: 'end_date', problem: '(2025-01-05) is before start_date (2025-01-06)' },
    { cells: { service_registration_number: '' }, column: 'service_registration_number', problem: 'is empty' },
  ])('refuses $cells', ({ cells, column, problem }) => {
    expect(parseTeamRow({ ...good, ...cells })).toEqual({ value: null, problems: [{ column, problem }] });
  });
});

describe(parseMembershipRow.name, () => {
  const good = { email: 'ann@example.org', number: 'NPA-123', start_date: '2025-04-01', end_date: '2026-03-31' };

  it('reads a membership', () => {
    expect(parseMembershipRow(good).value).toEqual({ email: 'ann@example.org', number: 'NPA-123', startDate: '2025-04-01', endDate: '2026-03-31' });
  });

  it.each([
    { cells: { end_date: '' }, column: 'end_date', problem: 'is empty' },
    { cells: { end_date: '2025-03-31' }, column: 'end_date', problem: '(2025-03-31) is before start_date (2025-04-01)' },
    { cells: { number: '' }, column: 'number', problem: 'is empty' },
    { cells: { number: 'N'.repeat(51) }, column: 'number', problem: 'is longer than 50 characters' },
  ])('refuses $cells', ({ cells, column, problem }) => {
    expect(parseMembershipRow({ ...good, ...cells })).toEqual({ value: null, problems: [{ column, problem }] });
  });
});

describe(parseCompletionRow.name, () => {
  const id = '3f0c2a4e-8b1d-4c2e-9a6f-1e2d3c4b5a69';

  it.each<{ case: string; cells: Record<string, string>; value: object }>([
    {
      case: 'without a name column',
      cells: { workshop_id: id.toUpperCase(), email: 'ann@example.org', outcome: 'COMPLETED' },
      value: { workshopId: id, email: 'ann@example.org', outcome: 'completed', name: null },
    },
    {
      case: 'with a name',
      cells: { workshop_id: id, email: 'ann@example.org', outcome: 'not_completed', name: 'Ann' },
      value: { workshopId: id, email: 'ann@example.org', outcome: 'not_completed', name: 'Ann' },
    },
    {
      case: 'with a blank name',
      cells: { workshop_id: id, email: 'ann@example.org', outcome: 'completed', name: '' },
      value: { workshopId: id, email: 'ann@example.org', outcome: 'completed', name: null },
    },
  ])('reads a row $case', ({ cells, value }) => {
    expect(parseCompletionRow(cells)).toEqual({ value, problems: [] });
  });

  it.each([
    { cells: { workshop_id: '42' }, column: 'workshop_id', problem: '"42" is not an id (a UUID)' },
    { cells: { outcome: 'passed' }, column: 'outcome', problem: '"passed" is not allowed; use one of completed, not_completed' },
    { cells: { outcome: '' }, column: 'outcome', problem: 'is empty; use one of completed, not_completed' },
  ])('refuses $cells', ({ cells, column, problem }) => {
    expect(parseCompletionRow({ workshop_id: id, email: 'ann@example.org', outcome: 'completed', ...cells })).toEqual({
      value: null,
      problems: [{ column, problem }],
    });
  });
});

describe(parseSettingRow.name, () => {
  const good = { name: 'Little Acorns', ofsted_urn: 'ey123456', kind: 'nursery', staff_count: '12', local_area: '' };

  it('reads a setting, with the URN in capitals and no local area', () => {
    expect(parseSettingRow(good).value).toEqual({ name: 'Little Acorns', ofstedUrn: 'EY123456', kind: 'nursery', staffCount: 12, localArea: null });
  });

  it.each([
    { cells: { ofsted_urn: '12345' }, column: 'ofsted_urn', problem: '"12345" is not an Ofsted URN such as EY123456 or 1234567' },
    { cells: { ofsted_urn: 'XY123456' }, column: 'ofsted_urn', problem: '"XY123456" is not an Ofsted URN such as EY123456 or 1234567' },
    { cells: { kind: 'school' }, column: 'kind', problem: '"school" is not allowed; use one of nursery, childminder, preschool' },
    { cells: { staff_count: '0' }, column: 'staff_count', problem: '"0" is not allowed; use a whole number from 1 to 1000' },
  ])('refuses $cells', ({ cells, column, problem }) => {
    expect(parseSettingRow({ ...good, ...cells })).toEqual({ value: null, problems: [{ column, problem }] });
  });
});

describe(parseSupervisionRow.name, () => {
  const today = '2025-06-30';
  const good = { service_registration_number: 'NPA-S-00001', date: '2025-06-02', supervisor_email: 'sue@example.org', practitioner_emails: 'ann@example.org' };

  it.each([
    { case: 'an individual session', emails: 'ann@example.org', expected: ['ann@example.org'] },
    { case: 'a group session', emails: 'ann@example.org; bob@example.org', expected: ['ann@example.org', 'bob@example.org'] },
    { case: 'a trailing separator', emails: 'ann@example.org;', expected: ['ann@example.org'] },
  ])('reads $case', ({ emails, expected }) => {
    expect(parseSupervisionRow({ ...good, practitioner_emails: emails }, today).value?.practitionerEmails).toEqual(expected);
  });

  it('takes a session held today', () => {
    expect(parseSupervisionRow({ ...good, date: today }, today).problems).toEqual([]);
  });

  it.each([
    { cells: { date: '2025-07-01' }, column: 'date', problem: '(2025-07-01) is in the future; record sessions that have happened' },
    { cells: { date: '30/06/2025' }, column: 'date', problem: '"30/06/2025" is not a date written YYYY-MM-DD' },
    { cells: { practitioner_emails: '' }, column: 'practitioner_emails', problem: 'is empty' },
    { cells: { practitioner_emails: 'ann@example.org;ANN@example.org' }, column: 'practitioner_emails', problem: 'names ANN@example.org twice' },
    {
      cells: { practitioner_emails: 'ann@example.org, bob@example.org' },
      column: 'practitioner_emails',
      problem: '"ann@example.org, bob@example.org" is not a valid email address',
    },
    {
      cells: { practitioner_emails: Array.from({ length: 101 }, (_, i) => `p${i}@example.org`).join(';') },
      column: 'practitioner_emails',
      problem: 'names 101 people; at most 100',
    },
  ])('refuses $cells.date$cells.practitioner_emails', ({ cells, column, problem }) => {
    expect(parseSupervisionRow({ ...good, ...cells }, today)).toEqual({ value: null, problems: [{ column, problem }] });
  });
});
