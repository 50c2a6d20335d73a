/** Whether a value read from an address or an answer is one of a closed list's values (see `@varde/contracts/vocabulary`). */
export const isOneOf = <T extends string>(list: readonly T[], value: string | null | undefined): value is T =>
  value !== null && value !== undefined && (list as readonly string[]).includes(value);
