/**
 * Route schemas compiled on first use instead of at start (docs/decisions/008-compiled-server-build.md).
 *
 * Fastify compiles every route's validators (Ajv) and response serializers (fast-json-stringify) while
 * the app starts: about a fifth of a start on an existing data directory, for routes most of which
 * no early request uses. These factories wrap Fastify's own compilers so that each route's validator
 * or serializer is compiled the first time a request needs it, then kept. Requests see the same
 * validation, coercion and output; a schema that does not compile fails that route's requests (500)
 * instead of the start, and the tests that call every route find it.
 */
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
export type ValidatorFactory = NonNullable<CompilersFactory['buildValidator']>;
export type SerializerFactory = NonNullable<CompilersFactory['buildSerializer']>;

/** An Ajv validator as Fastify calls it: `errors` after a failed call, `schemaEnv` when Ajv may change the root value. */
type Validator = ((data: unknown, context?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };

export function lazyValidators(factory: ValidatorFactory): ValidatorFactory {
  return (externalSchemas, options) => {
    const compiler = factory(externalSchemas, options);
    return (route) => {
      let compiled: Validator | undefined;
      const get = () => (compiled ??= compiler(route) as Validator);
      const validate = ((data: unknown, context?: unknown) => (context === undefined ? get()(data) : get()(data, context))) as Validator;
      Object.defineProperties(validate, {
        errors: { get: () => get().errors },
        schemaEnv: { get: () => get().schemaEnv },
      });
      return validate as ReturnType<typeof compiler>;
    };
  };
}

export function lazySerializers(factory: SerializerFactory): SerializerFactory {
  return (externalSchemas, options) => {
    const compiler = factory(externalSchemas, options);
    return (route) => {
      let compiled: ((data: unknown) => string) | undefined;
      return (data: unknown) => (compiled ??= compiler(route))(data);
    };
  };
}
