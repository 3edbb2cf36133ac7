import dayjs from 'dayjs';

/** ISO timestamps from the API, shown in the user's local time to the minute (or second). */
export function formatDateTime(value: string | null | undefined, withSeconds = false): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') : value;
}
