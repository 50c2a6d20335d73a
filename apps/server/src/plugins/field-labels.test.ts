/**
 * A field error names its field by a label in the reader's language (`field.<name>` in the message
 * catalogues, see `translateFieldErrors`), never by the internal property name. This walks every
 * parameter and JSON body property of the OpenAPI document and asks for a label for each.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, FieldErrorCode, isMessageKey } from '@varde/contracts';
import { createTestDatabase, type TestDatabase } from '@varde/test-support/database';
import { createTestApp } from '../test/factories';
import type { Schema } from '../test/openapi-fields';
import { errorBody } from './errors';

let database: TestDatabase;
let app: FastifyInstance;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

type WalkedSchema = Schema & { allOf?: Schema[]; oneOf?: Schema[]; additionalProperties?: Schema | boolean };

/** The property names of a schema, at any depth (objects, array items, unions). */
function propertyNames(schema: WalkedSchema | undefined, out = new Set<string>()): Set<string> {
  if (!schema) return out;
  for (const branch of [...(schema.anyOf ?? []), ...(schema.allOf ?? []), ...(schema.oneOf ?? [])]) propertyNames(branch, out);
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    out.add(name);
    propertyNames(child, out);
  }
  propertyNames(schema.items, out);
  if (typeof schema.additionalProperties === 'object') propertyNames(schema.additionalProperties, out);
  return out;
}

describe('field labels', () => {
  it('has a label in the catalogues for every parameter and body field of the API', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string }[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
    };
    const names = new Set<string>();
    for (const methods of Object.values(doc.paths)) {
      for (const op of Object.values(methods)) {
        for (const p of op.parameters ?? []) if (p.name) names.add(p.name);
        propertyNames(op.requestBody?.content['application/json']?.schema, names);
      }
    }
    expect(names.size).toBeGreaterThan(20);
    expect([...names].filter((name) => !isMessageKey(`field.${name}`)).sort()).toEqual([]);
  });

  it('names a field it has no label for plainly, not by its internal name', () => {
    const [unlabelled, misspelt] = errorBody('nb', ErrorCode.validation, undefined, {}, [
      { path: 'scheme.calls.0.madeUpField', code: FieldErrorCode.required },
      { path: 'scheme.calss', code: FieldErrorCode.unknownProperty },
    ]).error.fields!;
    expect(unlabelled!.message).toBe('Feltet må fylles ut.');
    // A misspelt property in a scheme document is reported by the very name that was sent.
    expect(misspelt!.message).toContain('«calss»');
  });
});
