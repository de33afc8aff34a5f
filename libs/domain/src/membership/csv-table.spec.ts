import {
  csvMaxLength,
  csvProblemsToFieldErrors,
  CsvTableSpec,
  describeCsvProblems,
  readCsvTable,
} from './csv-table';

type Col = 'code' | 'name' | 'note';
const spec: CsvTableSpec<Col> = {
  columns: [
    { name: 'code', required: true, normalise: (v) => v.toUpperCase() },
    { name: 'name', required: true, rules: [csvMaxLength(5)] },
    { name: 'note', required: false },
  ],
  uniqueKey: { columns: ['code'], describe: (v) => `code ${v.code}` },
};

describe('reading a register file row by row', () => {
  it('matches header names whatever their case and spacing, and trims values', () => {
    const { rows, problems } = readCsvTable(' Code ,NAME,Note\nab, Jo ,\n', spec);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ line: 2, values: { code: 'AB', name: 'Jo', note: '' } }]);
  });

  it('names each missing and each unknown column on line 1, and checks the columns that are there', () => {
    const { problems } = readCsvTable('code,colour\nA,red\n,blue', spec);
    expect(problems).toEqual([
      { line: 1, column: 'colour', message: expect.stringContaining('not a column') },
      { line: 1, column: 'name', message: 'column is missing from the header' },
      { line: 1, column: 'note', message: 'column is missing from the header' },
      { line: 3, column: 'code', message: 'is required' },
    ]);
  });

  it('refuses an empty file with a header problem', () => {
    expect(readCsvTable('\n', spec).problems).toEqual([
      { line: 1, column: 'header', message: expect.stringContaining('code,name,note') },
    ]);
  });

  it('reports every problem of every line, not just the first', () => {
    const { rows, problems } = readCsvTable('code,name,note\n,toolong,\nB,,x\nC,ok,', spec);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'code'],
      [2, 'name'],
      [3, 'name'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([4]);
  });

  it('names the first column a short line lacks, and the field a long line adds', () => {
    const { problems } = readCsvTable('code,name,note\nA,Jo\nB,Al,n,extra', spec);
    expect(problems).toEqual([
      { line: 2, column: 'note', message: expect.stringContaining('2 fields but the header has 3') },
      { line: 3, column: 'field 4', message: expect.stringContaining('4 fields but the header has 3') },
    ]);
  });

  it('names both lines of a duplicate key, comparing without regard to case', () => {
    const { problems } = readCsvTable('code,name,note\nA,Jo,\nB,Al,\na,Sam,', spec);
    expect(problems).toEqual([
      { line: 4, column: 'code', message: 'code A is on line 2 and line 4; each may appear once' },
    ]);
  });

  it('skips blank lines but keeps the numbering a spreadsheet shows', () => {
    const { rows, problems } = readCsvTable('code,name,note\n\n,,\nA,Jo,', spec);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([4]);
  });

  it('locates a quoting mistake by line and column name', () => {
    const { problems } = readCsvTable('code,name,note\nA,O"Neil,', spec);
    expect(problems).toEqual([{ line: 2, column: 'name', message: expect.stringContaining('quote') }]);
  });

  it('turns problems into the error map of the one error shape', () => {
    const problems = [
      { line: 7, column: 'email', message: 'not an email address' },
      { line: 7, column: 'email', message: 'is too long' },
      { line: 9, column: 'code', message: 'is required' },
    ];
    expect(csvProblemsToFieldErrors(problems)).toEqual({
      'line 7, email': 'not an email address; is too long',
      'line 9, code': 'is required',
    });
    expect(describeCsvProblems(problems)).toBe('3 problems on 2 lines');
  });
});
