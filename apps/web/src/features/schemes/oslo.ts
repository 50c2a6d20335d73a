/** Calendar dates in Norwegian time, the same on the server and in the browser. */
import { osloIsoDate } from '../../i18n/format-date';

/** `YYYY-MM-DD` of a moment, in Europe/Oslo (from numeric parts, not a locale's date pattern). */
export const osloDate = (iso: string | Date): string => osloIsoDate(iso);

/** `YYYY-MM` of a moment, in Europe/Oslo. */
export const osloMonth = (iso: string | Date) => osloDate(iso).slice(0, 7);
