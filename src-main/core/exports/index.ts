// Exports of schedules and runs as text (iCalendar, CSV). Pure and deterministic given `now`; saving the
// text (save dialog, download) belongs to the adapters.
export { buildIcs, icsUid, ICS_UID_DOMAIN, DEFAULT_EVENT_MS, MAX_ICS_EVENTS, type IcsExport, type IcsRequest, type IcsSource } from './ics';
export { auditCsv, csvCell, schedulesCsv, toCsv, upcomingRunsCsv, MAX_CSV_ROWS, type CsvValue, type ScheduleCsvRow, type UpcomingRunsRequest } from './csv';
export type { ExportSource } from './source';
