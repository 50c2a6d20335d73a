import Fastify from 'fastify';
import { AjvCompiler } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import { describe, expect, it } from 'vitest';
import { lazySerializers, lazyValidators, type SerializerFactory, type ValidatorFactory } from './lazy-schema-compilers';

function counted() {
  const compiled: string[] = [];
  const validators: ValidatorFactory = (schemas, options) => {
    const compile = AjvCompiler()(schemas, options);
    return (route) => {
      compiled.push(`validator ${route.method} ${route.url} ${route.httpPart}`);
      return compile(route);
    };
  };
  const serializers: SerializerFactory = (schemas, options) => {
    const compile = SerializerSelector()(schemas, options);
    return (route) => {
      compiled.push(`serializer ${route.method} ${route.url} ${route.httpStatus}`);
      return compile(route);
    };
  };
  return { compiled, validators, serializers };
}

async function appWith(factories: ReturnType<typeof counted>) {
  const app = Fastify({
    ajv: { customOptions: { removeAdditional: true, coerceTypes: 'array', allErrors: true } },
    schemaController: { compilersFactory: { buildValidator: lazyValidators(factories.validators), buildSerializer: lazySerializers(factories.serializers) } },
  });
  app.post(
    '/items',
    {
      schema: {
        querystring: { type: 'object', properties: { n: { type: 'integer' } } },
        body: { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'], additionalProperties: false },
        response: {
          200: { type: 'object', properties: { a: { type: 'integer' }, n: { type: 'integer' }, keys: { type: 'array', items: { type: 'string' } } } },
        },
      },
    },
    async (request) => {
      const body = request.body as { a: number };
      return { a: body.a, n: (request.query as { n?: number }).n, keys: Object.keys(body), secret: 'not in the schema' };
    },
  );
  app.get('/other', { schema: { querystring: { type: 'object', properties: { q: { type: 'string' } } } } }, async () => ({ ok: true }));
  await app.ready();
  return app;
}

describe('lazy schema compilers', () => {
  it('compile nothing at start, then each route part once, when a request first needs it', async () => {
    const factories = counted();
    const app = await appWith(factories);
    expect(factories.compiled).toEqual([]);

    for (let i = 0; i < 2; i++) {
      const response = await app.inject({ method: 'POST', url: '/items?n=7', payload: { a: 1 } });
      expect(response.statusCode).toBe(200);
    }
    expect(factories.compiled.sort()).toEqual(['serializer POST /items 200', 'validator POST /items body', 'validator POST /items querystring']);
    await app.close();
  });

  it('validate, coerce, strip unknown properties and serialize as the eager compilers do', async () => {
    const app = await appWith(counted());
    const ok = await app.inject({ method: 'POST', url: '/items?n=7', payload: { a: 1, extra: true } });
    // Query coerced to a number, the unknown body property removed (Ajv changes the root value through schemaEnv),
    // and the response limited to its schema.
    expect(ok.json()).toEqual({ a: 1, n: 7, keys: ['a'] });

    const bad = await app.inject({ method: 'POST', url: '/items', payload: { a: 'one' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('body/a must be integer');

    const missing = await app.inject({ method: 'POST', url: '/items', payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/must have required property 'a'/);
    await app.close();
  });
});
