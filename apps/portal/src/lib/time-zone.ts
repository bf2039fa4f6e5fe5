/**
 * "UTC+07:00" for Asia/Ho_Chi_Minh: the zone's offset at `at`, which differs
 * across the year in zones with daylight saving. null for an unknown zone name.
 */
export function utcOffsetLabel(timeZone: string, at: Date): string | null {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at);
    const name = parts.find((part) => part.type === 'timeZoneName')?.value;
    if (!name) return null;
    return name === 'GMT' ? 'UTC+00:00' : name.replace('GMT', 'UTC');
  } catch {
    return null;
  }
}
