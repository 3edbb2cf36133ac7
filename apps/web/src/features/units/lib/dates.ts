import dayjs, { type Dayjs } from 'dayjs';

/** DatePicker value → the API's 'YYYY-MM-DD' (undefined stays undefined so the schema names the missing field). */
export const toIsoDate = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);

export const fromIsoDate = (s: string | null | undefined): Dayjs | undefined => (s ? dayjs(s) : undefined);

/** These records tell what happened: no day after today can be picked. */
export const disableFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

export const currentYear = () => dayjs().year();
