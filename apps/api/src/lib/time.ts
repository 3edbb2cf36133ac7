/** A stored UTC timestamp as users read it: Beijing time, 'YYYY-MM-DD HH:mm'. */
export function chinaTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
