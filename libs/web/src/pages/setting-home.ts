import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@npa/platform';
import { validateInput } from '@npa/platform';
import { AwardsService } from '@npa/approval';
import { LettersService } from '@npa/letters';
import { PeopleService, AddStaffDto, StaffQuery, SettingsService } from '@npa/registry';
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
   * Adds a member of staff: someone on the register (their email and name) or someone new
   * (PeopleService.forPost). The date is checked first, so a refused form creates nobody.
   */
  async addStaff(settingId: string, form: NewStaffForm, actor: Actor) {
    validateInput(AddStaffDto, { personId: randomUUID(), startDate: form.startDate });
    const personId = await this.people.forPost(form, actor);
    return this.settings.addStaff(settingId, { personId, startDate: form.startDate }, actor);
  }
}
