/** Calendar dates in Norwegian time, the same on the server and in the browser. */
const osloDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `YYYY-MM-DD` of a moment, in Europe/Oslo. */
export function osloDate(iso: string | Date): string {
  return osloDay.format(typeof iso === 'string' ? new Date(iso) : iso);
}

/** `YYYY-MM` of a moment, in Europe/Oslo. */
export const osloMonth = (iso: string | Date) => osloDate(iso).slice(0, 7);
