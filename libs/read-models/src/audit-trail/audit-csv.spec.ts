import { auditCsvHeader, auditCsvRow, csvCell, csvRow, describeChanges } from './audit-csv.js';
import type { AuditEntry } from './audit-trail.queries.js';

describe('audit trail CSV', () => {
  it('quotes per RFC 4180: commas, quotes, line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "yes"')).toBe('"say ""yes"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvRow(['a', 'b,c'])).toBe('a,"b,c"\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('starts with a UTF-8 BOM and a header row', () => {
    expect(auditCsvHeader()).toBe('\uFEFFglobalPosition,version,recordedAt,actor,requestId,eventType,summary,changes\r\n');
  });

  it('writes an entry with its changes one per line inside the cell', () => {
    const entry: AuditEntry = {
      globalPosition: 7, version: 3, recordedAt: '2026-01-02T09:00:00.000Z', occurredAt: null, actor: '=cmd|calc', requestId: 'r-1',
      eventId: 'e', eventType: 'ContractAmended', summary: 'Contract "A", amended',
      changes: [
        { field: 'contract.currentValue', from: { amount: '1.00', currency: 'CNY' }, to: { amount: '2.00', currency: 'CNY' } },
        { field: 'contract.amendments[1].scope', from: null, to: '宁波港 extra crane' },
      ],
    };
    expect(describeChanges(entry.changes)).toBe('contract.currentValue: 1.00 CNY → 2.00 CNY\ncontract.amendments[1].scope: ∅ → 宁波港 extra crane');
    expect(auditCsvRow(entry)).toBe(
      `7,3,2026-01-02T09:00:00.000Z,'=cmd|calc,r-1,ContractAmended,"Contract ""A"", amended","contract.currentValue: 1.00 CNY → 2.00 CNY\ncontract.amendments[1].scope: ∅ → 宁波港 extra crane"\r\n`,
    );
  });
});
