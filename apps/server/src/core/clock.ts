/**
 * The time services and the worker read. The app runs on the system clock; tests pass their own, so
 * that digests, reminders, retries and expiries can be checked at any instant without waiting.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
