/**
 * A small RFC 4180 reader: fields separated by commas, records by CRLF or LF, fields optionally in
 * double quotes, a doubled quote inside quotes standing for one quote, and commas and line breaks
 * allowed inside quotes. Lenient where a spreadsheet is: a bare CR ends a record too, the file may
 * end without a line break, and a byte-order mark at the start is ignored.
 */

export interface CsvRecord {
  /** The row number a spreadsheet shows for this record: the first record (the header) is 1. */
  line: number;
  fields: string[];
}

export interface CsvSyntaxProblem {
  line: number;
  /** 1-based position of the field the problem is in. */
  fieldNumber: number;
  message: string;
}

export interface CsvParseResult {
  records: CsvRecord[];
  problems: CsvSyntaxProblem[];
}

const QUOTE = '"';
const COMMA = ',';

export function parseCsv(text: string): CsvParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const problems: CsvSyntaxProblem[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotedField = false;
  let afterClosingQuote = false;
  // One syntax problem per field is enough to point the user at it.
  let fieldFlagged = false;
  // A quoted field may span several physical lines; a spreadsheet still shows it as one row.
  let line = 1;

  const endField = () => {
    fields.push(field);
    field = '';
    quotedField = false;
    afterClosingQuote = false;
    fieldFlagged = false;
  };
  const flag = (message: string) => {
    if (!fieldFlagged) problems.push({ line, fieldNumber: fields.length + 1, message });
    fieldFlagged = true;
  };
  const endRecord = () => {
    endField();
    records.push({ line, fields });
    fields = [];
    line += 1;
  };

  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (inQuotes) {
      if (ch !== QUOTE) {
        field += ch;
      } else if (source[i + 1] === QUOTE) {
        field += QUOTE;
        i++;
      } else {
        inQuotes = false;
        afterClosingQuote = true;
      }
      continue;
    }
    if (ch === COMMA) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRecord();
    } else if (ch === QUOTE && field === '' && !quotedField) {
      inQuotes = true;
      quotedField = true;
    } else if (afterClosingQuote) {
      flag('has text after its closing quote; put the whole field in quotes');
      afterClosingQuote = false;
      field += ch;
    } else {
      if (ch === QUOTE) {
        flag('has a quote inside an unquoted field; quote the field and double the quote ("")');
      }
      field += ch;
    }
  }
  if (inQuotes) {
    flag('opens a quote that is never closed');
  }
  // A file that ends with a line break has no empty record after it.
  if (field !== '' || fields.length > 0 || quotedField) endRecord();
  return { records, problems };
}

/** A record a spreadsheet would show as an empty row: no fields, or only empty ones. */
export function isBlankCsvRecord(record: CsvRecord): boolean {
  return record.fields.every((value) => value.trim() === '');
}

/** Quotes a value for writing CSV when it needs it (comma, quote or line break). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
