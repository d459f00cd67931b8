import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, notFound, isNpaStaff } from '@npa/platform';
import type { Actor } from '@npa/platform';
import { askTheOffice, findOrCreatePerson, findPersonByEmail, toPersonView, linkByEmail, Person } from '@npa/registry';
import { Attendee } from './attendee.entity';
import { alreadyAttends, workshopFull } from './training.errors';
import { hasPlaceFor } from './training.rules';
import { AddAttendeeDto, AttendeeView, toAttendeeView } from './workshop.dto';
import { Workshop } from './workshop.entity';

@Injectable()
export class AttendeesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async add(workshopId: string, dto: AddAttendeeDto, actor: Actor): Promise<AttendeeView> {
    return this.dataSource.transaction(async (manager) => {
      // The workshop row is the queue for its places: two adds at once count one after the other.
      const workshop = await manager.findOne(Workshop, { where: { id: workshopId }, lock: { mode: 'pessimistic_write' } });
      if (!workshop) throw notFound('The workshop');
      const person = await this.personFor(manager, dto, actor);
      if (await manager.existsBy(Attendee, { workshopId, personId: person.id })) throw alreadyAttends(person.name);
      if (!hasPlaceFor(await manager.countBy(Attendee, { workshopId }), workshop.capacity)) throw workshopFull(workshop.capacity);
      const attendee = await manager.save(manager.create(Attendee, { workshopId, personId: person.id }));
      const view = toAttendeeView(attendee, person);
      await this.audit.record({ actor, action: 'attendee.added', entity: 'attendee', entityId: attendee.id, after: view }, manager);
      return view;
    });
  }

  /** The person named, or the one with this email whatever its case (and, for a trainer, their name), or a new person on the register. */
  private async personFor(manager: EntityManager, dto: AddAttendeeDto, actor: Actor): Promise<Person> {
    if (dto.personId !== undefined) {
      const person = await manager.findOneBy(Person, { id: dto.personId });
      if (!person) throw notFound('The person');
      return person;
    }
    // Outside the office an email links its person only with their name too, so it reveals nobody (linkByEmail).
    if (!isNpaStaff(actor.role)) {
      const existing = await findPersonByEmail(manager, dto.email ?? '');
      if (linkByEmail(existing, dto.name ?? '').kind === 'ask-office') throw askTheOffice();
    }
    const { person, created } = await findOrCreatePerson(manager, dto.name ?? '', dto.email ?? '');
    if (created) await this.audit.record({ actor, action: 'person.created', entity: 'person', entityId: person.id, after: toPersonView(person) }, manager);
    return person;
  }
}
