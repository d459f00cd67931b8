// The public door of @npa/supervision: other libs, apps and tests import only what is here.
export { RecordSessionDto } from './supervision.dto';
export { SupervisionModule } from './supervision.module';
export { SupervisionParticipant } from './supervision-participant.entity';
export { SupervisionService } from './supervision.service';
export { SupervisionSession } from './supervision-session.entity';
export { type LoggedSession, sessionsLogged } from './supervision.queries';
export { SUPERVISION_PERSONAL_DATA } from './personal-data';
