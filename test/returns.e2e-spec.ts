// Annual returns through the real API, worker, PostgreSQL, Redis, Chromium and an SMTP server. The
// fixture lives in 2001/02 and 2002/03 (services registered back then), so other suites' services,
// registered today, are not part of its years and the snapshot can be checked figure by figure.
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { pdfWords } from '@npa/letters/testing';
import { Clock } from '@npa/platform';
import { latestFilingYear, reportingYear } from '@npa/returns';
import { travel } from './support/approval';
import { bootApi, bootWorker, eventually } from './support/boot';
import { http, SignedIn, signedIn } from './support/people';
import { startSmtp, TestSmtp, withSubject } from './support/smtp';

type Figures = {
  referralsAccepted: number;
  childrenSupported: number;
  waitingList: number;
  ageRange: string;
  fundingSource: string;
  budgetCut: boolean;
  teamFte: number;
  annualCost: number;
};
const figures = (
  referralsAccepted: number,
  childrenSupported: number,
  waitingList: number,
  ageRange: string,
  fundingSource: string,
  budgetCut: boolean,
  teamFte: number,
  annualCost: number,
): Figures => ({
  referralsAccepted,
  childrenSupported,
  waitingList,
  ageRange,
  fundingSource,
  budgetCut,
  teamFte,
  annualCost,
});

describe('Annual returns and the national snapshot', () => {
  let smtp: TestSmtp;
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let admin: SignedIn;
  let reviewer: SignedIn;
  const services: Record<'A' | 'B' | 'C' | 'D' | 'E', { id: string; name: string; manager: SignedIn }> = {} as never;
  const tag = Date.now().toString(36);

  const file = (key: keyof typeof services, year: string, body: object, as: SignedIn = services[key].manager) =>
    http(app).put(`/services/${services[key].id}/returns/${year}`).set(as.auth).send(body);

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await bootApi({ SMTP_URL: smtp.url });
    worker = await bootWorker({ SMTP_URL: smtp.url });
    admin = await signedIn(app, 'npa_admin');
    reviewer = await signedIn(app, 'npa_reviewer');
    const make = async (key: keyof typeof services, localAuthority: string, region: string, registeredOn: string) => {
      const name = `Service ${key} ${tag}`;
      const body = (await http(app).post('/services').set(admin.auth).send({ name, localAuthority, region, ageRange: '0-5', registeredOn }).expect(201)).body;
      services[key] = { id: body.id, name, manager: await signedIn(app, 'service_manager', body.id) };
    };
    await make('A', 'Leeds City Council', 'Yorkshire and The Humber', '2001-06-01');
    await make('B', 'Kent County Council', 'South East', '2001-06-01');
    await make('C', 'London Borough of Camden', 'London', '2001-06-01');
    await make('D', 'Leeds City Council', 'Yorkshire and The Humber', '2002-06-01');
    await make('E', 'Nowhere District Council', 'South West', '2002-06-01');
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await smtp?.close();
  });

  describe('filing, correcting and closing', () => {
    it('files a return, shows it beside last year, and keeps each correction', async () => {
      const first = await file('A', '2001-02', figures(80, 75, 8, '0-5', 'local_authority', false, 4.0, 220_000));
      expect(first.body).toMatchObject({ revision: 1 });
      const filed = await file('A', '2002-03', figures(100, 120, 9, '0-5', 'local_authority', false, 4.0, 240_000)).expect(200);
      expect(filed.body).toMatchObject({
        state: 'filed_late',
        revision: 1,
        canFile: true,
        year: { label: '2002/03', dueOn: '2003-06-30', closed: false },
        lastYear: { year: { label: '2001/02' }, figures: { referralsAccepted: 80 } },
      });

      const corrected = await file('A', '2002-03', figures(100, 120, 10, '0-5', 'local_authority', false, 4.0, 240_000)).expect(200);
      expect(corrected.body).toMatchObject({ revision: 2, figures: { waitingList: 10 } });
      expect(corrected.body.history.map((h: { revision: number; figures: Figures }) => [h.revision, h.figures.waitingList])).toEqual([
        [2, 10],
        [1, 9],
      ]);
      const list = await http(app).get(`/services/${services.A.id}/returns`).set(services.A.manager.auth).expect(200);
      expect(list.body.find((r: { year: { label: string } }) => r.year.label === '2002/03')).toMatchObject({
        state: 'filed_late',
        figures: { waitingList: 10 },
      });
    });

    it.each([
      [
        'children supported beyond referrals plus last year',
        { childrenSupported: 300 },
        'childrenSupported',
        'is 300, more than the 100 referrals accepted this year plus the 75 children supported in 2001/02 (175): check both figures',
      ],
      ['a waiting list of -1', { waitingList: -1 }, 'waitingList', 'cannot be below 0: enter 0 if no child is waiting'],
      ['a cost of £0', { annualCost: 0 }, 'annualCost', 'must be more than £0: enter the whole annual cost of the service in pounds'],
      ['a cost in thousands', { annualCost: 240 }, 'annualCost', "works out at £2 per child: enter the service's whole annual cost in pounds, not thousands"],
      ['an unknown funding source', { fundingSource: 'lottery' }, 'fundingSource', 'must be one of local_authority, charity, independent'],
    ])('refuses %s with a clear message and changes nothing', async (_, change, field, problem) => {
      const refused = await file('A', '2002-03', { ...figures(100, 120, 10, '0-5', 'local_authority', false, 4.0, 240_000), ...change }).expect(400);
      expect(refused.body.details).toContainEqual({ field, problem });
      const now = await http(app).get(`/services/${services.A.id}/returns/2002-03`).set(services.A.manager.auth).expect(200);
      expect(now.body).toMatchObject({ revision: 2, figures: { waitingList: 10, annualCost: 240_000, childrenSupported: 120 } });
    });

    it("never lets a manager file or read another service's return", async () => {
      await http(app).get(`/services/${services.A.id}/returns/2002-03`).set(services.B.manager.auth).expect(404);
      await file('A', '2002-03', figures(1, 1, 1, '0-5', 'local_authority', false, 1, 1000), services.B.manager).expect(404);
      await http(app).get(`/services/${services.A.id}/returns`).set(services.B.manager.auth).expect(404);
      await http(app).get('/return-years/2002-03').set(services.B.manager.auth).expect(403);
      const still = await http(app).get(`/services/${services.A.id}/returns/2002-03`).set(admin.auth).expect(200);
      expect(still.body.figures.referralsAccepted).toBe(100);
    });

    it('refuses a year that has not ended, a malformed year, and a service registered after the year', async () => {
      const open = reportingYear(latestFilingYear(app.get(Clock).today()).startYear + 1);
      const early = await file('A', open.slug, figures(1, 1, 0, '0-5', 'local_authority', false, 1, 1000)).expect(409);
      expect(early.body.message).toMatch(/can be filed from 1 April/);
      const bad = await file('A', '2002-04', figures(1, 1, 0, '0-5', 'local_authority', false, 1, 1000)).expect(400);
      expect(bad.body.details).toEqual([{ field: 'year', problem: 'must be a reporting year written like 2025-26' }]);
      const late = await file('D', '2001-02', figures(1, 1, 0, '0-5', 'local_authority', false, 1, 1000)).expect(409);
      expect(late.body.message).toMatch(/after 2001\/02 ended/);
    });
  });

  describe('the snapshot of 2002/03', () => {
    beforeAll(async () => {
      await file('A', '2001-02', figures(80, 75, 8, '0-5', 'local_authority', false, 4.0, 220_000)).expect(200);
      await file('B', '2001-02', figures(50, 45, 3, '0-3', 'charity', false, 2.5, 100_000)).expect(200);
      await file('B', '2002-03', figures(50, 40, 0, '0-3', 'charity', true, 2.5, 100_000)).expect(200);
      await file('C', '2002-03', figures(200, 190, 35, '0-5', 'local_authority', false, 6.2, 500_000)).expect(200);
      await file('E', '2002-03', figures(30, 30, 5, '0-4', 'independent', false, 1.0, 60_000)).expect(200);
      await file('A', '2002-03', figures(100, 120, 10, '0-5', 'local_authority', false, 4.0, 240_000)).expect(200);
    });

    it('shows NPA staff who has not filed', async () => {
      const status = await http(app).get('/return-years/2002-03?notFiled=true').set(reviewer.auth).expect(200);
      expect(status.body.counts).toEqual({ expected: 5, filed: 4, filedLate: 4, notFiled: 1 });
      expect(status.body.services.map((s: { serviceName: string; state: string }) => [s.serviceName, s.state])).toEqual([[services.D.name, 'overdue']]);
    });

    it('computes every figure as worked out by hand, the missing return counted as missing', async () => {
      const { body } = await http(app).get('/snapshots/2002-03').set(reviewer.auth).expect(200);
      expect(body).toMatchObject({
        provisional: true,
        registeredServices: 5,
        returnsFiled: 4,
        returnsMissing: 1,
        missing: [{ id: services.D.id, name: services.D.name }],
        authoritiesCovered: { count: 3, of: 317, percent: 1 },
        withWaitingList: { count: 3, of: 4, percent: 75 },
        childrenWaiting: 50,
        funding: {
          local_authority: { count: 2, of: 4, percent: 50 },
          charity: { count: 1, of: 4, percent: 25 },
          independent: { count: 1, of: 4, percent: 25 },
        },
        withBudgetCut: { count: 1, of: 4, percent: 25 },
        referralsAccepted: 380,
        childrenSupported: 380,
        ageRanges: { '0-3': { count: 1, of: 4, percent: 25 }, '0-4': { count: 1, of: 4, percent: 25 }, '0-5': { count: 2, of: 4, percent: 50 } },
        averageCostPerService: 225_000,
        costPerChild: 2_368,
        averageTeamFte: 3.4,
        unmatched: [{ id: services.E.id, name: services.E.name }],
        referralsRoseSignificantly: { count: 1, of: 2, percent: 50 },
        previous: {
          registeredServices: 3,
          returnsFiled: 2,
          referralsAccepted: 130,
          childrenSupported: 120,
          costPerChild: 2_667,
          averageCostPerService: 160_000,
          averageTeamFte: 3.3,
        },
      });
      expect(body.changes.childrenSupported).toEqual({ previous: 120, current: 380, difference: 260, percent: 217 });
      expect(body.changes.costPerChild).toEqual({ previous: 2_667, current: 2_368, difference: -299, percent: -11 });
      expect(body.regionsWithoutService).toEqual(['East Midlands', 'East of England', 'North East', 'North West', 'West Midlands']);
      expect(body.regions.find((r: { region: string }) => r.region === 'Yorkshire and The Humber')).toMatchObject({ authoritiesCovered: 1, services: 2 });
      expect(body.lines.find((l: { key: string }) => l.key === 'costPerChild')).toMatchObject({ value: '£2,368', previous: '£2,667', change: '−£299 (−11%)' });
    });

    it('gives the snapshot as CSV', async () => {
      const csv = await http(app).get('/snapshots/2002-03/figures.csv').set(admin.auth).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.text.split('\n')[0]).toBe('section,figure,2002/03 (provisional),count,of,percent,2001/02,change');
      expect(csv.text).toContain('national,Annual returns filed,4 of 5,4');
      expect(csv.text).toContain(`return not filed,${services.D.name}`);
      // A change like "+2 (+67%)" would be run as a formula by a spreadsheet: it is kept as text.
      expect(csv.text).toContain("national,Portage services registered with the NPA,5,5,,,3,'+2 (+67%)");
      await http(app).get('/snapshots/2002-03/figures.csv').set(services.A.manager.auth).expect(403);
    });

    it('produces the PDF report through the letters machinery, with the figures frozen', async () => {
      const asked = await http(app).post('/snapshots/2002-03/reports').set(reviewer.auth).expect(202);
      expect(asked.body).toMatchObject({ provisional: true, letterId: expect.any(String) });
      const report = await eventually(async () => {
        const listed = await http(app).get('/snapshots/2002-03/reports').set(reviewer.auth).expect(200);
        return listed.body.find((r: { id: string; ready: boolean }) => r.id === asked.body.id && r.ready);
      }, 30_000);
      const pdf = await http(app)
        .get(report.pdf)
        .set(reviewer.auth)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const words = pdfWords(pdf.body as Buffer);
      expect(words).toContain('national snapshot 2002/03');
      expect(words).toContain('Provisional.');
      expect(words).toContain('£2,368');
      expect(words).toContain(services.D.name);
      await http(app).get(report.pdf).set(services.A.manager.auth).expect(404);
    }, 60_000);

    it('locks every return once the NPA closes the year, and the snapshot is no longer provisional', async () => {
      await http(app).post('/return-years/2002-03/close').set(reviewer.auth).expect(403);
      const closed = await http(app).post('/return-years/2002-03/close').set(admin.auth).expect(200);
      expect(closed.body).toMatchObject({ label: '2002/03', closed: true });
      const refused = await file('A', '2002-03', figures(100, 120, 11, '0-5', 'local_authority', false, 4.0, 240_000)).expect(409);
      expect(refused.body.message).toMatch(/closed 2002\/03/);
      await file('D', '2002-03', figures(10, 10, 1, '0-5', 'local_authority', false, 1, 20_000)).expect(409);
      const view = await http(app).get(`/services/${services.A.id}/returns/2002-03`).set(services.A.manager.auth).expect(200);
      expect(view.body).toMatchObject({ canFile: false, revision: 3, figures: { waitingList: 10 } });
      const snapshot = await http(app).get('/snapshots/2002-03').set(admin.auth).expect(200);
      expect(snapshot.body).toMatchObject({ provisional: false, returnsMissing: 1 });
      const status = await http(app).get('/return-years/2002-03?state=missing').set(admin.auth).expect(200);
      expect(status.body.services.map((s: { serviceName: string }) => s.serviceName)).toEqual([services.D.name]);
      await http(app).post('/return-years/2002-03/close').set(admin.auth).expect(409);
      const audit = await app.get(DataSource).query<{ action: string }[]>(`SELECT action FROM audit_log WHERE entity = 'return_year' AND entity_id = '2002'`);
      expect(audit.map((a) => a.action)).toEqual(['return-year.closed']);
    });
  });

  describe('chasing returns in the daily sweep', () => {
    let clock: ReturnType<typeof travel>;
    let late: { id: string; name: string; manager: SignedIn };
    let prompt: { id: string; name: string; manager: SignedIn };
    const year = reportingYear(latestFilingYear(new Date().toISOString().slice(0, 10)).startYear + 1);
    const sweep = (asOf: string) => {
      clock.to(asOf);
      return http(app).post('/sweeps').set(admin.auth).send({ asOf }).expect(200);
    };
    const chasers = (s: { name: string }) => withSubject(smtp, s.name).filter((m) => m.subject?.startsWith('Reminder'));

    beforeAll(async () => {
      const make = async (label: string) => {
        const name = `Chased ${label} ${tag}`;
        const body = (
          await http(app)
            .post('/services')
            .set(admin.auth)
            .send({ name, localAuthority: 'Devon County Council', region: 'South West', ageRange: '0-5' })
            .expect(201)
        ).body;
        return { id: body.id as string, name, manager: await signedIn(app, 'service_manager', body.id) };
      };
      late = await make('late');
      prompt = await make('prompt');
      clock = travel(app, worker);
    });

    afterAll(() => clock.restore());

    it('reminds the manager when the window opens, 30 days before the due date and after it, each once', async () => {
      await sweep(year.opensOn);
      await sweep(year.opensOn);
      await eventually(async () => chasers(late).length === 1 && chasers(prompt).length === 1, 30_000);
      expect(chasers(late)[0].to).toMatchObject({ value: [{ address: late.manager.email }] });
      expect(chasers(late)[0].text).toContain('Your annual return is open for filing');

      // The prompt service files; it is not chased again.
      clock.to(year.opensOn);
      await http(app)
        .put(`/services/${prompt.id}/returns/${year.slug}`)
        .set(prompt.manager.auth)
        .send(figures(20, 20, 2, '0-5', 'local_authority', false, 2, 50_000))
        .expect(200);

      const dueSoon = `${year.startYear + 1}-05-31`;
      await sweep(dueSoon);
      await eventually(async () => chasers(late).length === 2, 30_000);
      expect(chasers(late)[1].text).toContain('Your annual return is due in 30 days');

      const overdue = `${year.startYear + 1}-07-01`;
      await Promise.all([sweep(overdue), sweep(overdue)]);
      await eventually(async () => chasers(late).length === 3, 30_000);
      expect(chasers(late)[2].text).toContain('Your annual return is overdue');
      await sweep(`${year.startYear + 1}-07-05`);
      await new Promise((r) => setTimeout(r, 1500));
      expect(chasers(late).map((m) => m.subject)).toHaveLength(3);
      expect(chasers(prompt)).toHaveLength(1);
      const listed = await http(app).get(`/services/${late.id}/reminders`).set(late.manager.auth).expect(200);
      expect(listed.body.map((r: { kind: string; state: string }) => `${r.kind}:${r.state}`).sort()).toEqual([
        'return-due-soon:sent',
        'return-overdue:sent',
        'return-window-open:sent',
      ]);
    }, 120_000);
  });
});
