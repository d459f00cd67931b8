/* eslint-disable */
export default async () => {
  const t = {
    ['../../../../libs/compliance/src/compliance.dto']: await import('../../../../libs/compliance/src/compliance.dto'),
    ['../../../../libs/approval/src/approval.dto']: await import('../../../../libs/approval/src/approval.dto'),
    ['../../../../libs/platform/src/system/heartbeat.entity']: await import('../../../../libs/platform/src/system/heartbeat.entity'),
  };
  return {
    '@nestjs/swagger': {
      models: [
        [
          import('../../../../libs/platform/src/users/user.dto'),
          {
            CreateUserDto: {
              email: { required: true, type: () => String, maxLength: 254, format: 'email' },
              name: { required: true, type: () => String, minLength: 1, maxLength: 200 },
              password: { required: true, type: () => String, maxLength: 200 },
              role: { required: true, enum: ['npa_admin', 'npa_reviewer', 'service_manager', 'setting_contact', 'trainer'] },
              organisationId: { required: false, type: () => String, format: 'uuid' },
            },
            UpdateUserDto: {
              name: { required: false, type: () => String, minLength: 1, maxLength: 200 },
              role: { required: false, enum: ['npa_admin', 'npa_reviewer', 'service_manager', 'setting_contact', 'trainer'] },
              organisationId: { required: false, type: () => String, format: 'uuid' },
              disabled: { required: false, type: () => Boolean },
              password: { required: false, type: () => String, maxLength: 200 },
            },
          },
        ],
        [
          import('../../../../libs/platform/src/auth/auth.dto'),
          {
            LoginDto: {
              email: { required: true, type: () => String, maxLength: 254 },
              password: { required: true, type: () => String, maxLength: 200 },
              code: { required: false, type: () => String, pattern: '^\\d{6}$' },
              unlockCode: { required: false, type: () => String, pattern: '^[A-Za-z2-7]{5}-?[A-Za-z2-7]{5}$' },
            },
            ChangePasswordDto: {
              currentPassword: { required: true, type: () => String, maxLength: 200 },
              newPassword: { required: true, type: () => String, maxLength: 200 },
            },
            TotpCodeDto: { code: { required: true, type: () => String, pattern: '^\\d{6}$' } },
          },
        ],
        [
          import('../../../../libs/registry/src/settings/settings.dto'),
          {
            CreateSettingDto: {
              name: { required: true, type: () => String, minLength: 1, maxLength: 200 },
              ofstedUrn: { required: true, type: () => String },
              kind: { required: true, enum: ['nursery', 'childminder', 'preschool'] },
              staffCount: { required: true, type: () => Number, minimum: 1, maximum: 1000 },
              localArea: { required: false, type: () => String, maxLength: 200 },
            },
            UpdateSettingDto: {
              name: { required: false, type: () => String, minLength: 1, maxLength: 200 },
              staffCount: { required: false, type: () => Number, minimum: 1, maximum: 1000 },
              localArea: { required: false, type: () => String, maxLength: 200 },
            },
            SettingQuery: {
              kind: { required: false, enum: ['nursery', 'childminder', 'preschool'] },
              q: { required: false, type: () => String, maxLength: 200 },
            },
            InspectionDto: {
              date: { required: true, type: () => String },
              grade: { required: true, enum: ['outstanding', 'good', 'requires_improvement', 'inadequate'] },
            },
            AddStaffDto: {
              personId: { required: true, type: () => String, format: 'uuid' },
              startDate: { required: true, type: () => String },
              endDate: { required: false, type: () => String },
            },
            EndStaffDto: { endDate: { required: true, type: () => String } },
            StaffQuery: { asOf: { required: false, type: () => String } },
          },
        ],
        [
          import('../../../../libs/registry/src/services/services.dto'),
          {
            CreateServiceDto: {
              name: { required: true, type: () => String, minLength: 1, maxLength: 200 },
              localAuthority: { required: true, type: () => String, minLength: 1, maxLength: 200 },
              region: { required: true, type: () => String, minLength: 1, maxLength: 100 },
              ageRange: { required: true, enum: ['0-3', '0-4', '0-5'] },
              registeredOn: { required: false, type: () => String },
            },
            UpdateServiceDto: {
              name: { required: false, type: () => String, minLength: 1, maxLength: 200 },
              localAuthority: { required: false, type: () => String, minLength: 1, maxLength: 200 },
              region: { required: false, type: () => String, minLength: 1, maxLength: 100 },
              ageRange: { required: false, enum: ['0-3', '0-4', '0-5'] },
              registeredOn: { required: false, type: () => String },
            },
            ServiceQuery: { region: { required: false, type: () => String, maxLength: 100 }, q: { required: false, type: () => String, maxLength: 200 } },
            AddTeamMemberDto: {
              personId: { required: true, type: () => String, format: 'uuid' },
              role: { required: true, enum: ['manager', 'practitioner', 'supervisor'] },
              fte: { required: true, type: () => Number, minimum: 0.001, maximum: 1 },
              caseload: { required: true, type: () => Number, minimum: 0, maximum: 100 },
              startDate: { required: true, type: () => String },
              endDate: { required: false, type: () => String },
            },
            UpdateTeamMemberDto: {
              endDate: { required: false, type: () => String },
              fte: { required: false, type: () => Number, minimum: 0.001, maximum: 1 },
              caseload: { required: false, type: () => Number, minimum: 0, maximum: 100 },
            },
            TeamQuery: { asOf: { required: false, type: () => String }, role: { required: false, enum: ['manager', 'practitioner', 'supervisor'] } },
            NetworkingAttendanceDto: {
              date: { required: true, type: () => String },
              event: { required: true, type: () => String, minLength: 1, maxLength: 200 },
            },
            DateRangeQuery: { from: { required: false, type: () => String }, to: { required: false, type: () => String } },
          },
        ],
        [
          import('../../../../libs/registry/src/people/people.dto'),
          {
            CreatePersonDto: {
              name: { required: true, type: () => String, minLength: 1, maxLength: 200 },
              email: { required: true, type: () => String, maxLength: 254, format: 'email' },
            },
            UpdatePersonDto: {
              name: { required: false, type: () => String, minLength: 1, maxLength: 200 },
              email: { required: false, type: () => String, maxLength: 254, format: 'email' },
            },
            PeopleQuery: { q: { required: false, type: () => String, maxLength: 200 } },
            CreateMembershipDto: {
              number: { required: true, type: () => String, minLength: 1, maxLength: 50 },
              startDate: { required: true, type: () => String },
              endDate: { required: true, type: () => String },
            },
            EndMembershipDto: { endDate: { required: true, type: () => String } },
            CreateQualificationDto: {
              kind: { required: true, enum: ['level3', 'relevant_degree', 'accredited_trainer'] },
              status: { required: true, enum: ['achieved', 'working_towards'] },
              date: { required: false, type: () => String },
            },
            InductionDto: { completedOn: { required: true, type: () => String } },
          },
        ],
        [
          import('../../../../libs/compliance/src/compliance.dto'),
          {
            AsOfQuery: { asOf: { required: false, type: () => String } },
            OverviewQuery: {
              asOf: { required: false, type: () => String },
              status: { required: false, enum: ['compliant', 'non_compliant'] },
              rule: { required: false, type: () => String, maxLength: 40 },
              region: { required: false, type: () => String, maxLength: 100 },
            },
            WhatIfChangeDto: {
              kind: { required: true, enum: ['member_leaves', 'membership_lapses', 'new_starter'] },
              memberId: { required: false, type: () => String, format: 'uuid' },
              personId: { required: false, type: () => String, format: 'uuid' },
              endDate: { required: false, type: () => String },
              name: { required: false, type: () => String, minLength: 1, maxLength: 200 },
              role: { required: false, enum: ['manager', 'practitioner', 'supervisor'] },
              fte: { required: false, type: () => Number, minimum: 0.001, maximum: 1 },
              caseload: { required: false, type: () => Number, minimum: 0 },
              startDate: { required: false, type: () => String },
              isMember: { required: false, type: () => Boolean },
              isTrained: { required: false, type: () => Boolean },
            },
            WhatIfDto: {
              asOf: { required: false, type: () => String },
              changes: { required: true, type: () => [t['../../../../libs/compliance/src/compliance.dto'].WhatIfChangeDto], minItems: 1, maxItems: 50 },
            },
            EvaluateAllDto: { asOf: { required: false, type: () => String }, settings: { required: false, type: () => Boolean } },
          },
        ],
        [
          import('../../../../libs/letters/src/letters.dto'),
          {
            TemplateDraftDto: {
              html: { required: true, type: () => String, minLength: 1, maxLength: 100000 },
              text: { required: true, type: () => String, minLength: 1, maxLength: 50000 },
              note: { required: false, type: () => String, maxLength: 500 },
            },
            TemplatePreviewDto: {
              html: { required: false, type: () => String, minLength: 1, maxLength: 100000 },
              text: { required: false, type: () => String, minLength: 1, maxLength: 50000 },
            },
            DeliveriesQuery: { state: { required: false, enum: ['unknown', 'failed', 'pending', 'sending', 'sent', 'suppressed'] } },
          },
        ],
        [
          import('../../../../libs/training/src/workshop.dto'),
          {
            CreateWorkshopDto: {
              trainerId: { required: true, type: () => String, format: 'uuid' },
              startDate: { required: true, type: () => String },
              endDate: { required: true, type: () => String },
              venue: { required: true, type: () => String, maxLength: 300 },
              capacity: { required: true, type: () => Number, minimum: 1, maximum: 1000 },
              online: { required: false, type: () => Boolean },
            },
            WorkshopQuery: { from: { required: false, type: () => String }, to: { required: false, type: () => String } },
            AddAttendeeDto: {
              personId: { required: false, type: () => String, format: 'uuid' },
              name: { required: false, type: () => String, maxLength: 200 },
              email: { required: false, type: () => String, maxLength: 254, format: 'email' },
            },
            RecordOutcomeDto: {
              personId: { required: true, type: () => String, format: 'uuid' },
              outcome: { required: true, enum: ['completed', 'not_completed'] },
            },
          },
        ],
        [
          import('../../../../libs/training/src/trainer.dto'),
          {
            AccreditationDto: { accreditedFrom: { required: true, type: () => String }, accreditedTo: { required: true, type: () => String } },
            CreateTrainerDto: { personId: { required: true, type: () => String, format: 'uuid' } },
            TrainerAccountDto: { userId: { required: true, type: () => String, format: 'uuid' } },
            TrainerQuery: { current: { required: false, enum: ['false', 'true'] } },
          },
        ],
        [
          import('../../../../libs/approval/src/approval.dto'),
          {
            StatementDto: { statement: { required: true, type: () => String, minLength: 1, maxLength: 20000 } },
            RecommendationDto: { outcome: { required: true, enum: ['pass', 'fail'] }, note: { required: false, type: () => String, maxLength: 5000 } },
            MessageDto: { message: { required: true, type: () => String, minLength: 1, maxLength: 5000 } },
            OptionalMessageDto: { message: { required: false, type: () => String, maxLength: 5000 } },
            CriterionVerdictDto: {
              id: { required: true, type: () => String, maxLength: 40 },
              outcome: { required: true, enum: ['pass', 'fail'] },
              reason: { required: true, type: () => String, maxLength: 5000 },
            },
            DecisionDto: {
              decision: { required: true, enum: ['rejected', 'approved'] },
              criteria: { required: true, type: () => [t['../../../../libs/approval/src/approval.dto'].CriterionVerdictDto], minItems: 1, maxItems: 20 },
            },
            AwardQuery: { asOf: { required: false, type: () => String } },
            QueueQuery: {},
            PublicRegisterQuery: { q: { required: false, type: () => String, maxLength: 200 } },
          },
        ],
        [
          import('../../../../libs/reminders/src/reminders.dto'),
          {
            RemindersQuery: {
              state: { required: false, enum: ['unknown', 'failed', 'pending', 'sent', 'suppressed'] },
              kind: { required: false, type: () => String, maxLength: 60 },
            },
            SweepDto: { asOf: { required: false, type: () => String, pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
          },
        ],
        [
          import('../../../../libs/returns/src/returns.dto'),
          {
            FileReturnDto: {
              referralsAccepted: { required: true, type: () => Number, minimum: 0, maximum: 100000 },
              childrenSupported: { required: true, type: () => Number, minimum: 0, maximum: 100000 },
              waitingList: { required: true, type: () => Number, minimum: 0, maximum: 100000 },
              ageRange: { required: true, enum: ['0-3', '0-4', '0-5'] },
              fundingSource: { required: true, enum: ['local_authority', 'charity', 'independent'] },
              budgetCut: { required: true, type: () => Boolean },
              teamFte: { required: true, type: () => Number, minimum: 0.01, maximum: 500 },
              annualCost: { required: true, type: () => Number, minimum: 1, maximum: 100000000 },
            },
            YearStatusQuery: {
              state: { required: false, enum: ['missing', 'overdue', 'not_open', 'due', 'filed', 'filed_late'] },
              notFiled: { required: false, enum: ['false', 'true'] },
            },
            UpdateReturnYearDto: { dueOn: { required: true, type: () => String } },
            CreateLocalAuthorityDto: {
              code: { required: true, type: () => String, pattern: '^[EW]\\d{8}$' },
              name: { required: true, type: () => String, minLength: 2, maxLength: 120 },
              region: { required: true, type: () => String },
              kind: { required: true, type: () => String, minLength: 2, maxLength: 40 },
            },
            UpdateLocalAuthorityDto: {
              name: { required: false, type: () => String, minLength: 2, maxLength: 120 },
              region: { required: false, type: () => String },
              endedOn: { required: false, type: () => String, nullable: true },
            },
            LocalAuthorityQuery: { q: { required: false, type: () => String, maxLength: 100 }, region: { required: false, type: () => String } },
          },
        ],
        [
          import('../../../../libs/supervision/src/supervision.dto'),
          {
            RecordSessionDto: {
              date: { required: true, type: () => String },
              supervisorId: { required: true, type: () => String, format: 'uuid' },
              practitionerIds: { required: true, type: () => [String], uniqueItems: true, format: 'uuid', minItems: 1, maxItems: 100 },
            },
          },
        ],
      ],
      controllers: [
        [import('../../../../libs/platform/src/audit/audit.controller'), { AuditController: { list: {} } }],
        [
          import('../../../../libs/platform/src/users/users.controller'),
          {
            UsersController: {
              create: { type: Object },
              list: {},
              get: { type: Object },
              update: { type: Object },
              disableTotp: { summary: 'Turns one-time codes off for a user (a lost phone); they can set them up again. Audited.', type: Object },
              liftSignInLock: { summary: "Lifts the pause on a user's sign-ins after too many failures (SignInLocks), so they can sign in now. Audited." },
            },
          },
        ],
        [
          import('../../../../libs/platform/src/auth/auth.controller'),
          {
            AuthController: {
              login: { type: Object },
              me: {},
              changePassword: { summary: 'Every other sign-in of the account ends; the answer is a fresh token, as from /auth/login.', type: Object },
              setupTotp: { summary: "A new secret for the signed-in staff member's authenticator app; codes are asked for once confirmed.", type: Object },
              confirmTotp: {},
            },
          },
        ],
        [
          import('../../../../libs/platform/src/health/health.controller'),
          { HealthController: { check: { summary: "API.md's shape: `{ status, database, redis }`, 503 while either is down." } } },
        ],
        [
          import('../../../../libs/platform/src/system/system.controller'),
          {
            SystemController: {
              request: { type: t['../../../../libs/platform/src/system/heartbeat.entity'].Heartbeat },
              get: { type: t['../../../../libs/platform/src/system/heartbeat.entity'].Heartbeat },
            },
          },
        ],
        [
          import('../../../../libs/registry/src/people/people.controller'),
          {
            PeopleController: {
              create: {},
              list: {},
              get: {},
              update: {},
              addMembership: {},
              listMemberships: {},
              endMembership: {},
              addQualification: {},
              listQualifications: {},
              recordInduction: {},
            },
          },
        ],
        [
          import('../../../../libs/registry/src/services/services.controller'),
          {
            ServicesController: {
              register: {},
              list: {},
              get: {},
              update: {},
              addTeamMember: {},
              listTeam: {},
              updateTeamMember: {},
              recordNetworking: {},
              listNetworking: {},
            },
          },
        ],
        [
          import('../../../../libs/registry/src/settings/settings.controller'),
          {
            SettingsController: {
              create: {},
              list: {},
              get: {},
              update: {},
              recordInspection: {},
              listInspections: {},
              addStaff: {},
              endStaff: {},
              listStaff: {},
            },
          },
        ],
        [
          import('../../../../libs/training/src/certificates.controller'),
          {
            CertificatesController: {
              verify: { summary: "Open to anyone holding the paper: an employer checking a practitioner's Portage Workshop.", type: Object },
            },
          },
        ],
        [
          import('../../../../libs/training/src/trainers.controller'),
          {
            TrainersController: {
              create: { type: Object },
              addAccreditation: { type: Object },
              linkAccount: { type: Object },
              list: {},
              get: { type: Object },
            },
          },
        ],
        [
          import('../../../../libs/training/src/workshops.controller'),
          {
            WorkshopsController: {
              create: { type: Object },
              list: {},
              get: { type: Object },
              confirm: { type: Object },
              addAttendee: { type: Object },
              recordOutcome: { type: Object },
              outcomeHistory: { type: [Object] },
            },
          },
        ],
        [
          import('../../../../libs/letters/src/letters.controller'),
          {
            LettersController: {
              forService: {},
              forSetting: {},
              forPerson: {},
              pdf: {},
              html: {},
              deliveries: {},
              verify: {},
              listTemplates: {},
              templateHistory: {},
              preview: { type: Object },
              publish: {},
            },
          },
        ],
        [
          import('../../../../libs/compliance/src/compliance.controller'),
          {
            ComplianceController: {
              service: { type: Object },
              serviceHistory: {},
              whatIf: {},
              setting: { type: Object },
              overview: {},
              requestLetter: {},
              snapshot: {},
              parametersNow: {},
              updateParameters: { type: Object },
            },
          },
        ],
        [
          import('../../../../libs/approval/src/applications.controller'),
          {
            ApplicationsController: {
              get: {},
              saveStatement: {},
              recommend: {},
              upload: {},
              listEvidence: {},
              download: {},
              removeEvidence: {},
              submit: {},
              startReview: {},
              requestInformation: {},
              withdraw: {},
              decide: {},
            },
          },
        ],
        [
          import('../../../../libs/approval/src/settings-approval.controller'),
          { SettingsApprovalController: { open: {}, list: {}, award: {}, reviewQueue: {}, approvedSettings: {}, checkSetting: {} } },
        ],
        [import('../../../../libs/returns/src/local-authorities.controller'), { LocalAuthoritiesController: { list: {}, create: {}, update: {} } }],
        [
          import('../../../../libs/returns/src/return-years.controller'),
          { ReturnYearsController: { list: {}, status: { type: Object }, update: { type: Object }, close: { type: Object }, reopen: { type: Object } } },
        ],
        [
          import('../../../../libs/returns/src/returns.controller'),
          { ReturnsController: { list: { type: [Object] }, get: { type: Object }, file: { type: Object } } },
        ],
        [import('../../../../libs/returns/src/snapshots.controller'), { SnapshotsController: { get: {}, csv: { type: String }, report: {}, reports: {} } }],
        [
          import('../../../../libs/reminders/src/reminders.controller'),
          {
            RemindersController: {
              forService: {},
              forSetting: {},
              list: {},
              run: { summary: 'Runs the daily sweep now (the worker sends what it finds).', type: Object },
            },
          },
        ],
        [import('../../../../libs/supervision/src/supervision.controller'), { SupervisionController: { record: {}, list: {} } }],
        [import('../../../../libs/imports/src/imports.controller'), { ImportsController: { import: { type: Object } } }],
        [import('../../../../libs/imports/src/exports.controller'), { ExportsController: { download: {} } }],
      ],
    },
  };
};
