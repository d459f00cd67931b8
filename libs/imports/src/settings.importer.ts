import { Setting, settingsByUrn } from '@npa/registry';
import { repeatedRows } from './file.rules';
import { defineRecordImporter } from './importer';
import { parseSettingRow, type SettingRow } from './row-parsers';

/** New settings only: the Ofsted URN identifies a setting, so one already on the register is a problem. */
export const settingsImporter = defineRecordImporter<SettingRow, Setting>({
  parseRow: parseSettingRow,
  withinFile: (rows) =>
    repeatedRows(
      rows,
      (r) => r.ofstedUrn,
      'ofsted_urn',
      (r) => `URN ${r.ofstedUrn}`,
    ),
  async onRegister(manager, rows) {
    const taken = await settingsByUrn(
      manager,
      rows.map((r) => r.value.ofstedUrn),
    );
    const nameOf = new Map(taken.map((t) => [t.urn, t.name]));
    return rows.flatMap(({ row, value }) => {
      const name = nameOf.get(value.ofstedUrn);
      return name === undefined ? [] : [{ row, column: 'ofsted_urn', problem: `URN ${value.ofstedUrn} is already on the register (${name})` }];
    });
  },
  entity: Setting,
  recordOf: (v) => ({ name: v.name, ofstedUrn: v.ofstedUrn, kind: v.kind, staffCount: v.staffCount, localArea: v.localArea }),
});
