import { Api, ok } from './client/contract-client';
import { daysFrom, daysOf, email, OutsideWorld, outsideWorld, PASSWORD, today, urn } from './outside-world';

const RULES = [
  'SR-MEMBERSHIP',
  'SR-WORKSHOP',
  'SR-SUPERVISION',
  'SR-SUPERVISOR-TRAINED',
  'SR-INDUCTION',
  'SR-CASELOAD',
  'SR-ACCREDITED-TRAINER',
  'SR-LEVEL3',
  'SR-NETWORKING',
];

/** API.md's routes for users, services and their teams, training and compliance, walked with the generated client only. */
describe('API.md: users, services, training and compliance, as an outside client', () => {
  let world: OutsideWorld;
  let admin: Api;
  const day = today();
  const ago = (n: number) => daysFrom(day, -n);

  beforeAll(async () => {
    world = await outsideWorld();
    admin = world.admin;
  }, 120_000);

  afterAll(async () => world?.close());

  const person = (name: string) => ok(admin.POST('/people', { body: { name, email: email(name.split(' ')[0].toLowerCase()) } }), 201);

  it('answers /health once the database and Redis are reachable', async () => {
    expect(await ok(world.anonymous.GET('/health'), 200)).toEqual({ status: 'ok', database: 'up', redis: 'up' });
  });

  it('the first admin, made on the command line, makes a user of each role, who can each sign in', async () => {
    const service = await ok(
      admin.POST('/services', { body: { name: 'Userland Portage', localAuthority: 'Somerset', region: 'South West', ageRange: '0-5' } }),
      201,
    );
    const setting = await ok(admin.POST('/settings', { body: { name: 'Userland Nursery', ofstedUrn: urn(), kind: 'nursery', staffCount: 5 } }), 201);
    const roles = [
      { role: 'npa_admin' as const },
      { role: 'npa_reviewer' as const },
      { role: 'service_manager' as const, organisationId: service.id },
      { role: 'setting_contact' as const, organisationId: setting.id },
      { role: 'trainer' as const },
    ];
    for (const { role, organisationId } of roles) {
      const address = email(role);
      const user = await ok(admin.POST('/users', { body: { email: address, name: `A ${role}`, password: PASSWORD, role, organisationId } }), 201);
      expect(user).toMatchObject({ id: expect.any(String), email: address });
      const session = await ok(world.anonymous.POST('/auth/login', { body: { email: address, password: PASSWORD } }), 200);
      expect(session).toEqual({
        accessToken: expect.any(String),
        expiresAt: expect.any(String),
        user: expect.objectContaining({ id: user.id, email: address, roles: [role] }),
      });
      expect(new Date(session.expiresAt).toISOString()).toBe(session.expiresAt);
    }
  });

  it('registers a service with its team, memberships, qualifications, induction, supervision and networking, and checks it as of a date', async () => {
    const service = await ok(
      admin.POST('/services', { body: { name: 'Contract Portage', localAuthority: 'Somerset', region: 'South West', ageRange: '0-4' } }),
      201,
    );
    expect(service).toMatchObject({ id: expect.any(String), name: 'Contract Portage', localAuthority: 'Somerset', region: 'South West', ageRange: '0-4' });

    const ann = await person('Ann Practitioner');
    expect(ann).toEqual({ id: expect.any(String), name: 'Ann Practitioner', email: expect.any(String) });
    const sue = await person('Sue Supervisor');
    const max = await person('Max Manager');
    const add = (personId: string, role: 'practitioner' | 'supervisor' | 'manager', startDate: string, endDate?: string) =>
      ok(admin.POST('/services/{id}/team', { params: { path: { id: service.id } }, body: { personId, role, fte: 0.6, caseload: 9, startDate, endDate } }), 201);
    const annInTeam = await add(ann.id, 'practitioner', ago(400));
    expect(annInTeam).toMatchObject({ id: expect.any(String), personId: ann.id, role: 'practitioner', fte: 0.6, caseload: 9, startDate: ago(400) });
    await add(sue.id, 'supervisor', ago(400));
    await add(max.id, 'manager', ago(400));
    const leaver = await add((await person('Lee Leaver')).id, 'practitioner', ago(300));
    const left = await ok(
      admin.PATCH('/services/{id}/team/{memberId}', { params: { path: { id: service.id, memberId: leaver.id } }, body: { endDate: ago(1) } }),
      200,
    );
    expect(left).toMatchObject({ id: leaver.id, endDate: ago(1) });

    for (const who of [ann, sue, max]) {
      const membership = await ok(
        admin.POST('/people/{id}/memberships', {
          params: { path: { id: who.id } },
          body: { number: `NPA-${who.id.slice(0, 6)}`, startDate: ago(100), endDate: daysFrom(day, 265) },
        }),
        201,
      );
      expect(membership).toMatchObject({ id: expect.any(String), startDate: ago(100), endDate: daysFrom(day, 265) });
    }
    const level3 = await ok(
      admin.POST('/people/{id}/qualifications', { params: { path: { id: ann.id } }, body: { kind: 'level3', status: 'achieved', date: ago(200) } }),
      201,
    );
    expect(level3).toMatchObject({ kind: 'level3', status: 'achieved', date: ago(200) });
    await ok(
      admin.POST('/people/{id}/qualifications', { params: { path: { id: sue.id } }, body: { kind: 'accredited_trainer', status: 'working_towards' } }),
      201,
    );
    const induction = await ok(admin.POST('/people/{id}/induction', { params: { path: { id: ann.id } }, body: { completedOn: ago(350) } }));
    expect(induction).toMatchObject({ completedOn: ago(350) });

    // Workshop completions for the practitioner and the supervisor, by an accredited trainer.
    const tess = await person('Tess Trainer');
    const trainer = await ok(
      admin.POST('/trainers', { params: {}, body: { personId: tess.id, accreditedFrom: ago(1000), accreditedTo: daysFrom(day, 1000) } }),
      201,
    );
    const workshop = await ok(
      admin.POST('/workshops', {
        body: { trainerId: trainer.id, startDate: ago(390), endDate: ago(389), venue: 'Taunton Library', capacity: 12 },
      }),
      201,
    );
    for (const who of [ann, sue]) {
      await ok(admin.POST('/workshops/{id}/attendees', { params: { path: { id: workshop.id } }, body: { personId: who.id } }), 201);
      await ok(admin.POST('/workshops/{id}/outcomes', { params: { path: { id: workshop.id } }, body: { personId: who.id, outcome: 'completed' } }), 201);
    }

    // Sessions no more than 14 days apart, reaching back past the 90-day window.
    for (const n of [92, 80, 68, 56, 44, 32, 20, 8]) {
      const session = await ok(
        admin.POST('/services/{id}/supervision-sessions', {
          params: { path: { id: service.id } },
          body: { date: ago(n), supervisorId: sue.id, practitionerIds: [ann.id] },
        }),
        201,
      );
      expect(session).toMatchObject({ id: expect.any(String), date: ago(n), supervisorId: sue.id });
    }
    const networking = await ok(
      admin.POST('/services/{id}/networking-attendance', {
        params: { path: { id: service.id } },
        body: { date: ago(60), event: 'South West regional networking day' },
      }),
      201,
    );
    expect(networking).toMatchObject({ date: ago(60), event: 'South West regional networking day' });

    const check = await ok(admin.GET('/services/{id}/compliance', { params: { path: { id: service.id }, query: { asOf: day } } }), 200);
    expect(check.rules.filter((r: { level: string; outcome: string }) => r.level === 'essential' && r.outcome === 'fail')).toEqual([]);
    expect(check).toMatchObject({ serviceId: service.id, asOf: day, status: 'compliant' });
    expect(check.rules.map((r: { id: string }) => r.id).sort()).toEqual([...RULES].sort());
    for (const rule of check.rules) {
      expect(rule).toEqual({
        id: expect.any(String),
        level: expect.stringMatching(/^(essential|desirable)$/),
        outcome: expect.stringMatching(/^(pass|fail|not_applicable)$/),
        explanation: expect.any(String),
        facts: expect.anything(),
      });
    }
    // asOf defaults to today; before the sessions began, the supervision rule fails.
    const current = await daysOf(() => ok(admin.GET('/services/{id}/compliance', { params: { path: { id: service.id } } }), 200));
    expect(current.days).toContain(current.value.asOf);
    const earlier = await ok(admin.GET('/services/{id}/compliance', { params: { path: { id: service.id }, query: { asOf: ago(100) } } }), 200);
    expect(earlier.rules.find((r: { id: string }) => r.id === 'SR-SUPERVISION')).toMatchObject({ outcome: 'fail' });
    expect(earlier.status).toBe('non_compliant');

    // The service's manager sees their own service's check.
    const managerEmail = email('manager');
    await ok(
      admin.POST('/users', { body: { email: managerEmail, name: 'Max Manager', password: PASSWORD, role: 'service_manager', organisationId: service.id } }),
      201,
    );
    const manager = await world.signIn(managerEmail);
    expect(await ok(manager.GET('/services/{id}/compliance', { params: { path: { id: service.id } } }), 200)).toMatchObject({ serviceId: service.id });
  });

  it('schedules a workshop, adds attendees by id and by name and email, records outcomes, and anyone verifies a certificate', async () => {
    const tess = await person('Tina Trainer');
    const trainer = await ok(admin.POST('/trainers', { body: { personId: tess.id, accreditedFrom: ago(500), accreditedTo: daysFrom(day, 500) } }), 201);
    expect(trainer).toMatchObject({ id: expect.any(String) });
    // The trainer signs in with the email of their person record and runs their own workshop.
    await ok(admin.POST('/users', { body: { email: tess.email, name: tess.name, password: PASSWORD, role: 'trainer' } }), 201);
    const asTrainer = await world.signIn(tess.email);
    const workshop = await ok(
      asTrainer.POST('/workshops', {
        body: { trainerId: trainer.id, startDate: ago(10), endDate: ago(9), venue: 'Bristol Central Library', capacity: 8 },
      }),
      201,
    );
    expect(workshop).toMatchObject({
      id: expect.any(String),
      trainerId: trainer.id,
      startDate: ago(10),
      endDate: ago(9),
      venue: 'Bristol Central Library',
      capacity: 8,
    });
    const known = await person('Kim Known');
    await ok(asTrainer.POST('/workshops/{id}/attendees', { params: { path: { id: workshop.id } }, body: { personId: known.id } }), 201);
    const newEmail = email('nia');
    const nia = await ok(
      asTrainer.POST('/workshops/{id}/attendees', { params: { path: { id: workshop.id } }, body: { name: 'Nia New', email: newEmail } }),
      201,
    );
    expect(nia).toMatchObject({ personId: expect.any(String) });
    expect(
      await ok(
        asTrainer.POST('/workshops/{id}/outcomes', { params: { path: { id: workshop.id } }, body: { personId: nia.personId, outcome: 'not_completed' } }),
        201,
      ),
    ).not.toHaveProperty('certificateCode', expect.any(String));

    const completed = await ok(
      asTrainer.POST('/workshops/{id}/outcomes', { params: { path: { id: workshop.id } }, body: { personId: known.id, outcome: 'completed' } }),
      201,
    );
    expect(completed).toMatchObject({ certificateCode: expect.any(String) });
    const certificate = await ok(world.anonymous.GET('/certificates/{code}', { params: { path: { code: completed.certificateCode! } } }), 200);
    expect(certificate).toEqual({ name: 'Kim Known', workshopEndDate: ago(9), trainerName: 'Tina Trainer', valid: true });
  });
});
