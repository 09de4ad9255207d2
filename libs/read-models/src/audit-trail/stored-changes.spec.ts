import { fromStoredChanges, toStoredChanges } from './stored-changes.js';

describe('stored audit-trail changes', () => {
  const changes = [
    { field: 'stage', from: 'search', to: 'preparation' },
    { field: 'contract.currentValue', from: { amount: '1200000.00', currency: 'CNY' }, to: { amount: '1250000.00', currency: 'CNY' } },
    { field: 'screening', from: null, to: null },
  ];

  it('are [field, from, to] triples, and read back as the changes they came from', () => {
    const stored = JSON.parse(JSON.stringify(toStoredChanges(changes)));
    expect(stored[0]).toEqual(['stage', 'search', 'preparation']);
    expect(fromStoredChanges(stored)).toEqual(changes);
  });

  it('reads rows written as {field, from, to} objects before the format changed', () => {
    expect(fromStoredChanges(JSON.parse(JSON.stringify(changes)))).toEqual(changes);
    expect(fromStoredChanges([changes[0]!, ['stage', 'preparation', 'quotation']])).toEqual([changes[0], { field: 'stage', from: 'preparation', to: 'quotation' }]);
  });
});
