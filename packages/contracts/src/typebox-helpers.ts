/** Small TypeBox builders shared by the contract's schema modules. */
import { Type, type TSchema } from 'typebox';

/** A string enum schema from one of the `as const` lists in `vocabulary.ts`. */
export const literalUnion = <T extends readonly [string, ...string[]]>(values: T) => Type.Enum<[...T]>([...values] as [...T]);

/** The schema or null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
