import dayjs from 'dayjs';

/** API dates are ISO 'YYYY-MM-DD'; empty values show as a dash. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD') : value;
}

/** Whole years between an ISO date and today. */
export function yearsSince(value: string, today = dayjs()): number {
  return today.diff(dayjs(value), 'year');
}

/** True when the ISO date lies strictly before today. */
export function isPast(value: string, today = dayjs()): boolean {
  return dayjs(value).isBefore(today, 'day');
}
