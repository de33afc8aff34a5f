/**
 * Input hygiene in one place, for HTTP bodies, query strings, path parameters and socket messages alike.
 *
 * Cost is bounded before anything else looks at a request: the JSON body's nesting depth is checked on the
 * raw bytes before `JSON.parse` builds an object (so a 2 MB, 5,000-deep array costs one linear scan that stops
 * at the first bracket too deep), and every later walk stops at the same depth. Then, at the field: NUL
 * characters and broken UTF-16 (lone surrogates) are refused because PostgreSQL cannot store them and
 * validators such as isEmail throw on them; `__proto__`, `constructor` and `prototype` are refused as field
 * names; numbers must be finite and integers must fit a PostgreSQL integer.
 */

/** No request or message of this system nests deeper than a handful of levels; 32 leaves room. */
export const MAX_INPUT_DEPTH = 32;
/** The largest JSON body accepted (member lists and motion texts fit well inside). */
export const MAX_JSON_BODY = '2mb';
/** The range of a PostgreSQL integer column: a larger whole number could only be an error or an attack. */
export const MAX_INTEGER = 2_147_483_647;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** An error body-parser passes on with its status, so the one error filter answers it. */
export class BodyTooDeep extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
  constructor() {
    super(`The request body nests deeper than ${MAX_INPUT_DEPTH} levels; no request needs that many.`);
  }
}

export class BodyNotUtf8 extends Error {
  readonly status = 415;
  readonly type = 'charset.unsupported';
  constructor() {
    super('The request body must be JSON in UTF-8.');
  }
}

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * True when the raw JSON text opens more than `maxDepth` brackets at once. Brackets inside strings do not
 * count. Malformed JSON is left for JSON.parse to refuse; this only has to be right for what parses.
 */
export function jsonNestsDeeperThan(bytes: Uint8Array, maxDepth = MAX_INPUT_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > maxDepth) return true;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) depth--;
  }
  return false;
}

/** body-parser's `verify` hook: runs on the raw bytes, before JSON.parse. */
export function verifyJsonBody(_request: unknown, _response: unknown, bytes: Buffer, encoding: string | null): void {
  if (encoding && encoding.toLowerCase() !== 'utf-8' && encoding.toLowerCase() !== 'utf8') throw new BodyNotUtf8();
  if (jsonNestsDeeperThan(bytes)) throw new BodyTooDeep();
}

/** What is wrong with a string, in words, or null when it is fine. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000); remove it and send again';
  if (LONE_SURROGATE.test(text)) return 'contains a broken character (an unpaired UTF-16 surrogate); type or paste the text again';
  return null;
}

function numberProblem(value: number): string | null {
  if (!Number.isFinite(value)) return 'must be a finite number';
  if (Number.isInteger(value) && Math.abs(value) > MAX_INTEGER) return `must be between -${MAX_INTEGER} and ${MAX_INTEGER}`;
  return null;
}

/**
 * Walks a parsed value (at most MAX_INPUT_DEPTH deep) and names every field that is hostile:
 * `{ 'title': 'must not contain the NUL character…' }`. Empty when all is well.
 */
export function findHostileInput(value: unknown, path = ''): Record<string, string> {
  const problems = new Problems();
  walk(value, path, 0, problems);
  // fromEntries defines own properties, so a problem named "__proto__" is kept as a field, not a prototype.
  return Object.fromEntries(problems);
}

class Problems extends Map<string, string> {
  override set(field: string, problem: string): this {
    return this.size < 20 ? super.set(field, problem) : this; // enough to show what is wrong
  }
}

function walk(value: unknown, path: string, depth: number, problems: Problems): void {
  if (problems.size >= 20) return;
  const field = path || 'body';
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) problems.set(field, problem);
    return;
  }
  if (typeof value === 'number') {
    const problem = numberProblem(value);
    if (problem) problems.set(field, problem);
    return;
  }
  if (typeof value !== 'object' || value === null || value instanceof Date) return;
  if (depth >= MAX_INPUT_DEPTH) {
    problems.set(field, `nests deeper than ${MAX_INPUT_DEPTH} levels; no request needs that many`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${path}[${index}]`, depth + 1, problems));
    return;
  }
  for (const key of Object.keys(value)) {
    const keyPath = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) {
      problems.set(keyPath, `"${key}" is not an accepted field name`);
      continue;
    }
    const keyProblem = textProblem(key);
    if (keyProblem) {
      problems.set(path ? `${path}.(field name)` : '(field name)', `a field name ${keyProblem}`);
      continue;
    }
    walk((value as Record<string, unknown>)[key], keyPath, depth + 1, problems);
  }
}
