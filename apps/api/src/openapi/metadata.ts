/* eslint-disable */
export default async () => {
  const t = {
    ['../../../../libs/platform/src/audit/audit.responses']: await import('../../../../libs/platform/src/audit/audit.responses'),
    ['../../../../libs/platform/src/users/users.responses']: await import('../../../../libs/platform/src/users/users.responses'),
    ['../../../../libs/platform/src/auth/auth.responses']: await import('../../../../libs/platform/src/auth/auth.responses'),
    ['../../../../libs/registry/src/people/people.responses']: await import('../../../../libs/registry/src/people/people.responses'),
    ['../../../../libs/registry/src/services/services.responses']: await import('../../../../libs/registry/src/services/services.responses'),
    ['../../../../libs/registry/src/settings/settings.responses']: await import('../../../../libs/registry/src/settings/settings.responses'),
    ['../../../../libs/compliance/src/compliance.dto']: await import('../../../../libs/compliance/src/compliance.dto'),
    ['../../../../libs/training/src/workshop.dto']: await import('../../../../libs/training/src/workshop.dto'),
    ['../../../../libs/training/src/trainer.dto']: await import('../../../../libs/training/src/trainer.dto'),
    ['../../../../libs/letters/src/letters.responses']: await import('../../../../libs/letters/src/letters.responses'),
    ['../../../../libs/compliance/src/compliance.responses']: await import('../../../../libs/compliance/src/compliance.responses'),
    ['../../../../libs/approval/src/approval.dto']: await import('../../../../libs/approval/src/approval.dto'),
    ['../../../../libs/approval/src/approval.responses']: await import('../../../../libs/approval/src/approval.responses'),
    ['../../../../libs/returns/src/returns.responses']: await import('../../../../libs/returns/src/returns.responses'),
    ['../../../../libs/reminders/src/reminders.responses']: await import('../../../../libs/reminders/src/reminders.responses'),
    ['../../../../libs/supervision/src/supervision.responses']: await import('../../../../libs/supervision/src/supervision.responses'),
    ['../../../../libs/imports/src/imports.responses']: await import('../../../../libs/imports/src/imports.responses'),
    ['../../../../libs/platform/src/system/system.responses']: await import('../../../../libs/platform/src/system/system.responses'),
    ['../../../../libs/training/src/training.responses']: await import('../../../../libs/training/src/training.responses'),
    ['../../../../libs/letters/src/letters.dto']: await import('../../../../libs/letters/src/letters.dto'),
  };
  return {
    '@nestjs/swagger': {
      models: [
        [
          import('../../../../libs/platform/src/audit/audit.dto'),
          { AuditQuery: { entity: { required: false, type: () => String, maxLength: 100 }, id: { required: false, type: () => String, maxLength: 100 } } },
        ],
        [
          import('../../../../libs/platform/src/http/page.responses'),
          {
            PageResponse: {
              page: { required: true, type: () => Number, description: 'The page given, from 1.' },
              pageSize: { required: true, type: () => Number, description: 'Items per page, at most 500.' },
              total: { required: true, type: () => Number, description: 'Items in the whole list, across every page.' },
            },
          },
        ],
        [
          import('../../../../libs/platform/src/audit/audit.responses'),
          {
            AuditEntryResponse: {
              id: { required: true, type: () => String },
              at: { required: true, type: () => Date },
              actorId: { required: true, type: () => String, nullable: true, description: "Null for the system's own changes (the worker, the command line)." },
              actorEmail: { required: true, type: () => String, nullable: true },
              action: { required: true, type: () => String, description: 'What was done, as `entity.verb`: `service.registered`, `auth.login_failed`.' },
              entity: { required: true, type: () => String },
              entityId: { required: true, type: () => String, nullable: true },
              before: { required: true, type: 'object', additionalProperties: true, nullable: true },
              after: { required: true, type: 'object', additionalProperties: true, nullable: true },
              requestId: { required: true, type: () => String, nullable: true },
              ip: { required: true, type: () => String, nullable: true },
            },
            AuditPage: { items: { required: true, type: () => [t['../../../../libs/platform/src/audit/audit.responses'].AuditEntryResponse] } },
          },
        ],
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
            UserQuery: {
              role: {
                required: false,
                description: 'Only users of this role.',
                enum: ['npa_admin', 'npa_reviewer', 'service_manager', 'setting_contact', 'trainer'],
              },
            },
          },
        ],
        [
          import('../../../../libs/platform/src/users/users.responses'),
          {
            UserResponse: {
              id: { required: true, type: () => String },
              email: { required: true, type: () => String },
              name: { required: true, type: () => String },
              role: { required: true, enum: ['npa_admin', 'npa_reviewer', 'service_manager', 'setting_contact', 'trainer'] },
              roles: {
                required: true,
                type: () => [Object],
                description: 'The one role, as a list.',
                enum: ['npa_admin', 'npa_reviewer', 'service_manager', 'setting_contact', 'trainer'],
                isArray: true,
              },
              organisationId: {
                required: true,
                type: () => String,
                nullable: true,
                description: 'The service (service_manager) or setting (setting_contact) the user belongs to; null otherwise.',
              },
              disabled: { required: true, type: () => Boolean },
              totpEnabled: { required: true, type: () => Boolean, description: 'One-time codes are on for this account (never the secret itself).' },
              createdAt: { required: true, type: () => String, description: 'ISO 8601.' },
            },
            UserPage: { items: { required: true, type: () => [t['../../../../libs/platform/src/users/users.responses'].UserResponse] } },
            SignInLockLifted: {
              id: { required: true, type: () => String },
              wasLocked: { required: true, type: () => Boolean, description: 'Whether sign-ins were paused when it was lifted.' },
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
          import('../../../../libs/platform/src/auth/auth.responses'),
          {
            SignedInUser: {
              id: { required: true, type: () => String },
              email: { required: true, type: () => String },
              name: { required: true, type: () => String },
              roles: { required: true, type: () => [String], description: "The account's one role, as a list." },
              organisationId: {
                required: true,
                type: () => String,
                nullable: true,
                description: 'The service or setting the account belongs to; null for NPA staff and trainers.',
              },
              totpEnabled: { required: true, type: () => Boolean },
            },
            LoginResponse: {
              accessToken: { required: true, type: () => String, description: 'Send it as `Authorization: Bearer <accessToken>` on later calls.' },
              expiresAt: { required: true, type: () => String, description: 'When the token stops working (ISO 8601).' },
              user: { required: true, type: () => t['../../../../libs/platform/src/auth/auth.responses'].SignedInUser },
            },
            CurrentUserResponse: {
              id: { required: true, type: () => String },
              email: { required: true, type: () => String },
              name: { required: true, type: () => String },
              role: { required: true, enum: ['npa_admin', 'npa_reviewer', 'service_manager', 'setting_contact', 'trainer'] },
              roles: {
                required: true,
                type: () => [Object],
                enum: ['npa_admin', 'npa_reviewer', 'service_manager', 'setting_contact', 'trainer'],
                isArray: true,
              },
              organisationId: { required: true, type: () => String, nullable: true },
            },
            TotpSetupResponse: {
              secret: { required: true, type: () => String, description: 'Base32, for typing into the authenticator app by hand.' },
              otpauthUri: { required: true, type: () => String, description: 'The otpauth:// address an authenticator app reads.' },
              qrCode: { required: true, type: () => String, description: 'The same address as a QR code, a PNG data: URL.' },
            },
            TotpConfirmedResponse: { totpEnabled: { required: true, type: () => Boolean, description: 'Always true: sign-ins now ask for a code.' } },
          },
        ],
        [
          import('../../../../libs/platform/src/system/system.responses'),
          {
            HeartbeatResponse: {
              id: { required: true, type: () => String },
              requestedAt: { required: true, type: () => Date },
              startedAt: { required: true, type: () => Date, nullable: true },
              processedAt: { required: true, type: () => Date, nullable: true, description: 'Set when the worker has processed it.' },
              processedBy: { required: true, type: () => String, nullable: true, description: 'The worker process that processed it.' },
              attempts: { required: true, type: () => Number },
            },
            HealthResponse: {
              status: { required: true, description: '`ok` when both answer, `error` (with 503) when either does not.', enum: ['error', 'ok'] },
              database: { required: true, enum: ['up', 'down'] },
              redis: { required: true, enum: ['up', 'down'] },
            },
          },
        ],
        [
          import('../../../../libs/platform/src/system/system.dto'),
          {
            HeartbeatRequest: {
              holdMs: {
                required: false,
                type: () => Number,
                description: 'Keep the job busy this long (tests of graceful shutdown).',
                minimum: 0,
                maximum: 60000,
              },
            },
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
              reportUrl: { required: false, type: () => String, maxLength: 500, format: 'uri' },
            },
            RejectInspectionDto: { reason: { required: true, type: () => String, minLength: 1, maxLength: 2000 } },
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
              fte: { required: true, type: () => Number },
              caseload: { required: true, type: () => Number, minimum: 0, maximum: 100 },
              startDate: { required: true, type: () => String },
              endDate: { required: false, type: () => String },
            },
            UpdateTeamMemberDto: {
              endDate: { required: false, type: () => String },
              fte: { required: false, type: () => Number },
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
          import('../../../../libs/registry/src/people/people.responses'),
          {
            PersonResponse: {
              id: { required: true, type: () => String },
              name: { required: true, type: () => String },
              email: { required: true, type: () => String, description: 'Unique on the register: one person, one record.' },
            },
            PersonPage: { items: { required: true, type: () => [t['../../../../libs/registry/src/people/people.responses'].PersonResponse] } },
            MembershipResponse: {
              id: { required: true, type: () => String },
              personId: { required: true, type: () => String },
              number: { required: true, type: () => String, description: 'The NPA membership number.' },
              startDate: { required: true, type: () => String, description: 'YYYY-MM-DD.' },
              endDate: { required: true, type: () => String, description: 'YYYY-MM-DD.' },
            },
            QualificationResponse: {
              id: { required: true, type: () => String },
              personId: { required: true, type: () => String },
              kind: { required: true, enum: ['level3', 'relevant_degree', 'accredited_trainer'] },
              status: { required: true, enum: ['achieved', 'working_towards'] },
              date: { required: true, type: () => String, nullable: true, description: 'YYYY-MM-DD; null when working towards it.' },
            },
            InductionResponse: {
              id: { required: true, type: () => String },
              personId: { required: true, type: () => String },
              completedOn: { required: true, type: () => String, description: 'YYYY-MM-DD: the NPA induction checklist was completed.' },
            },
            PersonDetailResponse: {
              memberships: { required: true, type: () => [t['../../../../libs/registry/src/people/people.responses'].MembershipResponse] },
              qualifications: { required: true, type: () => [t['../../../../libs/registry/src/people/people.responses'].QualificationResponse] },
              inductionCompletedOn: {
                required: true,
                type: () => String,
                nullable: true,
                description: 'YYYY-MM-DD, or null before the induction is recorded.',
              },
            },
          },
        ],
        [
          import('../../../../libs/registry/src/services/services.responses'),
          {
            ServiceResponse: {
              id: { required: true, type: () => String },
              name: { required: true, type: () => String },
              localAuthority: { required: true, type: () => String },
              region: { required: true, type: () => String },
              ageRange: { required: true, enum: ['0-3', '0-4', '0-5'] },
              registrationNumber: { required: true, type: () => String, description: 'Issued on registration: NPA-S-00001.' },
              registeredOn: { required: true, type: () => String, description: 'YYYY-MM-DD.' },
              createdAt: { required: true, type: () => String, description: 'ISO 8601.' },
              updatedAt: { required: true, type: () => String, description: 'ISO 8601.' },
            },
            ServicePage: { items: { required: true, type: () => [t['../../../../libs/registry/src/services/services.responses'].ServiceResponse] } },
            TeamMemberResponse: {
              id: { required: true, type: () => String },
              serviceId: { required: true, type: () => String },
              personId: { required: true, type: () => String },
              name: { required: false, type: () => String, description: "The person's name (absent once they are anonymised)." },
              email: { required: false, type: () => String },
              role: { required: true, enum: ['manager', 'practitioner', 'supervisor'] },
              fte: { required: true, type: () => Number, description: 'Full-time equivalent, more than 0 and at most 1, at most three decimal places.' },
              caseload: { required: true, type: () => Number, description: 'Families visited; 0 or more.' },
              startDate: { required: true, type: () => String, description: 'YYYY-MM-DD.' },
              endDate: { required: true, type: () => String, nullable: true, description: 'YYYY-MM-DD, the last day in post; null while in post.' },
            },
            TeamPage: { items: { required: true, type: () => [t['../../../../libs/registry/src/services/services.responses'].TeamMemberResponse] } },
            NetworkingAttendanceResponse: {
              id: { required: true, type: () => String },
              serviceId: { required: true, type: () => String },
              date: { required: true, type: () => String, description: 'YYYY-MM-DD.' },
              event: { required: true, type: () => String },
            },
            NetworkingAttendancePage: {
              items: { required: true, type: () => [t['../../../../libs/registry/src/services/services.responses'].NetworkingAttendanceResponse] },
            },
          },
        ],
        [
          import('../../../../libs/registry/src/settings/settings.responses'),
          {
            SettingResponse: {
              id: { required: true, type: () => String },
              name: { required: true, type: () => String },
              ofstedUrn: { required: true, type: () => String, description: "The setting's Ofsted unique reference number." },
              kind: { required: true, enum: ['nursery', 'childminder', 'preschool'] },
              staffCount: { required: true, type: () => Number },
              localArea: { required: true, type: () => String, nullable: true },
              createdAt: { required: true, type: () => String, description: 'ISO 8601.' },
              updatedAt: { required: true, type: () => String, description: 'ISO 8601.' },
            },
            SettingPage: { items: { required: true, type: () => [t['../../../../libs/registry/src/settings/settings.responses'].SettingResponse] } },
            InspectionResponse: {
              id: { required: true, type: () => String },
              settingId: { required: true, type: () => String },
              date: { required: true, type: () => String, description: 'YYYY-MM-DD.' },
              grade: { required: true, enum: ['outstanding', 'good', 'requires_improvement', 'inadequate'] },
              status: {
                required: true,
                description: "`recorded` counts for SA-OFSTED; a setting's `proposed` one waits for NPA staff, who confirm or reject it.",
                enum: ['rejected', 'recorded', 'proposed'],
              },
              reportUrl: {
                required: true,
                type: () => String,
                nullable: true,
                description: "The Ofsted report's address (required when a setting proposes an inspection).",
              },
              proposed: { required: true, type: () => Boolean, description: 'Sent by the setting rather than recorded by NPA staff.' },
              decidedAt: {
                required: true,
                type: () => String,
                nullable: true,
                description: 'When NPA staff confirmed or rejected the proposal (ISO 8601 UTC).',
              },
              rejectionReason: { required: true, type: () => String, nullable: true, description: 'Why NPA staff rejected the proposal; the setting sees it.' },
              createdAt: { required: true, type: () => String, description: 'ISO 8601 UTC.' },
            },
            StaffChangedBy: { name: { required: true, type: () => String, nullable: true }, role: { required: true, type: () => String, nullable: true } },
            StaffCountChangeResponse: {
              fromCount: { required: true, type: () => Number },
              toCount: { required: true, type: () => Number },
              changedAt: { required: true, type: () => String, description: 'ISO 8601 UTC.' },
              changedBy: { required: true, type: () => t['../../../../libs/registry/src/settings/settings.responses'].StaffChangedBy },
            },
            SettingStaffResponse: {
              id: { required: true, type: () => String },
              settingId: { required: true, type: () => String },
              personId: { required: true, type: () => String },
              name: { required: false, type: () => String, description: "The person's name (absent once they are anonymised)." },
              email: { required: false, type: () => String },
              startDate: { required: true, type: () => String, description: 'YYYY-MM-DD.' },
              endDate: { required: true, type: () => String, nullable: true, description: 'YYYY-MM-DD; null while on the staff.' },
            },
            SettingStaffPage: { items: { required: true, type: () => [t['../../../../libs/registry/src/settings/settings.responses'].SettingStaffResponse] } },
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
            ResendDeliveryDto: {
              reason: { required: true, type: () => String, minLength: 3, maxLength: 500 },
              to: { required: false, type: () => String, maxLength: 254, format: 'email' },
            },
            ResentDelivery: {
              id: { required: true, type: () => String },
              letterId: { required: true, type: () => String },
              state: { required: true, type: () => String },
              recipients: { required: true, type: () => [String] },
            },
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
            WorkshopView: {
              id: { required: true, type: () => String },
              trainerId: { required: true, type: () => String },
              trainerName: { required: true, type: () => String },
              startDate: { required: true, type: () => String },
              endDate: { required: true, type: () => String },
              venue: { required: true, type: () => String },
              online: { required: true, type: () => Boolean },
              capacity: { required: true, type: () => Number },
              attendeeCount: { required: true, type: () => Number },
              trainerAccredited: {
                required: true,
                type: () => Boolean,
                description: 'One accreditation period of the trainer holds the whole workshop: without it no outcome can be recorded.',
              },
              awaitingConfirmation: {
                required: true,
                type: () => Boolean,
                description: 'Scheduled by its trainer too far in the past: its completions count once NPA staff confirm it.',
              },
            },
            AttendeeView: {
              id: { required: true, type: () => String },
              workshopId: { required: true, type: () => String },
              personId: { required: true, type: () => String },
              name: { required: true, type: () => String },
              email: { required: true, type: () => String },
            },
            AttendeeLine: {
              id: { required: true, type: () => String },
              personId: { required: true, type: () => String },
              name: { required: true, type: () => String },
              email: { required: true, type: () => String },
              outcome: { required: true, nullable: true, enum: ['completed', 'not_completed'] },
              certificateCode: { required: true, type: () => String, nullable: true },
            },
            WorkshopDetailView: { attendees: { required: true, type: () => [t['../../../../libs/training/src/workshop.dto'].AttendeeLine] } },
            OutcomeView: {
              id: { required: true, type: () => String },
              workshopId: { required: true, type: () => String },
              personId: { required: true, type: () => String },
              outcome: { required: true, enum: ['completed', 'not_completed'] },
              certificateCode: { required: true, type: () => String, nullable: true },
              supersedesId: { required: true, type: () => String, nullable: true },
              recordedAt: { required: true, type: () => String },
              current: { required: true, type: () => Boolean },
            },
            CertificateView: {
              name: { required: true, type: () => String },
              workshopEndDate: { required: true, type: () => String },
              trainerName: { required: true, type: () => String },
              valid: { required: true, type: () => Boolean },
              withdrawnAt: {
                required: false,
                type: () => String,
                description: 'Present once a correction has withdrawn the certificate: when it was recorded.',
              },
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
            PeriodView: {
              id: { required: true, type: () => String },
              accreditedFrom: { required: true, type: () => String },
              accreditedTo: { required: true, type: () => String },
            },
            AccreditationView: { trainerId: { required: true, type: () => String } },
            TrainerView: {
              id: { required: true, type: () => String },
              personId: { required: true, type: () => String },
              userId: {
                required: true,
                type: () => String,
                nullable: true,
                description: "The trainer's account, linked by id (null until NPA staff link one).",
              },
              name: { required: true, type: () => String },
              email: { required: true, type: () => String },
              accreditations: { required: true, type: () => [t['../../../../libs/training/src/trainer.dto'].PeriodView] },
              accreditedNow: { required: true, type: () => Boolean },
            },
          },
        ],
        [
          import('../../../../libs/training/src/training.responses'),
          {
            TrainerPage: { items: { required: true, type: () => [t['../../../../libs/training/src/trainer.dto'].TrainerView] } },
            WorkshopPage: { items: { required: true, type: () => [t['../../../../libs/training/src/workshop.dto'].WorkshopView] } },
          },
        ],
        [
          import('../../../../libs/letters/src/letters.responses'),
          {
            LetterSummaryResponse: {
              id: { required: true, type: () => String },
              kind: { required: true, type: () => String, example: 'award' },
              title: { required: true, type: () => String },
              createdAt: { required: true, type: () => String },
              sentAt: { required: true, type: () => String, nullable: true, description: 'When its email was sent; null until then (or when it is not sent).' },
              templateVersion: { required: true, type: () => Number, description: "The version of the letter's template it was made with." },
              parameterVersion: {
                required: true,
                type: () => Number,
                nullable: true,
                description: 'The version of the rule parameters (offsets and periods) it used; null when it states no period.',
              },
              verificationCode: { required: true, type: () => String, description: 'The code printed on the letter, checked at /letters/verify/{code}.' },
              ready: { required: true, type: () => Boolean, description: 'False while the worker is still composing it.' },
              format: {
                required: true,
                description: 'pdf: a signed letter, at /letters/{id}.pdf (and .html); html: an email-only reminder, at /letters/{id}.html only.',
                enum: ['html', 'pdf'],
              },
              delivery: { required: true, type: () => String, nullable: true, description: 'Where its email stands; null before one is made.' },
            },
            MailDeliveryResponse: {
              id: { required: true, type: () => String },
              letterId: { required: true, type: () => String },
              letterKind: { required: true, type: () => String },
              about: { required: true, type: () => String, description: 'Whom or what the letter is about.' },
              state: { required: true, type: () => String },
              subject: { required: true, type: () => String, description: "The email's subject line." },
              recipients: { required: true, type: () => [String], description: 'The addresses it goes to.' },
              attempts: { required: true, type: () => Number },
              reason: { required: true, type: () => String, nullable: true, description: 'Why it failed or is unknown or suppressed.' },
              messageId: { required: true, type: () => String, nullable: true, description: "The SMTP server's message id once accepted." },
              sentAt: { required: true, type: () => String, nullable: true },
              createdAt: { required: true, type: () => String },
            },
            MailDeliveriesResponse: {
              items: { required: true, type: () => [t['../../../../libs/letters/src/letters.responses'].MailDeliveryResponse] },
              page: { required: true, type: () => Number },
              pageSize: { required: true, type: () => Number },
              total: { required: true, type: () => Number },
            },
            LetterVerificationResponse: {
              code: { required: true, type: () => String, example: 'NPA-K7QF2-M9XAB' },
              kind: { required: true, type: () => String },
              title: { required: true, type: () => String },
              issuedTo: { required: true, type: () => String, description: 'The service, setting or person it was issued to.' },
              issuedOn: { required: true, type: () => String },
              stands: {
                required: true,
                type: () => Boolean,
                description: 'Whether the letter still stands today (a later letter or an expiry can replace it).',
              },
              why: { required: true, type: () => String, description: 'Why it stands or not, in a sentence.' },
              checkedOn: { required: true, type: () => String },
            },
            LetterTemplateSummaryResponse: {
              kind: { required: true, type: () => String },
              currentVersion: { required: true, type: () => Number },
              publishedAt: {
                required: true,
                type: () => String,
                nullable: true,
                description: 'null while the version shipped with the system has not been written to the table.',
              },
            },
            LetterTemplateVersionResponse: {
              kind: { required: true, type: () => String },
              version: { required: true, type: () => Number },
              body: { required: true, type: () => String, description: "The letter's body (Handlebars HTML)." },
              text: { required: true, type: () => String, description: 'The plain-text email (Handlebars).' },
              note: { required: true, type: () => String, nullable: true },
              publishedBy: {
                required: true,
                type: () => String,
                nullable: true,
                description: "The admin's user id; null for the version shipped with the system.",
              },
              publishedAt: { required: true, type: () => String },
            },
            LetterPreviewResponse: {
              kind: { required: true, type: () => String },
              templateVersion: { required: true, type: () => Number },
              subject: { required: true, type: () => String, description: "The email's subject line." },
              html: { required: true, type: () => String },
              text: { required: true, type: () => String, description: "The email's plain-text part." },
            },
            PublishedLetterTemplateResponse: {
              kind: { required: true, type: () => String },
              version: { required: true, type: () => Number },
              publishedAt: { required: true, type: () => String },
            },
          },
        ],
        [
          import('../../../../libs/compliance/src/compliance.responses'),
          {
            RuleResultResponse: {
              id: { required: true, type: () => String, description: "The rule's id in DOMAIN.md: `SR-SUPERVISION`." },
              level: {
                required: true,
                description: 'Essential rules decide the status; desirable ones are reported and never decide.',
                enum: ['essential', 'desirable'],
              },
              outcome: { required: true, enum: ['pass', 'fail', 'not_applicable'] },
              explanation: { required: true, type: () => String, description: 'One or two sentences for a service manager; on failure, what to do.' },
              facts: {
                required: true,
                type: 'object',
                additionalProperties: true,
                description: 'The people, dates and counts that decided it; their names depend on the rule.',
              },
            },
            ServiceComplianceResponse: {
              serviceId: { required: true, type: () => String },
              asOf: { required: true, type: () => String, description: 'YYYY-MM-DD: the date the register was judged as of.' },
              status: { required: true, enum: ['compliant', 'non_compliant'] },
              parameterVersion: { required: true, type: () => Number, description: 'The version of the rule parameters used.' },
              rules: {
                required: true,
                type: () => [t['../../../../libs/compliance/src/compliance.responses'].RuleResultResponse],
                description: 'Every rule of DOMAIN.md for services, once each.',
              },
            },
            SettingComplianceResponse: {
              settingId: { required: true, type: () => String },
              asOf: { required: true, type: () => String, description: 'YYYY-MM-DD.' },
              status: { required: true, enum: ['compliant', 'non_compliant'] },
              parameterVersion: { required: true, type: () => Number },
              rules: { required: true, type: () => [t['../../../../libs/compliance/src/compliance.responses'].RuleResultResponse] },
            },
            RuleChangeResponse: {
              id: { required: true, type: () => String },
              from: { required: true, nullable: true, enum: ['pass', 'fail', 'not_applicable'] },
              to: { required: true, enum: ['pass', 'fail', 'not_applicable'] },
            },
            ComplianceHistoryEntry: {
              asOf: { required: true, type: () => String, description: 'YYYY-MM-DD.' },
              status: { required: true, type: () => String },
              parameterVersion: { required: true, type: () => Number },
              changedRules: { required: true, type: () => [t['../../../../libs/compliance/src/compliance.responses'].RuleChangeResponse] },
              recordedAt: { required: true, type: () => String, description: 'ISO 8601.' },
            },
            WhatIfResponse: {
              serviceId: { required: true, type: () => String },
              asOf: { required: true, type: () => String, description: 'YYYY-MM-DD.' },
              parameterVersion: { required: true, type: () => Number },
              status: { required: true, description: 'The status the changes would give.', enum: ['compliant', 'non_compliant'] },
              statusNow: { required: true, description: 'The status without them.', enum: ['compliant', 'non_compliant'] },
              changedRules: { required: true, type: () => [t['../../../../libs/compliance/src/compliance.responses'].RuleChangeResponse] },
              rules: { required: true, type: () => [t['../../../../libs/compliance/src/compliance.responses'].RuleResultResponse] },
            },
            ComplianceOverviewLine: {
              serviceId: { required: true, type: () => String },
              name: { required: true, type: () => String },
              region: { required: true, type: () => String },
              registrationNumber: { required: true, type: () => String },
              status: { required: true, enum: ['compliant', 'non_compliant'] },
              failing: { required: true, type: () => [String], description: 'The ids of the essential rules it fails.' },
            },
            ComplianceCounts: {
              services: { required: true, type: () => Number },
              compliant: { required: true, type: () => Number },
              nonCompliant: { required: true, type: () => Number },
              failingByRule: {
                required: true,
                type: 'object',
                additionalProperties: { type: 'number' },
                description: 'Services failing each rule, by rule id.',
              },
            },
            ComplianceOverviewResponse: {
              asOf: { required: true, type: () => String, description: 'YYYY-MM-DD.' },
              parameterVersion: { required: true, type: () => Number },
              counts: { required: true, type: () => t['../../../../libs/compliance/src/compliance.responses'].ComplianceCounts },
              items: { required: true, type: () => [t['../../../../libs/compliance/src/compliance.responses'].ComplianceOverviewLine] },
            },
            ComplianceLetterRequested: {
              letterId: { required: true, type: () => String, description: 'The letter asked for; it is composed and emailed by the worker.' },
              kind: { required: true, type: () => String },
              asOf: { required: true, type: () => String, description: 'YYYY-MM-DD.' },
              status: { required: true, enum: ['compliant', 'non_compliant'] },
            },
            SnapshotRunResponse: {
              asOf: { required: true, type: () => String, description: 'YYYY-MM-DD.' },
              services: { required: true, type: () => Number },
              settings: { required: true, type: () => Number },
              changed: { required: true, type: () => Number, description: 'Subjects whose results changed.' },
              statusChanges: { required: true, type: () => Number },
              nonCompliant: { required: true, type: () => Number },
            },
            RuleParamSpecResponse: {
              name: { required: true, type: () => String, description: "The parameter's name, a key of `params`." },
              label: { required: true, type: () => String },
              type: { required: true, enum: ['number', 'integer'] },
              min: { required: true, type: () => Number },
              max: { required: false, type: () => Number },
            },
            ParameterHistoryEntry: {
              version: { required: true, type: () => Number },
              params: { required: true, type: () => Object },
              createdAt: { required: true, type: () => String, description: 'ISO 8601.' },
              createdBy: { required: true, type: () => String, nullable: true, description: 'The user who set them; null for the defaults.' },
            },
            RuleParametersUpdated: {
              version: { required: true, type: () => Number },
              params: { required: true, type: () => Object },
              schema: { required: true },
            },
            RuleParametersResponse: {
              history: { required: true, type: () => [t['../../../../libs/compliance/src/compliance.responses'].ParameterHistoryEntry] },
            },
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
          import('../../../../libs/approval/src/approval.responses'),
          {
            UserRefResponse: {
              id: { required: false, type: () => String, nullable: true, description: "The user's id: shown to NPA staff only." },
              name: { required: true, type: () => String, nullable: true },
              role: { required: false, type: () => String, nullable: true },
            },
            EvidenceResponse: {
              id: { required: true, type: () => String },
              applicationId: { required: true, type: () => String },
              criterionId: {
                required: true,
                type: () => String,
                nullable: true,
                description: 'The judged criterion the file was tagged to; null when it supports the application as a whole.',
              },
              fileName: { required: true, type: () => String },
              contentType: { required: true, type: () => String, description: "The type read from the file's content, whatever its name says." },
              sizeBytes: { required: true, type: () => Number },
              sha256: { required: true, type: () => String },
              uploadedAt: { required: true, type: () => String },
            },
            RecommendationResponse: { outcome: { required: true, enum: ['pass', 'fail'] }, note: { required: true, type: () => String, nullable: true } },
            ApplicationCriterionResponse: {
              id: { required: true, type: () => String, example: 'SA-PRINCIPLES' },
              kind: {
                required: true,
                description: "computed criteria are read from the register; judged ones by a reviewer from the setting's statement and evidence.",
                enum: ['computed', 'judged'],
              },
              level: { required: true, enum: ['essential', 'desirable'] },
              title: { required: true, type: () => String },
              outcome: {
                required: true,
                nullable: true,
                description: "The decided outcome, else the register's today for a computed criterion, else null.",
                enum: ['pass', 'fail', 'not_applicable'],
              },
              explanation: { required: true, type: () => String },
              reason: { required: true, type: () => String, nullable: true, description: "The reviewer's reason, once decided." },
              statement: { required: true, type: () => String, nullable: true, description: "The setting's statement (judged criteria)." },
              evidenceIds: { required: true, type: () => [String], description: 'The evidence files shown beside this criterion: those that support it.' },
              recommendation: {
                required: true,
                type: () => t['../../../../libs/approval/src/approval.responses'].RecommendationResponse,
                nullable: true,
                description: 'Always null for a setting.',
              },
              facts: {
                required: true,
                type: 'object',
                additionalProperties: true,
                nullable: true,
                description: "The people, dates and counts the register's evaluation used (computed criteria).",
              },
              carriedOver: {
                required: true,
                type: () => Boolean,
                description: "A renewal's statement copied from last year and not yet confirmed by the setting (submitting needs it confirmed or edited).",
              },
              evidenceOnFileIds: {
                required: true,
                type: () => [String],
                description: "Last year's evidence on file that supports this criterion (see `evidenceOnFile`).",
              },
              previous: {
                required: true,
                type: () => t['../../../../libs/approval/src/approval.responses'].PreviousCriterionResponse,
                nullable: true,
                description: "Last year's statement, outcome and reason for this judged criterion (a renewal), else null.",
              },
            },
            PreviousCriterionResponse: {
              statement: { required: true, type: () => String, nullable: true },
              outcome: { required: true, nullable: true, enum: ['pass', 'fail'] },
              reason: { required: true, type: () => String, nullable: true },
            },
            PreviousAwardResponse: { startsOn: { required: true, type: () => String }, expiresOn: { required: true, type: () => String } },
            PreviousApplicationResponse: {
              id: { required: true, type: () => String },
              kind: { required: true, enum: ['new', 'renewal'] },
              decidedAt: { required: true, type: () => String, nullable: true },
              award: { required: true, type: () => t['../../../../libs/approval/src/approval.responses'].PreviousAwardResponse, nullable: true },
            },
            ApplicationEventResponse: {
              at: { required: true, type: () => String },
              action: { required: true, type: () => String, example: 'submitted' },
              fromState: {
                required: true,
                type: () => String,
                nullable: true,
                description: "The application's state before the step (null when it was opened).",
              },
              toState: { required: true, type: () => String, nullable: true, description: "The application's state after the step." },
              message: { required: true, type: () => String, nullable: true },
              by: { required: true, type: () => t['../../../../libs/approval/src/approval.responses'].UserRefResponse },
            },
            ApplicationResponse: {
              id: { required: true, type: () => String },
              settingId: { required: true, type: () => String },
              settingName: { required: true, type: () => String, nullable: true },
              state: { required: true, enum: ['rejected', 'draft', 'submitted', 'under_review', 'information_requested', 'approved', 'withdrawn'] },
              kind: { required: true, enum: ['new', 'renewal'] },
              version: {
                required: true,
                type: () => Number,
                description: 'Rises with every step: two reviewers deciding at once get a conflict, not two decisions.',
              },
              renewsAwardId: { required: true, type: () => String, nullable: true, description: 'The award this application renews (kind renewal).' },
              reviewer: { required: true, type: () => t['../../../../libs/approval/src/approval.responses'].UserRefResponse, nullable: true },
              submittedAt: { required: true, type: () => String, nullable: true },
              decidedAt: { required: true, type: () => String, nullable: true },
              createdAt: { required: true, type: () => String },
              nextSteps: {
                required: true,
                type: () => [Object],
                description: "The steps the application's state allows next (whoever may take them).",
                enum: ['edit', 'submit', 'start-review', 'recommend', 'request-information', 'approve', 'reject', 'withdraw'],
                isArray: true,
              },
              criteria: {
                required: true,
                type: () => [t['../../../../libs/approval/src/approval.responses'].ApplicationCriterionResponse],
                description: 'Every criterion of the Stamp of Approval, once each.',
              },
              evidence: { required: true, type: () => [t['../../../../libs/approval/src/approval.responses'].EvidenceResponse] },
              evidenceOnFile: {
                required: true,
                type: () => [t['../../../../libs/approval/src/approval.responses'].EvidenceResponse],
                description: "Last year's evidence, on file for a renewal: referenced, not copied; it supports its criteria like an upload.",
              },
              previousApplication: {
                required: true,
                type: () => t['../../../../libs/approval/src/approval.responses'].PreviousApplicationResponse,
                nullable: true,
                description: 'The application a renewal started from, else null.',
              },
              staffCountChanges: {
                required: true,
                type: () => [t['../../../../libs/registry/src/settings/settings.responses'].StaffCountChangeResponse],
                nullable: true,
                description: "NPA staff only (null for a setting): changes to the staff count the setting declares, which sets SA-TRAINED's bar.",
              },
              history: { required: true, type: () => [t['../../../../libs/approval/src/approval.responses'].ApplicationEventResponse] },
            },
            DecisionResponse: {
              awardId: { required: true, type: () => String, nullable: true, description: 'The award an approval made; null for a rejection.' },
            },
            ApplicationSummaryResponse: {
              id: { required: true, type: () => String },
              settingId: { required: true, type: () => String },
              kind: { required: true, enum: ['new', 'renewal'] },
              state: { required: true, enum: ['rejected', 'draft', 'submitted', 'under_review', 'information_requested', 'approved', 'withdrawn'] },
              submittedAt: { required: true, type: () => String, nullable: true },
              decidedAt: { required: true, type: () => String, nullable: true },
              createdAt: { required: true, type: () => String },
            },
            AwardRenewalResponse: {
              awardedOn: { required: true, type: () => String },
              startsOn: { required: true, type: () => String },
              expiresOn: { required: true, type: () => String },
            },
            FailingCriterionResponse: { id: { required: true, type: () => String, example: 'SA-OFSTED' }, explanation: { required: true, type: () => String } },
            AwardAtRiskResponse: {
              since: { required: true, type: () => String, description: 'The first day of the current run of failing criteria.' },
              mustPutRightBy: { required: true, type: () => String },
              overdue: { required: true, type: () => Boolean },
              failing: { required: true, type: () => [t['../../../../libs/approval/src/approval.responses'].FailingCriterionResponse] },
            },
            AwardStatusResponse: {
              settingId: { required: true, type: () => String },
              parameterVersion: { required: true, type: () => Number, description: 'The version of the rule thresholds the at-risk check used.' },
              asOf: { required: true, type: () => String },
              state: { required: true, enum: ['active', 'none', 'at_risk', 'expired'] },
              awardId: { required: true, type: () => String, nullable: true },
              awardedOn: { required: true, type: () => String, nullable: true },
              startsOn: { required: true, type: () => String, nullable: true },
              expiresOn: { required: true, type: () => String, nullable: true },
              renewal: {
                required: true,
                type: () => t['../../../../libs/approval/src/approval.responses'].AwardRenewalResponse,
                nullable: true,
                description: 'An approved renewal that starts when this award ends.',
              },
              atRisk: {
                required: true,
                type: () => t['../../../../libs/approval/src/approval.responses'].AwardAtRiskResponse,
                nullable: true,
                description: 'While at risk: since when, what fails, and the day by which it must be put right.',
              },
            },
            QueueReviewerResponse: { id: { required: true, type: () => String }, name: { required: true, type: () => String, nullable: true } },
            ReviewQueueItemResponse: {
              id: { required: true, type: () => String },
              settingId: { required: true, type: () => String },
              settingName: { required: false, type: () => String },
              kind: { required: true, type: () => String },
              state: { required: true, type: () => String },
              submittedAt: { required: true, type: () => String },
              daysWaiting: { required: true, type: () => Number, description: "Days since submission, in the NPA's time zone." },
              reviewer: { required: true, type: () => t['../../../../libs/approval/src/approval.responses'].QueueReviewerResponse, nullable: true },
            },
            ReviewQueueResponse: {
              items: { required: true, type: () => [t['../../../../libs/approval/src/approval.responses'].ReviewQueueItemResponse] },
              page: { required: true, type: () => Number },
              pageSize: { required: true, type: () => Number },
              total: { required: true, type: () => Number },
            },
            ApprovedSettingResponse: {
              name: { required: true, type: () => String },
              kind: { required: true, type: () => String, example: 'nursery' },
              localArea: { required: true, type: () => String, nullable: true },
              awardedOn: { required: true, type: () => String },
              expiresOn: { required: true, type: () => String },
            },
            ApprovedSettingsResponse: {
              asOf: { required: true, type: () => String },
              items: { required: true, type: () => [t['../../../../libs/approval/src/approval.responses'].ApprovedSettingResponse] },
              page: { required: true, type: () => Number },
              pageSize: { required: true, type: () => Number },
              total: { required: true, type: () => Number },
            },
            ApprovedSettingCheckResponse: {
              approved: {
                required: true,
                type: () => Boolean,
                description: 'Always true: a setting without an award today answers 404, as an unknown URN does.',
              },
              asOf: { required: true, type: () => String },
            },
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
          import('../../../../libs/returns/src/returns.responses'),
          {
            ReportingYearResponse: {
              startYear: { required: true, type: () => Number, example: 2025 },
              label: { required: true, type: () => String, description: 'As the NPA writes it.' },
              slug: { required: true, type: () => String, description: 'For paths and file names.' },
              startsOn: { required: true, type: () => String },
              endsOn: { required: true, type: () => String },
              opensOn: { required: true, type: () => String, description: 'The first day a return for the year can be filed: the day after it ends.' },
            },
            ReturnYearSettingsResponse: {
              dueOn: { required: true, type: () => String, description: 'The day returns are due (the NPA sets it; by default 90 days after the year ends).' },
              closed: { required: true, type: () => Boolean, description: "A closed year's returns can no longer be filed or corrected." },
              closedAt: { required: true, type: () => String, nullable: true },
            },
            FilingCountsResponse: {
              expected: { required: true, type: () => Number, description: 'Services expected to file (registered by the end of the year).' },
              filed: { required: true, type: () => Number, description: 'Returns in, late ones included.' },
              filedLate: { required: true, type: () => Number },
              notFiled: { required: true, type: () => Number },
            },
            ReturnYearResponse: { counts: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].FilingCountsResponse } },
            FilingLineResponse: {
              serviceId: { required: true, type: () => String },
              serviceName: { required: true, type: () => String },
              registrationNumber: { required: true, type: () => String },
              localAuthority: { required: true, type: () => String },
              region: { required: true, type: () => String },
              state: { required: true, enum: ['missing', 'overdue', 'not_open', 'due', 'filed', 'filed_late'] },
              filedAt: { required: true, type: () => String, nullable: true },
              updatedAt: { required: true, type: () => String, nullable: true },
              revision: { required: true, type: () => Number, description: '0 before the first filing; each correction adds one.' },
            },
            FilingStatusResponse: {
              year: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].ReturnYearSettingsResponse },
              counts: {
                required: true,
                type: () => t['../../../../libs/returns/src/returns.responses'].FilingCountsResponse,
                description: 'Over every service expected to file, whatever the filter.',
              },
              services: {
                required: true,
                type: () => [t['../../../../libs/returns/src/returns.responses'].FilingLineResponse],
                description: 'The services the query selects.',
              },
            },
            ReturnFiguresResponse: {
              referralsAccepted: { required: true, type: () => Number },
              childrenSupported: { required: true, type: () => Number },
              waitingList: { required: true, type: () => Number, description: 'Children waiting at the end of the year.' },
              ageRange: { required: true, enum: ['0-3', '0-4', '0-5'] },
              fundingSource: { required: true, enum: ['local_authority', 'charity', 'independent'] },
              budgetCut: { required: true, type: () => Boolean, description: 'Whether the budget was cut in the last 12 months.' },
              teamFte: { required: true, type: () => Number, description: 'Full-time equivalent team size, at most two decimal places.' },
              annualCost: { required: true, type: () => Number, description: 'Whole pounds a year.' },
            },
            LastYearReturnResponse: {
              year: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].ReportingYearResponse },
              figures: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].ReturnFiguresResponse },
            },
            ReturnRevisionResponse: {
              revision: { required: true, type: () => Number },
              filedByName: { required: true, type: () => String },
              filedAt: { required: true, type: () => String },
              figures: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].ReturnFiguresResponse },
            },
            ReturnResponse: {
              serviceId: { required: true, type: () => String },
              serviceName: { required: true, type: () => String },
              year: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].ReturnYearSettingsResponse },
              state: { required: true, enum: ['missing', 'overdue', 'not_open', 'due', 'filed', 'filed_late'] },
              canFile: {
                required: true,
                type: () => Boolean,
                description: 'False once the year is closed, before it has ended, or for a service registered after it.',
              },
              blockedBecause: {
                required: true,
                type: () => String,
                nullable: true,
                description: 'When it cannot be filed, why, in the words a filing would be refused with.',
              },
              figures: {
                required: true,
                type: () => t['../../../../libs/returns/src/returns.responses'].ReturnFiguresResponse,
                nullable: true,
                description: 'null until filed.',
              },
              revision: { required: true, type: () => Number },
              filedAt: { required: true, type: () => String, nullable: true },
              updatedAt: { required: true, type: () => String, nullable: true },
              lastYear: {
                required: true,
                type: () => t['../../../../libs/returns/src/returns.responses'].LastYearReturnResponse,
                nullable: true,
                description: "Last year's return, to compare with.",
              },
              history: {
                required: true,
                type: () => [t['../../../../libs/returns/src/returns.responses'].ReturnRevisionResponse],
                description: 'Every filing and correction, latest first.',
              },
            },
            LocalAuthorityResponse: {
              code: { required: true, type: () => String, description: 'The ONS code.' },
              name: { required: true, type: () => String },
              region: { required: true, type: () => String },
              kind: { required: true, type: () => String, example: 'unitary' },
              startedOn: { required: true, type: () => String, nullable: true },
              endedOn: { required: true, type: () => String, nullable: true, description: 'The last day it existed (it merged or was abolished).' },
            },
            LocalAuthoritiesResponse: {
              items: { required: true, type: () => [t['../../../../libs/returns/src/returns.responses'].LocalAuthorityResponse] },
              total: { required: true, type: () => Number },
              current: { required: true, type: () => Number, description: 'Those that have not ended.' },
            },
            ShareResponse: {
              count: { required: true, type: () => Number },
              of: { required: true, type: () => Number },
              percent: { required: true, type: () => Number, nullable: true, description: 'Whole per cent; null when there is nothing to take a share of.' },
            },
            FundingSharesResponse: {
              local_authority: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].ShareResponse },
              charity: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].ShareResponse },
              independent: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].ShareResponse },
            },
            AgeRangeSharesResponse: {
              '0-3': { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].ShareResponse },
              '0-4': { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].ShareResponse },
              '0-5': { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].ShareResponse },
            },
            YearFiguresResponse: {
              registeredServices: { required: true, type: () => Number },
              returnsFiled: { required: true, type: () => Number },
              returnsMissing: { required: true, type: () => Number },
              authoritiesCovered: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].ShareResponse },
              withWaitingList: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].ShareResponse },
              childrenWaiting: { required: true, type: () => Number },
              funding: {
                required: true,
                type: () => t['../../../../libs/returns/src/returns.responses'].FundingSharesResponse,
                description: 'Services by main funding source.',
              },
              withBudgetCut: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].ShareResponse },
              referralsAccepted: { required: true, type: () => Number },
              childrenSupported: { required: true, type: () => Number },
              ageRanges: {
                required: true,
                type: () => t['../../../../libs/returns/src/returns.responses'].AgeRangeSharesResponse,
                description: 'Services by age range served.',
              },
              averageCostPerService: { required: true, type: () => Number, nullable: true, description: 'Pounds; null when no return is in.' },
              costPerChild: { required: true, type: () => Number, nullable: true, description: 'Pounds; null when no return is in.' },
              averageTeamFte: { required: true, type: () => Number, nullable: true },
            },
            PreviousYearFiguresResponse: {
              year: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].ReportingYearResponse },
              provisional: { required: true, type: () => Boolean },
            },
            FigureChangeResponse: {
              previous: { required: true, type: () => Number, nullable: true },
              current: { required: true, type: () => Number, nullable: true },
              difference: { required: true, type: () => Number, nullable: true, description: 'current - previous.' },
              percent: { required: true, type: () => Number, nullable: true, description: 'Whole per cent of the previous figure.' },
            },
            FigureChangesResponse: {
              registeredServices: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].FigureChangeResponse },
              referralsAccepted: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].FigureChangeResponse },
              childrenSupported: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].FigureChangeResponse },
              costPerChild: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].FigureChangeResponse },
              averageCostPerService: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].FigureChangeResponse },
              averageTeamFte: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].FigureChangeResponse },
            },
            RegionLineResponse: {
              region: { required: true, type: () => String },
              authorities: { required: true, type: () => Number },
              authoritiesCovered: { required: true, type: () => Number },
              services: { required: true, type: () => Number },
            },
            SnapshotServiceResponse: { id: { required: true, type: () => String }, name: { required: true, type: () => String } },
            SnapshotLineResponse: {
              key: { required: true, type: () => String, example: 'funding.charity' },
              label: { required: true, type: () => String },
              value: { required: true, type: () => String, description: 'As printed: "32%", "14,000", "\u00A32,400", "4.5 FTE".' },
              number: {
                required: true,
                type: () => Number,
                nullable: true,
                description: 'The plain number behind the value, for the CSV; null when there is none.',
              },
              detail: { required: false, type: () => String, description: 'For shares: "101 of 317 local authorities".' },
              share: { required: false, type: () => t['../../../../libs/returns/src/returns.responses'].ShareResponse },
              previous: { required: false, type: () => String },
              change: { required: false, type: () => String },
            },
            SnapshotResponse: {
              year: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].ReportingYearResponse },
              provisional: { required: true, type: () => Boolean, description: 'True while the year is open: returns may still arrive or change.' },
              missing: {
                required: true,
                type: () => [t['../../../../libs/returns/src/returns.responses'].SnapshotServiceResponse],
                description: 'Services whose return is missing.',
              },
              regions: { required: true, type: () => [t['../../../../libs/returns/src/returns.responses'].RegionLineResponse] },
              regionsWithoutService: { required: true, type: () => [String] },
              unmatched: {
                required: true,
                type: () => [t['../../../../libs/returns/src/returns.responses'].SnapshotServiceResponse],
                description: 'Services whose local authority is not in the reference table: the office should correct them.',
              },
              referralsRoseSignificantly: {
                required: true,
                type: () => t['../../../../libs/returns/src/returns.responses'].ShareResponse,
                description: 'Services that filed both years and accepted significantly more referrals.',
              },
              previous: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].PreviousYearFiguresResponse, nullable: true },
              changes: { required: true, type: () => t['../../../../libs/returns/src/returns.responses'].FigureChangesResponse },
              lines: { required: true, type: () => [t['../../../../libs/returns/src/returns.responses'].SnapshotLineResponse] },
            },
            SnapshotReportRequestedResponse: {
              id: { required: true, type: () => String },
              letterId: { required: true, type: () => String, description: "The PDF's letter: /letters/{letterId}.pdf once the worker has composed it." },
              provisional: { required: true, type: () => Boolean },
            },
            SnapshotReportResponse: {
              id: { required: true, type: () => String },
              provisional: { required: true, type: () => Boolean },
              createdAt: { required: true, type: () => String },
              createdByName: { required: true, type: () => String, nullable: true },
              letterId: { required: true, type: () => String, nullable: true },
              ready: { required: true, type: () => Boolean, description: 'Whether the worker has composed the PDF.' },
              pdf: { required: true, type: () => String, nullable: true, example: '/letters/3f1c0f8e-8a57-4a39-9a53-0c3b2f7f6c11.pdf' },
            },
          },
        ],
        [
          import('../../../../libs/reminders/src/reminders.responses'),
          {
            ReminderSubjectResponse: { kind: { required: true, type: () => String, example: 'setting' }, id: { required: true, type: () => String } },
            ReminderOrganisationResponse: { kind: { required: true, type: () => String }, id: { required: true, type: () => String, nullable: true } },
            ReminderResponse: {
              id: { required: true, type: () => String },
              kind: { required: true, type: () => String, example: 'return-due-soon' },
              dueOn: { required: true, type: () => String },
              sentAt: { required: true, type: () => String, nullable: true },
              recipients: { required: true, type: () => [String], description: 'The email addresses it goes to.' },
              state: { required: true, type: () => String, description: "pending is due and not yet sent; then its email's state." },
              reason: { required: true, type: () => String, nullable: true, description: 'Why it failed, is unknown or was suppressed.' },
              parameterVersion: {
                required: true,
                type: () => Number,
                nullable: true,
                description: 'The version of the rule parameters whose offsets found it.',
              },
              subject: { required: true, type: () => t['../../../../libs/reminders/src/reminders.responses'].ReminderSubjectResponse },
              organisation: {
                required: true,
                type: () => t['../../../../libs/reminders/src/reminders.responses'].ReminderOrganisationResponse,
                nullable: true,
              },
              letterId: { required: true, type: () => String, nullable: true, description: 'The email made for it, once the worker has composed it.' },
              recordedAt: { required: true, type: () => String },
            },
            RemindersPageResponse: {
              items: { required: true, type: () => [t['../../../../libs/reminders/src/reminders.responses'].ReminderResponse] },
              page: { required: true, type: () => Number },
              pageSize: { required: true, type: () => Number },
              total: { required: true, type: () => Number },
              counts: {
                required: true,
                type: 'object',
                additionalProperties: { type: 'number' },
                description: 'How many reminders are in each state, across the register.',
              },
            },
            SweepSummaryResponse: {
              asOf: { required: true, type: () => String },
              services: { required: true, type: () => Number, description: 'Services evaluated.' },
              settings: { required: true, type: () => Number, description: 'Settings evaluated.' },
              nonCompliant: { required: true, type: () => Number },
              statusChanges: { required: true, type: () => Number, description: 'Services whose compliance status changed.' },
              remindersDue: { required: true, type: () => Number },
              remindersNew: {
                required: true,
                type: () => Number,
                description: 'Due reminders not recorded before (the others were found by an earlier sweep).',
              },
              unreachable: { required: true, type: () => Number, description: 'New reminders with nobody to send them to.' },
              newByKind: { required: true, type: 'object', additionalProperties: { type: 'number' }, description: 'New reminders by kind.' },
            },
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
        [
          import('../../../../libs/supervision/src/supervision.responses'),
          {
            SupervisionSessionResponse: {
              id: { required: true, type: () => String },
              serviceId: { required: true, type: () => String },
              date: { required: true, type: () => String, description: 'YYYY-MM-DD.' },
              supervisorId: { required: true, type: () => String, description: "The team member who supervised (a person's id)." },
              practitionerIds: { required: true, type: () => [String], description: "The practitioners supervised (people's ids)." },
              kind: { required: true, description: '`individual` with one practitioner, `group` with more.', enum: ['group', 'individual'] },
            },
            SupervisionSessionPage: {
              items: { required: true, type: () => [t['../../../../libs/supervision/src/supervision.responses'].SupervisionSessionResponse] },
            },
          },
        ],
        [
          import('../../../../libs/imports/src/imports.dto'),
          {
            ImportQuery: {
              dryRun: { required: false, description: 'true: check every row and answer what a real run would do, changing nothing.', enum: ['false', 'true'] },
            },
          },
        ],
        [
          import('../../../../libs/imports/src/imports.responses'),
          {
            ImportProblemResponse: {
              row: { required: true, type: () => Number },
              column: { required: true, type: () => String, nullable: true, description: 'null for a problem with the whole row or file.' },
              problem: { required: true, type: () => String },
            },
            ImportCheckResponse: {
              kind: { required: true, enum: ['settings', 'people', 'memberships', 'team', 'supervision', 'workshop-completions'] },
              dryRun: { required: true, type: () => Boolean, description: 'Always true.' },
              rowNumbering: { required: true, type: () => String, description: 'How rows are numbered in problems.' },
              rows: { required: true, type: () => Number, description: 'Data rows in the file.' },
              valid: { required: true, type: () => Number, description: 'Rows without a problem.' },
              problems: {
                required: true,
                type: () => [t['../../../../libs/imports/src/imports.responses'].ImportProblemResponse],
                description: 'Every problem, in row order; empty when the file can be imported as it is.',
              },
              wouldCreate: {
                required: true,
                type: () => Number,
                description: 'Records the valid rows describe: what a real run creates once problems is empty.',
              },
            },
            ImportResultResponse: {
              kind: { required: true, enum: ['settings', 'people', 'memberships', 'team', 'supervision', 'workshop-completions'] },
              rows: { required: true, type: () => Number },
              created: { required: true, type: () => Number },
              peopleCreated: {
                required: false,
                type: () => Number,
                description: 'Workshop completions only: attendees not yet on the register, added as people.',
              },
            },
          },
        ],
      ],
      controllers: [
        [
          import('../../../../libs/platform/src/audit/audit.controller'),
          {
            AuditController: {
              listAuditEntries: {
                summary: 'The audit log, newest first: every change, sign-in and refusal, optionally of one record.',
                type: t['../../../../libs/platform/src/audit/audit.responses'].AuditPage,
              },
            },
          },
        ],
        [
          import('../../../../libs/platform/src/users/users.controller'),
          {
            UsersController: {
              createUser: {
                summary: "Make a user: NPA staff, a service's manager, a setting's contact or a trainer.",
                type: t['../../../../libs/platform/src/users/users.responses'].UserResponse,
              },
              listUsers: {
                summary: 'List users, newest first, optionally of one role.',
                type: t['../../../../libs/platform/src/users/users.responses'].UserPage,
              },
              getUser: { summary: 'One user.', type: t['../../../../libs/platform/src/users/users.responses'].UserResponse },
              updateUser: {
                summary: "Change a user's name, role or organisation, or disable them (their sign-ins end).",
                type: t['../../../../libs/platform/src/users/users.responses'].UserResponse,
              },
              disableTotp: {
                summary: 'Turns one-time codes off for a user (a lost phone); they can set them up again. Audited.',
                type: t['../../../../libs/platform/src/users/users.responses'].UserResponse,
              },
              liftSignInLock: {
                summary: "Lifts the pause on a user's sign-ins after too many failures (SignInLocks), so they can sign in now. Audited.",
                type: t['../../../../libs/platform/src/users/users.responses'].SignInLockLifted,
              },
            },
          },
        ],
        [
          import('../../../../libs/platform/src/auth/auth.controller'),
          {
            AuthController: {
              login: {
                summary: 'Sign in with an email and password (and a one-time code when the account has codes on): a bearer token.',
                type: t['../../../../libs/platform/src/auth/auth.responses'].LoginResponse,
              },
              getCurrentUser: { summary: 'Who the bearer token belongs to.', type: t['../../../../libs/platform/src/auth/auth.responses'].CurrentUserResponse },
              changePassword: {
                summary: "Change the signed-in user's password: every other sign-in of the account ends; the answer is a fresh token, as from /auth/login.",
                type: t['../../../../libs/platform/src/auth/auth.responses'].LoginResponse,
              },
              setupTotp: {
                summary: "A new secret for the signed-in staff member's authenticator app; codes are asked for once confirmed.",
                type: t['../../../../libs/platform/src/auth/auth.responses'].TotpSetupResponse,
              },
              confirmTotp: {
                summary: 'Turn one-time codes on with a code from the app set up by /auth/totp/setup.',
                type: t['../../../../libs/platform/src/auth/auth.responses'].TotpConfirmedResponse,
              },
            },
          },
        ],
        [
          import('../../../../libs/platform/src/health/health.controller'),
          { HealthController: { checkHealth: { summary: "Whether the API reaches its database and Redis (API.md's shape: `{ status, database, redis }`)." } } },
        ],
        [
          import('../../../../libs/platform/src/system/system.controller'),
          {
            SystemController: {
              requestHeartbeat: {
                summary: 'Queue a heartbeat job for the worker: whether jobs are being processed end to end.',
                type: t['../../../../libs/platform/src/system/system.responses'].HeartbeatResponse,
              },
              getHeartbeat: {
                summary: 'A heartbeat job: processedAt is set once a worker has run it.',
                type: t['../../../../libs/platform/src/system/system.responses'].HeartbeatResponse,
              },
            },
          },
        ],
        [
          import('../../../../libs/registry/src/people/people.controller'),
          {
            PeopleController: {
              createPerson: {
                summary: 'Add a person to the register (a practitioner, supervisor, manager or member of staff).',
                type: t['../../../../libs/registry/src/people/people.responses'].PersonResponse,
              },
              listPeople: { summary: 'List people on the register.', type: t['../../../../libs/registry/src/people/people.responses'].PersonPage },
              getPerson: {
                summary: 'One person with their memberships, qualifications and induction.',
                type: t['../../../../libs/registry/src/people/people.responses'].PersonDetailResponse,
              },
              updatePerson: { summary: "Change a person's name or email.", type: t['../../../../libs/registry/src/people/people.responses'].PersonResponse },
              addMembership: {
                summary: 'Record an NPA professional membership.',
                type: t['../../../../libs/registry/src/people/people.responses'].MembershipResponse,
              },
              listMemberships: { summary: "A person's memberships.", type: [t['../../../../libs/registry/src/people/people.responses'].MembershipResponse] },
              endMembership: { summary: 'End a membership early.', type: t['../../../../libs/registry/src/people/people.responses'].MembershipResponse },
              addQualification: {
                summary: 'Record a qualification achieved or being worked towards.',
                type: t['../../../../libs/registry/src/people/people.responses'].QualificationResponse,
              },
              listQualifications: {
                summary: "A person's qualifications.",
                type: [t['../../../../libs/registry/src/people/people.responses'].QualificationResponse],
              },
              recordInduction: {
                summary: 'Record that the NPA induction checklist was completed.',
                type: t['../../../../libs/registry/src/people/people.responses'].InductionResponse,
              },
            },
          },
        ],
        [
          import('../../../../libs/registry/src/services/services.controller'),
          {
            ServicesController: {
              registerService: {
                summary: 'Register a Portage service: it is given its registration number.',
                type: t['../../../../libs/registry/src/services/services.responses'].ServiceResponse,
              },
              listServices: {
                summary: 'List services (a service manager sees their own).',
                type: t['../../../../libs/registry/src/services/services.responses'].ServicePage,
              },
              getService: { summary: 'One service.', type: t['../../../../libs/registry/src/services/services.responses'].ServiceResponse },
              updateService: { summary: "Change a service's details.", type: t['../../../../libs/registry/src/services/services.responses'].ServiceResponse },
              addTeamMember: {
                summary: "Give a person a post in the service's team.",
                type: t['../../../../libs/registry/src/services/services.responses'].TeamMemberResponse,
              },
              listTeam: {
                summary: "The service's team: every post, current and ended.",
                type: t['../../../../libs/registry/src/services/services.responses'].TeamPage,
              },
              updateTeamMember: {
                summary: 'Change a post: its end date when a member leaves.',
                type: t['../../../../libs/registry/src/services/services.responses'].TeamMemberResponse,
              },
              recordNetworkingAttendance: {
                summary: 'Record that the service attended a networking event.',
                type: t['../../../../libs/registry/src/services/services.responses'].NetworkingAttendanceResponse,
              },
              listNetworkingAttendance: {
                summary: "The service's networking attendance.",
                type: t['../../../../libs/registry/src/services/services.responses'].NetworkingAttendancePage,
              },
            },
          },
        ],
        [
          import('../../../../libs/registry/src/settings/settings.controller'),
          {
            SettingsController: {
              createSetting: {
                summary: 'Add an early years setting to the register.',
                type: t['../../../../libs/registry/src/settings/settings.responses'].SettingResponse,
              },
              listSettings: {
                summary: 'List settings (a setting contact sees their own).',
                type: t['../../../../libs/registry/src/settings/settings.responses'].SettingPage,
              },
              getSetting: { summary: 'One setting.', type: t['../../../../libs/registry/src/settings/settings.responses'].SettingResponse },
              updateSetting: { summary: "Change a setting's details.", type: t['../../../../libs/registry/src/settings/settings.responses'].SettingResponse },
              recordInspection: {
                summary:
                  "NPA staff record an inspection (201, status `recorded`). A setting contact's call is a proposal:\n202 Accepted with status `proposed`, counted for SA-OFSTED only once NPA staff confirm it.",
                type: t['../../../../libs/registry/src/settings/settings.responses'].InspectionResponse,
              },
              listInspections: {
                summary: "The setting's Ofsted inspections.",
                type: [t['../../../../libs/registry/src/settings/settings.responses'].InspectionResponse],
              },
              confirmInspection: {
                summary: "NPA staff confirm a setting's proposed inspection: from now on it counts for SA-OFSTED.",
                type: t['../../../../libs/registry/src/settings/settings.responses'].InspectionResponse,
              },
              rejectInspection: {
                summary: "NPA staff reject a setting's proposed inspection with a reason the setting sees; it never counts.",
                type: t['../../../../libs/registry/src/settings/settings.responses'].InspectionResponse,
              },
              listStaffCountChanges: {
                summary: 'Every change to the declared staff count, who made it and when, newest first.',
                type: [t['../../../../libs/registry/src/settings/settings.responses'].StaffCountChangeResponse],
              },
              addStaff: {
                summary: "Add a person to the setting's staff.",
                type: t['../../../../libs/registry/src/settings/settings.responses'].SettingStaffResponse,
              },
              endStaff: {
                summary: "End a person's time on the staff.",
                type: t['../../../../libs/registry/src/settings/settings.responses'].SettingStaffResponse,
              },
              listStaff: {
                summary: "The setting's staff, current and past.",
                type: t['../../../../libs/registry/src/settings/settings.responses'].SettingStaffPage,
              },
            },
          },
        ],
        [
          import('../../../../libs/training/src/certificates.controller'),
          {
            CertificatesController: {
              verifyCertificate: {
                summary: "Open to anyone holding the paper: an employer checking a practitioner's Portage Workshop.",
                type: t['../../../../libs/training/src/workshop.dto'].CertificateView,
              },
            },
          },
        ],
        [
          import('../../../../libs/training/src/trainers.controller'),
          {
            TrainersController: {
              createTrainer: {
                summary: 'Make a person a trainer with their first accreditation period.',
                type: t['../../../../libs/training/src/trainer.dto'].TrainerView,
              },
              addAccreditation: {
                summary: 'Add an accreditation period to a trainer.',
                type: t['../../../../libs/training/src/trainer.dto'].AccreditationView,
              },
              linkTrainerAccount: {
                summary: "Link a trainer's user account to their trainer record.",
                type: t['../../../../libs/training/src/trainer.dto'].TrainerView,
              },
              listTrainers: { summary: 'List trainers.', type: t['../../../../libs/training/src/training.responses'].TrainerPage },
              getTrainer: { summary: 'One trainer with their accreditation periods.', type: t['../../../../libs/training/src/trainer.dto'].TrainerView },
            },
          },
        ],
        [
          import('../../../../libs/training/src/workshops.controller'),
          {
            WorkshopsController: {
              createWorkshop: { summary: 'Schedule a Portage Workshop run by a trainer.', type: t['../../../../libs/training/src/workshop.dto'].WorkshopView },
              listWorkshops: {
                summary: 'List workshops (a trainer sees their own).',
                type: t['../../../../libs/training/src/training.responses'].WorkshopPage,
              },
              getWorkshop: {
                summary: 'One workshop with its attendees and their outcomes.',
                type: t['../../../../libs/training/src/workshop.dto'].WorkshopDetailView,
              },
              confirmWorkshop: {
                summary: 'Confirm a workshop its trainer scheduled too far in the past, so its completions count.',
                type: t['../../../../libs/training/src/workshop.dto'].WorkshopView,
              },
              addAttendee: {
                summary: 'Add an attendee: a person on the register, or a new one by name and email.',
                type: t['../../../../libs/training/src/workshop.dto'].AttendeeView,
              },
              recordOutcome: {
                summary: "Record or correct an attendee's outcome; a completion issues a certificate code.",
                type: t['../../../../libs/training/src/workshop.dto'].OutcomeView,
              },
              listOutcomes: {
                summary: "Every outcome recorded for the workshop's attendees, corrections included.",
                type: [t['../../../../libs/training/src/workshop.dto'].OutcomeView],
              },
            },
          },
        ],
        [
          import('../../../../libs/letters/src/letters.controller'),
          {
            LettersController: {
              listServiceLetters: {
                summary: 'The letters and emails made for a service, latest first',
                type: [t['../../../../libs/letters/src/letters.responses'].LetterSummaryResponse],
              },
              listSettingLetters: {
                summary: 'The letters and emails made for a setting, latest first',
                type: [t['../../../../libs/letters/src/letters.responses'].LetterSummaryResponse],
              },
              listPersonLetters: {
                summary: 'The letters made for a person (certificates, membership and qualification letters), latest first',
                type: [t['../../../../libs/letters/src/letters.responses'].LetterSummaryResponse],
              },
              getLetterPdf: {
                summary: 'A signed letter as PDF',
                description:
                  'An email-only reminder has no PDF (404 saying so; its HTML is at /letters/{id}.html), nor has a letter the worker\nhas not composed yet.',
              },
              getLetterHtml: { summary: 'A letter or email as HTML, as it was sent' },
              listMailDeliveries: {
                summary: 'Emails for NPA staff to watch, latest first: failed and unknown ones with why',
                type: t['../../../../libs/letters/src/letters.responses'].MailDeliveriesResponse,
              },
              verifyLetter: {
                summary: 'Check a letter by the code printed on it (no sign-in)',
                description: 'Says what the letter is, for whom, when, and whether it still stands; an unknown or malformed code is 404.',
                type: t['../../../../libs/letters/src/letters.responses'].LetterVerificationResponse,
              },
              listLetterTemplates: {
                summary: "Every kind of letter with its template's current version",
                type: [t['../../../../libs/letters/src/letters.responses'].LetterTemplateSummaryResponse],
              },
              listLetterTemplateVersions: {
                summary: "Every published version of one letter's template, latest first",
                type: [t['../../../../libs/letters/src/letters.responses'].LetterTemplateVersionResponse],
              },
              previewLetterTemplate: {
                summary: "Render a draft of a letter's template (or the current one) with sample data, changing nothing",
                description:
                  "A template prints data with double braces only and uses only the letters' helpers and partials; one that does\nnot, or does not compile, is 400.",
                type: t['../../../../libs/letters/src/letters.responses'].LetterPreviewResponse,
              },
              publishLetterTemplate: {
                summary: "Publish a new version of a letter's template; letters made from now on use it",
                description: 'Letters already made keep the version they were made with. The same checks as the preview apply.',
                type: t['../../../../libs/letters/src/letters.responses'].PublishedLetterTemplateResponse,
              },
            },
          },
        ],
        [
          import('../../../../libs/letters/src/mail-deliveries.controller'),
          {
            MailDeliveriesController: {
              resendMailDelivery: {
                summary:
                  'Send a failed or unknown email again, with a reason (audited), optionally to a corrected address\n\nQueued at once: it goes once, to the recipients shown. A second click, or an email that is pending,\nbeing sent, sent or suppressed, is a 409.',
                type: t['../../../../libs/letters/src/letters.dto'].ResentDelivery,
              },
            },
          },
        ],
        [
          import('../../../../libs/compliance/src/compliance.controller'),
          {
            ComplianceController: {
              getServiceCompliance: {
                summary: "A service's compliance with the Code as of a date (today when asOf is absent): its status and every rule's outcome.",
                type: t['../../../../libs/compliance/src/compliance.responses'].ServiceComplianceResponse,
              },
              listServiceComplianceHistory: {
                summary: "The recorded changes of a service's compliance, newest first.",
                type: [t['../../../../libs/compliance/src/compliance.responses'].ComplianceHistoryEntry],
              },
              previewServiceCompliance: {
                summary: "What a service's compliance would be with some changes to its team (nothing is saved).",
                type: t['../../../../libs/compliance/src/compliance.responses'].WhatIfResponse,
              },
              getSettingCompliance: {
                summary: "A setting's compliance as of a date (today when asOf is absent).",
                type: t['../../../../libs/compliance/src/compliance.responses'].SettingComplianceResponse,
              },
              listCompliance: {
                summary: 'Every service with its status as of a date, and counts of the register.',
                type: t['../../../../libs/compliance/src/compliance.responses'].ComplianceOverviewResponse,
              },
              requestComplianceLetter: {
                summary: 'Ask for a letter to the service stating its compliance today; the worker composes and emails it.',
                type: t['../../../../libs/compliance/src/compliance.responses'].ComplianceLetterRequested,
              },
              recordComplianceSnapshots: {
                summary: 'Judge the whole register as of a date now and record the results, as the daily sweep does.',
                type: t['../../../../libs/compliance/src/compliance.responses'].SnapshotRunResponse,
              },
              getRuleParameters: {
                summary: 'The rule parameters in force, what each means, and their earlier versions.',
                type: t['../../../../libs/compliance/src/compliance.responses'].RuleParametersResponse,
              },
              updateRuleParameters: {
                summary: 'Change some rule parameters: a new version, used from now on.',
                type: t['../../../../libs/compliance/src/compliance.responses'].RuleParametersUpdated,
              },
            },
          },
        ],
        [
          import('../../../../libs/approval/src/applications.controller'),
          {
            ApplicationsController: {
              getApplication: {
                summary: 'An application with every criterion, its evidence and its history',
                description:
                  "Open applications show the register's computed criteria as they are today; closed ones as they were when\nsubmitted or decided. Reviewers' recommendations and user ids are shown to NPA staff only.",
                type: t['../../../../libs/approval/src/approval.responses'].ApplicationResponse,
              },
              saveCriterionStatement: {
                summary: "Save the setting's statement for a judged criterion",
                description:
                  'Only the judged criteria (SA-PRINCIPLES, SA-ASSESSMENT, SA-REVIEWS, SA-RECORDS) take a statement; a computed one is\n400, an unknown one 404. Allowed while the application is a draft or information has been requested.',
                type: t['../../../../libs/approval/src/approval.responses'].ApplicationResponse,
              },
              confirmCarriedOverStatement: {
                summary:
                  "Confirms, unchanged, a statement carried over from last year (a renewal opens with last year's\nstatements, each to be confirmed or edited before submitting). Saving it again with PUT confirms it\ntoo. 409 when the criterion has no carried-over statement waiting.",
                type: t['../../../../libs/approval/src/approval.responses'].ApplicationResponse,
              },
              recommendCriterionOutcome: {
                summary: "Record a reviewer's recommendation on one criterion while reviewing (seen by NPA staff only)",
                type: t['../../../../libs/approval/src/approval.responses'].ApplicationResponse,
              },
              uploadEvidence: {
                summary: 'Upload an evidence file (PDF, PNG, JPEG or DOCX; 10 MB at most)',
                description:
                  'The file is accepted by its content, whatever its name says. Without criterionId the file is evidence for the\napplication and supports every judged criterion; with it, the one named (the field may come before or after the\nfile; one that cannot be read is 400). An application holds a limited number of files and megabytes: a file too\nmany is 409, a file that takes the total over is 413.',
                type: t['../../../../libs/approval/src/approval.responses'].EvidenceResponse,
              },
              listApplicationEvidence: {
                summary: "The application's evidence files, oldest first",
                type: [t['../../../../libs/approval/src/approval.responses'].EvidenceResponse],
              },
              downloadEvidence: { summary: 'Download one evidence file, always as an attachment' },
              removeEvidence: { summary: 'Remove an evidence file while the application can still be edited' },
              submitApplication: {
                summary: 'Submit the application for review',
                description:
                  '409 with every reason at once (details name each criterion) unless every judged criterion has a statement and\nevidence that supports it (tagged to it or untagged) and every essential computed criterion passes on the register\ntoday.',
                type: t['../../../../libs/approval/src/approval.responses'].ApplicationResponse,
              },
              startApplicationReview: {
                summary: 'Start reviewing a submitted application: the caller becomes its reviewer',
                type: t['../../../../libs/approval/src/approval.responses'].ApplicationResponse,
              },
              requestApplicationInformation: {
                summary: 'Ask the setting for more information: the application goes back to it to edit, and a letter says what is needed',
                type: t['../../../../libs/approval/src/approval.responses'].ApplicationResponse,
              },
              withdrawApplication: { summary: 'Withdraw an open application', type: t['../../../../libs/approval/src/approval.responses'].ApplicationResponse },
              decideApplication: {
                summary: 'Approve or reject an application under review, with an outcome and reason per criterion',
                description:
                  "The decision lists the judged criteria. The computed ones are evaluated from the register inside the decision's own\ntransaction and recorded with their explanation; a client may list them too, and then they must agree (409 naming\nthe difference). Approving while a computed criterion fails is 409 naming it. A decision is final: a second one\nis 409. Approval makes the award and its letter.",
                type: t['../../../../libs/approval/src/approval.responses'].DecisionResponse,
              },
            },
          },
        ],
        [
          import('../../../../libs/approval/src/settings-approval.controller'),
          {
            SettingsApprovalController: {
              openApplication: {
                summary: 'Open an application for the Stamp of Approval, new or a renewal',
                description:
                  'A setting has one open application at a time. A renewal can be opened from the renewal window before the current\naward ends; earlier, or once the award is already renewed, is 409.',
                type: t['../../../../libs/approval/src/approval.responses'].ApplicationResponse,
              },
              listSettingApplications: {
                summary: "The setting's applications, latest first",
                type: [t['../../../../libs/approval/src/approval.responses'].ApplicationSummaryResponse],
              },
              getSettingAward: {
                summary: "The setting's Stamp of Approval as of a day: active, at risk, expired or none, with what puts it at risk",
                type: t['../../../../libs/approval/src/approval.responses'].AwardStatusResponse,
              },
              listReviewQueue: {
                summary: 'Applications waiting for NPA reviewers (submitted or under review), oldest submission first',
                type: t['../../../../libs/approval/src/approval.responses'].ReviewQueueResponse,
              },
              listApprovedSettings: {
                summary: 'The public register: settings holding the Stamp of Approval today (no sign-in)',
                type: t['../../../../libs/approval/src/approval.responses'].ApprovedSettingsResponse,
              },
              checkApprovedSetting: {
                summary: 'Check whether a setting holds the Stamp of Approval today, by its Ofsted URN (no sign-in)',
                description: 'A setting without an award today answers 404 exactly as an unknown URN does.',
                type: t['../../../../libs/approval/src/approval.responses'].ApprovedSettingCheckResponse,
              },
            },
          },
        ],
        [
          import('../../../../libs/returns/src/local-authorities.controller'),
          {
            LocalAuthoritiesController: {
              listLocalAuthorities: { type: t['../../../../libs/returns/src/returns.responses'].LocalAuthoritiesResponse },
              addLocalAuthority: { type: t['../../../../libs/returns/src/returns.responses'].LocalAuthorityResponse },
              updateLocalAuthority: { type: t['../../../../libs/returns/src/returns.responses'].LocalAuthorityResponse },
            },
          },
        ],
        [
          import('../../../../libs/returns/src/return-years.controller'),
          {
            ReturnYearsController: {
              listReturnYears: { type: [t['../../../../libs/returns/src/returns.responses'].ReturnYearResponse] },
              getReturnYearFilingStatus: { type: t['../../../../libs/returns/src/returns.responses'].FilingStatusResponse },
              setReturnYearDueDate: { type: t['../../../../libs/returns/src/returns.responses'].ReturnYearSettingsResponse },
              closeReturnYear: { type: t['../../../../libs/returns/src/returns.responses'].ReturnYearSettingsResponse },
              reopenReturnYear: { type: t['../../../../libs/returns/src/returns.responses'].ReturnYearSettingsResponse },
            },
          },
        ],
        [
          import('../../../../libs/returns/src/returns.controller'),
          {
            ReturnsController: {
              listServiceReturns: { type: [t['../../../../libs/returns/src/returns.responses'].ReturnResponse] },
              getServiceReturn: { type: t['../../../../libs/returns/src/returns.responses'].ReturnResponse },
              fileServiceReturn: { type: t['../../../../libs/returns/src/returns.responses'].ReturnResponse },
            },
          },
        ],
        [
          import('../../../../libs/returns/src/snapshots.controller'),
          {
            SnapshotsController: {
              getSnapshot: { type: t['../../../../libs/returns/src/returns.responses'].SnapshotResponse },
              downloadSnapshotCsv: { type: String },
              requestSnapshotReport: { type: t['../../../../libs/returns/src/returns.responses'].SnapshotReportRequestedResponse },
              listSnapshotReports: { type: [t['../../../../libs/returns/src/returns.responses'].SnapshotReportResponse] },
            },
          },
        ],
        [
          import('../../../../libs/reminders/src/reminders.controller'),
          {
            RemindersController: {
              listServiceReminders: {
                summary: 'The reminders of a service, latest due first, with where each stands',
                type: [t['../../../../libs/reminders/src/reminders.responses'].ReminderResponse],
              },
              listSettingReminders: {
                summary: 'The reminders of a setting, latest due first, with where each stands',
                type: [t['../../../../libs/reminders/src/reminders.responses'].ReminderResponse],
              },
              listReminders: {
                summary: 'Every reminder across the register, by state and kind, with the count in each state',
                type: t['../../../../libs/reminders/src/reminders.responses'].RemindersPageResponse,
              },
              runSweep: {
                summary: 'Run the daily sweep now, as of a day',
                description:
                  'Evaluates every service and setting, records status changes and the reminders due; the worker sends what it finds.\nA reminder is recorded once, so sweeping again finds nothing new.',
                type: t['../../../../libs/reminders/src/reminders.responses'].SweepSummaryResponse,
              },
            },
          },
        ],
        [
          import('../../../../libs/supervision/src/supervision.controller'),
          {
            SupervisionController: {
              recordSupervisionSession: {
                summary: 'Record a supervision session: its supervisor and the practitioners supervised.',
                type: t['../../../../libs/supervision/src/supervision.responses'].SupervisionSessionResponse,
              },
              listSupervisionSessions: {
                summary: "The service's supervision log.",
                type: t['../../../../libs/supervision/src/supervision.responses'].SupervisionSessionPage,
              },
            },
          },
        ],
        [import('../../../../libs/imports/src/imports.controller'), { ImportsController: { importRegisterCsv: { type: Object } } }],
        [import('../../../../libs/imports/src/exports.controller'), { ExportsController: { downloadRegisterCsv: {} } }],
      ],
    },
  };
};
