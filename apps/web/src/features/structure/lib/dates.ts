import dayjs, { type Dayjs } from 'dayjs';

/** DatePicker value → the API's 'YYYY-MM-DD' (undefined stays undefined so the schema names the missing field). */
export const toIsoDate = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);

/** Org dates are things that happened: no day after today can be picked. */
export const disableFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');
