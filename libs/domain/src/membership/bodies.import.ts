import type { BodyKind } from '../enums';
import {
  CsvTableSpec,
  csvMaxLength,
  csvNoSpaces,
  csvNonNegativeWholeNumber,
  csvOneOf,
  readCsvTable,
} from './csv-table';
import type { RegisterImportCheck } from './members.import';

export const BODY_CSV_COLUMNS = ['code', 'kind', 'name', 'region', 'membership_count'] as const;
export type BodyCsvColumn = (typeof BODY_CSV_COLUMNS)[number];

/** Bodies the register file may create; joint submitters are made per motion, never imported. */
export const IMPORTABLE_BODY_KINDS = [
  'branch',
  'network',
  'committee',
  'forum',
] as const satisfies readonly BodyKind[];
export type ImportableBodyKind = (typeof IMPORTABLE_BODY_KINDS)[number];

export interface BodyImportRow {
  line: number;
  code: string;
  kind: ImportableBodyKind;
  name: string;
  region: string | null;
  membershipCount: number;
}

export const bodyCsvSpec: CsvTableSpec<BodyCsvColumn> = {
  columns: [
    { name: 'code', required: true, rules: [csvNoSpaces, csvMaxLength(32)] },
    {
      name: 'kind',
      required: true,
      normalise: (value) => value.toLowerCase(),
      rules: [csvOneOf(IMPORTABLE_BODY_KINDS, 'kind of body')],
    },
    { name: 'name', required: true, rules: [csvMaxLength(200)] },
    { name: 'region', required: false, rules: [csvMaxLength(100)] },
    // Card votes weigh a body by its membership count; blank means not known yet (0).
    { name: 'membership_count', required: false, rules: [csvNonNegativeWholeNumber] },
  ],
  uniqueKey: { columns: ['code'], describe: (values) => `body code ${values.code}` },
};

export function checkBodiesCsv(text: string): RegisterImportCheck<BodyImportRow> {
  const { rows, problems } = readCsvTable(text, bodyCsvSpec);
  return {
    problems,
    rows: rows.map(({ line, values }) => ({
      line,
      code: values.code,
      kind: values.kind as ImportableBodyKind,
      name: values.name,
      region: values.region || null,
      membershipCount: values.membership_count ? Number(values.membership_count) : 0,
    })),
  };
}
