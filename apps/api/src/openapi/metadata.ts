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
    ['../../../../libs/compliance/src/compliance.responses']: await import('../../../../libs/compliance/src/compliance.responses'),
    ['../../../../libs/approval/src/approval.dto']: await import('../../../../libs/approval/src/approval.dto'),
    ['../../../../libs/supervision/src/supervision.responses']: await import('../../../../libs/supervision/src/supervision.responses'),
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
          import('../../../../libs/letters/src/mail-deliveries.controller'),
          {
            MailDeliveriesController: {
              resend: {
                summary: 'Send a failed or unknown email again, with a reason (audited), optionally to a corrected address.',
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
              get: {},
              saveStatement: {},
              confirmStatement: {
                summary:
                  "Confirms, unchanged, a statement carried over from last year (a renewal opens with last year's\nstatements, each to be confirmed or edited before submitting). Saving it again with PUT confirms it\ntoo. 409 when the criterion has no carried-over statement waiting.",
              },
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
        [import('../../../../libs/imports/src/imports.controller'), { ImportsController: { import: { type: Object } } }],
        [import('../../../../libs/imports/src/exports.controller'), { ExportsController: { download: {} } }],
      ],
    },
  };
};
