// Time labels in a given zone, with one cached Intl formatter per (zone, style).
const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string, style: 'time' | 'dateTime' | 'axisDay' | 'axisHour'): Intl.DateTimeFormat {
  const id = `${zone}|${style}`;
  let f = formats.get(id);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      style === 'time'
        ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : style === 'axisHour'
          ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short' }
          : style === 'axisDay'
            ? { month: 'short', day: 'numeric' }
            : { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
    f = new Intl.DateTimeFormat('en-US', { ...opts, timeZone: zone });
    formats.set(id, f);
  }
  return f;
}

/** '04:00' */
export function formatTime(at: Date, zone: string): string {
  return format(zone, 'time').format(at);
}

/** 'Tue, Mar 14, 2027, 04:00 UTC' */
export function formatDateTime(at: Date, zone: string): string {
  return format(zone, 'dateTime').format(at);
}

/** Axis labels of the timeline: 'Mar 14' or 'Tue 06:00'. */
export function formatAxis(at: Date, zone: string, withHour: boolean): string {
  return format(zone, withHour ? 'axisHour' : 'axisDay').format(at);
}
