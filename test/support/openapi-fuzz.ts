import fc from 'fast-check';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

export interface OpenApiOperation {
  operationId?: string;
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: OpenApiSchema }>;
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
}

export interface Operation {
  method: string;
  /** As documented, e.g. /api/conferences/{conferenceId}/motions */
  path: string;
  pathParams: string[];
  query: Array<{ name: string; schema: OpenApiSchema }>;
  /** The JSON body's schema, $refs resolved one level at a time by `resolve`. */
  body?: OpenApiSchema;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = operation.parameters ?? [];
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? { type: 'string' } })),
        body: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return out;
}

/** Follows `$ref` and merges `allOf`, so the generator sees one plain schema. */
export function resolve(document: OpenApiDocument, schema: OpenApiSchema | undefined): OpenApiSchema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(document, document.components?.schemas?.[name]);
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolve(document, part));
    return parts.reduce<OpenApiSchema>(
      (merged, part) => ({ ...merged, ...part, properties: { ...merged.properties, ...part.properties }, required: [...(merged.required ?? []), ...(part.required ?? [])] }),
      { ...schema, allOf: undefined },
    );
  }
  return schema;
}

/**
 * A fast-check arbitrary for values the schema describes: the right types, the enums' values, UUIDs,
 * dates and date-times where the format says so, and numbers near the documented bounds. `known` offers
 * real ids (the fuzz conference's) for fields whose name ends in Id, so requests get past "not found".
 */
export function arbitraryFor(document: OpenApiDocument, given: OpenApiSchema | undefined, known: string[] = [], depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(document, given);
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.length) return fc.oneof(...variants.map((variant) => arbitraryFor(document, variant, known, depth)));
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return known.length ? fc.oneof(fc.constantFrom(...known), fc.uuid()) : fc.uuid();
      if (schema.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.format === 'date') return fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (schema.format === 'email') return fc.emailAddress();
      return fc.string({ maxLength: Math.min(schema.maxLength ?? 40, 60) });
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -5, -1_000_000), max: Math.min(schema.maximum ?? 1_000, 1_000_000) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(arbitraryFor(document, schema.items, known, depth + 1), { maxLength: 3 });
    case 'object': {
      if (depth > 4 || !schema.properties) return fc.constant({});
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(schema.properties)) {
        const base = arbitraryFor(document, property, known, depth + 1);
        model[name] = name.endsWith('Id') && known.length && resolve(document, property).type === 'string' ? fc.oneof(fc.constantFrom(...known), base) : base;
      }
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in model) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** The names of a schema's top-level fields and whether each holds text, for the per-field hostile cases. */
export function fieldsOf(document: OpenApiDocument, given: OpenApiSchema | undefined): Array<{ name: string; type: string | undefined }> {
  const schema = resolve(document, given);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({ name, type: resolve(document, property).type }));
}

/** A hostile case: what to send instead of, or on top of, a valid-shaped body. */
export interface HostileCase {
  label: string;
  /** Raw JSON text, when it cannot be written as a value (e.g. 99999999999999999999 or 5,000 levels). */
  raw?: string;
  body?: unknown;
  query?: Record<string, string>;
  /** Replaces every path parameter. */
  param?: string;
}

const NUL = 'a\u0000b';
const LONE = 'a\ud800b';

/** The hostile categories of issue 17, for one operation whose valid-shaped body is `base`. */
export function hostileCases(document: OpenApiDocument, operation: Operation, base: Record<string, unknown>): HostileCase[] {
  const cases: HostileCase[] = [];
  const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  if (operation.body || operation.method !== 'GET') {
    cases.push({ label: 'body nested 5,000 deep', raw: `{"x":${deep(5_000)}}` });
    cases.push({ label: 'body nested 33 deep', raw: `{"x":${deep(33)}}` });
    cases.push({ label: 'prototype keys', raw: `{"__proto__":{"isHeadOffice":true},"constructor":{"prototype":{}}}` });
    cases.push({ label: 'not JSON', raw: '{"unterminated' });
    cases.push({ label: 'array body', body: [base] });
    cases.push({ label: 'unknown key', body: { ...base, notAField: 1 } });
  }
  // Text and nulls go into every field; the number and type cases take turns, to keep the run short.
  fieldsOf(document, operation.body).forEach((field, index) => {
    cases.push({ label: `null ${field.name}`, body: { ...base, [field.name]: null } });
    cases.push({ label: `NUL in ${field.name}`, body: { ...base, [field.name]: NUL } });
    cases.push({ label: `lone surrogate in ${field.name}`, body: { ...base, [field.name]: LONE } });
    const turn = index % 4;
    if (turn === 0) cases.push({ label: `huge number in ${field.name}`, raw: JSON.stringify({ ...base, [field.name]: 0 }).replace(`"${field.name}":0`, `"${field.name}":99999999999999999999`) });
    if (turn === 1) cases.push({ label: `1e308 in ${field.name}`, body: { ...base, [field.name]: 1e308 } });
    if (turn === 2) cases.push({ label: `2**63 in ${field.name}`, body: { ...base, [field.name]: 2 ** 63 } });
    if (turn === 3) cases.push({ label: `object in ${field.name}`, body: { ...base, [field.name]: { a: [1, { b: 'c' }] } } });
  });
  for (const query of operation.query) {
    for (const value of ['\u0000', '\ud800', '99999999999999999999', '-1', 'NaN']) cases.push({ label: `query ${query.name}=${JSON.stringify(value)}`, query: { [query.name]: value } });
  }
  if (operation.pathParams.length) {
    for (const value of ['\u0000', 'not-a-uuid', '00000000-0000-0000-0000-000000000000', '%E0%A4%A', 'ffffffff-ffff-ffff-ffff-ffffffffffff']) cases.push({ label: `path param ${JSON.stringify(value)}`, param: value });
  }
  return cases;
}
