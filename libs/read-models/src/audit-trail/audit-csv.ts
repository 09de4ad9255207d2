import type { AuditEntry } from './audit-trail.queries.js';
import type { FieldChange } from './state-diff.js';

// Byte order mark: spreadsheets then read the file as UTF-8 (customer names are often not ASCII).
export const CSV_BOM = '\uFEFF';
const EOL = '\r\n'; // RFC 4180

export const AUDIT_CSV_COLUMNS = [
  'globalPosition', 'version', 'recordedAt', 'actor', 'requestId', 'eventType', 'summary', 'changes',
] as const;

// A cell a spreadsheet would run as a formula (= + - @, or a leading tab/CR that hides one) is
// prefixed with a quote, the OWASP advice for CSV injection.
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutralise(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly (string | number | null)[]): string {
  return cells.map(csvCell).join(',') + EOL;
}

function display(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'object' && 'amount' in value && 'currency' in value && Object.keys(value).length === 2) {
    return `${(value as { amount: string }).amount} ${(value as { currency: string }).currency}`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// One line per changed field inside the cell: `field: old → new`.
export function describeChanges(changes: readonly FieldChange[]): string {
  return changes.map((change) => `${change.field}: ${display(change.from)} → ${display(change.to)}`).join('\n');
}

export function auditCsvHeader(): string {
  return CSV_BOM + csvRow(AUDIT_CSV_COLUMNS);
}

export function auditCsvRow(entry: AuditEntry): string {
  return csvRow([
    entry.globalPosition,
    entry.version,
    entry.recordedAt,
    entry.actor,
    entry.requestId,
    entry.eventType,
    entry.summary,
    describeChanges(entry.changes),
  ]);
}
