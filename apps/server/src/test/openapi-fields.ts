/** Walking the OpenAPI document's schemas: which fields take strings, valid example values, setting a field. */
export interface Schema {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
  minLength?: number;
  minimum?: number;
}
export interface Operation {
  method: string;
  path: string;
  parameters: { in: 'path' | 'query'; name: string; schema: Schema }[];
  body?: Schema;
}
export type FieldPath = (string | number)[];

/** Paths of every property that takes a string: plain text, formats, patterns and enums alike. */
export function stringFields(schema: Schema, path: FieldPath = []): FieldPath[] {
  const branches = schema.anyOf ?? [schema];
  const out: FieldPath[] = [];
  if (branches.some((b) => b.type === 'string' || b.enum?.some((v) => typeof v === 'string') || typeof b.const === 'string')) out.push(path);
  for (const b of branches) {
    if (b.type === 'object') for (const [key, child] of Object.entries(b.properties ?? {})) out.push(...stringFields(child, [...path, key]));
    if (b.type === 'array' && b.items) out.push(...stringFields(b.items, [...path, 0]));
  }
  return out;
}

/** Free text: a string without format, pattern or enum, which the schema passes on to the service. */
export const isFreeText = (schema: Schema) =>
  (schema.anyOf ?? [schema]).some((b) => b.type === 'string' && !b.format && !b.pattern && !b.enum && b.const === undefined);

/**
 * The scheme document's free text that any string may fill: all of it but `sourceIds`, which must
 * name one of the scheme's sources.
 */
export const isSchemeText = (schema: Schema, path: FieldPath) => path[0] === 'scheme' && isFreeText(schema) && !path.includes('sourceIds');

/** A valid value for a schema, for the bodies the test does not spell out. */
export function example(schema: Schema): unknown {
  const branch = schema.anyOf?.find((b) => b.type !== 'null') ?? schema;
  if (branch.enum) return branch.enum[0];
  if (branch.const !== undefined) return branch.const;
  switch (branch.type) {
    case 'object':
      return Object.fromEntries(Object.entries(branch.properties ?? {}).map(([k, v]) => [k, example(v)]));
    case 'array':
      return branch.items ? [example(branch.items)] : [];
    case 'integer':
    case 'number':
      return branch.minimum ?? 1;
    case 'boolean':
      return false;
    case 'string':
      if (branch.format === 'email') return 'naughty@example.org';
      if (branch.format === 'uri') return 'https://example.org/';
      if (branch.format === 'date-time') return '2027-01-01T12:00:00+01:00';
      if (branch.format === 'date') return '2026-01-01';
      if (branch.pattern === '^[0-9]{2}$') return '50';
      if (branch.pattern?.includes('[0-9]{4}')) return '5033';
      if (branch.pattern) return 'naughty';
      return 'x'.repeat(Math.max(branch.minLength ?? 1, 1));
    default:
      return null;
  }
}

export function has(target: unknown, path: FieldPath): boolean {
  let current = target;
  for (const step of path) {
    if (current === null || typeof current !== 'object' || !(step in current)) return false;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current !== null && typeof current === 'object';
}

export function setAt(target: unknown, path: FieldPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const container = (target ?? (typeof head === 'number' ? [] : {})) as Record<string | number, unknown>;
  container[head!] = setAt(container[head!], rest, value);
  return container;
}

/** Percent-encoding as a careless client does it: a lone surrogate becomes its three (invalid) UTF-8 bytes. */
export function encode(text: string): string {
  let out = '';
  for (const char of text) {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}
