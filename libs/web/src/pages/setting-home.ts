import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '@npa/platform';
import { invalid, validateInput } from '@npa/platform';
import { AwardsService } from '@npa/approval';
import { LettersService } from '@npa/letters';
import { PeopleService, CreatePersonDto, findPersonByEmail, AddStaffDto, StaffQuery, SettingsService } from '@npa/registry';
import { RemindersService } from '@npa/reminders';

export interface NewStaffForm {
  email: string;
  name: string;
  startDate: string;
}

/** A setting contact's own setting, as their home page shows it, and the staff form's two ways in. */
@Injectable()
export class SettingHome {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
    private readonly awards: AwardsService,
    private readonly people: PeopleService,
    private readonly letters: LettersService,
    private readonly reminders: RemindersService,
  ) {}

  async of(settingId: string) {
    const [setting, award, staff, letters, reminders] = await Promise.all([
      this.settings.get(settingId),
      this.awards.status(settingId),
      this.settings.listStaff(settingId, Object.assign(new StaffQuery(), { pageSize: 200 })),
      this.letters.listFor('setting', settingId),
      this.reminders.forOrganisation('setting', settingId),
    ]);
    return { setting, award, staff: staff.items, staffTotal: staff.total, letters, reminders };
  }

  /**
   * Adds a member of staff: the person already on the register with that email, or a new person
   * when a name is given too. The date is checked first, so a refused form creates nobody.
   */
  async addStaff(settingId: string, form: NewStaffForm, actor: Actor) {
    const email = form.email.trim();
    if (!email) throw invalid('Enter their email address.', [{ field: 'email', problem: 'is required' }]);
    const existing = await findPersonByEmail(this.dataSource.manager, email);
    validateInput(AddStaffDto, { personId: existing?.id ?? randomUUID(), startDate: form.startDate });
    let personId = existing?.id;
    if (!personId) {
      if (!form.name.trim())
        throw invalid('Nobody on the register has that email: give their name to add them.', [
          { field: 'name', problem: 'is needed for someone new to the register' },
        ]);
      personId = (await this.people.create(validateInput(CreatePersonDto, { name: form.name, email }), actor)).id;
    }
    return this.settings.addStaff(settingId, { personId, startDate: form.startDate }, actor);
  }
}
