import fc from 'fast-check';
import { csvField, parseCsv } from './csv';

describe('reading CSV as RFC 4180 writes it', () => {
  it('splits records on CRLF and LF alike and fields on commas', () => {
    const { records, problems } = parseCsv('a,b\r\nc,d\ne,f');
    expect(problems).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('keeps commas, line breaks and doubled quotes inside a quoted field', () => {
    const { records } = parseCsv('name,note\r\n"Smith, Jo","said ""no""\r\nthen left"\r\n');
    expect(records[1].fields).toEqual(['Smith, Jo', 'said "no"\r\nthen left']);
  });

  it('numbers records as a spreadsheet shows rows, even when a quoted field spans lines', () => {
    const { records } = parseCsv('h\n"two\nphysical lines"\nthird');
    expect(records.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('counts a blank line as a row, as a spreadsheet does', () => {
    const { records } = parseCsv('h\n\nx\n');
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['h']],
      [2, ['']],
      [3, ['x']],
    ]);
  });

  it('does not invent an empty record after the final line break', () => {
    expect(parseCsv('a\r\n').records).toHaveLength(1);
    expect(parseCsv('').records).toHaveLength(0);
  });

  it('ignores a byte-order mark that spreadsheets put at the start', () => {
    expect(parseCsv('\ufeffcode\nX').records[0].fields).toEqual(['code']);
  });

  it('keeps an empty quoted field as an empty value', () => {
    expect(parseCsv('a,"",c').records[0].fields).toEqual(['a', '', 'c']);
  });

  it('reports a quote that is never closed, at the line it opens', () => {
    const { problems } = parseCsv('a,b\nx,"open\nmore');
    expect(problems).toEqual([{ line: 2, fieldNumber: 2, message: expect.stringContaining('never closed') }]);
  });

  it('reports a stray quote in an unquoted field and text after a closing quote, once per field', () => {
    const { problems } = parseCsv('a,b\nO"Brien,"x"y"z"');
    expect(problems).toEqual([
      { line: 2, fieldNumber: 1, message: expect.stringContaining('quote inside an unquoted field') },
      { line: 2, fieldNumber: 2, message: expect.stringContaining('after its closing quote') },
    ]);
  });

  it('reads back exactly what csvField writes, whatever the values', () => {
    const value = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\r', '\n', 'é') });
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          // A record of one empty field is a blank line; the writer quotes it so it survives.
          const text = rows
            .map((fields) =>
              fields.map((f) => (fields.length === 1 && f === '' ? '""' : csvField(f))).join(','),
            )
            .join('\r\n');
          const { records, problems } = parseCsv(text);
          expect(problems).toEqual([]);
          expect(records.map((r) => r.fields)).toEqual(rows);
        },
      ),
      { numRuns: 500 },
    );
  });
});
