import { fold, projectDecider } from '../../index.js';
import { deciderSpec } from '../../testing/decider-spec.js';
import { command, NOW, OTHER_QUOTATION_ID, QUOTATION_ID } from '../../testing/project-fixtures.js';
import { historyAt, play } from '../../testing/project-history.js';
import { projectEvent } from '../event-schema.js';
import type { Project } from '../project.state.js';

const spec = deciderSpec(projectDecider, expect);

const PRICED_LINES = [
  {
    code: 'A',
    description: 'Crane PLC retrofit',
    quantity: '2.00',
    unit: 'set',
    unitPrice: '250000.00',
    unitCost: '180000.00',
    lineTotal: '500000.00',
    lineCost: '360000.00',
  },
  {
    code: 'B',
    description: 'Installation',
    quantity: '1.00',
    unit: 'lot',
    unitPrice: '700000.00',
    unitCost: '560000.00',
    lineTotal: '700000.00',
    lineCost: '560000.00',
  },
];
const TOTALS = { total: '1200000.00', totalCost: '920000.00', margin: '280000.00', marginPercent: '23.33' };
const signed = () => play([command('SignContract')], historyAt('negotiation'));

describe('CreateQuotation', () => {
  it('creates the quotation with revision 1 as a priced draft', () => {
    spec
      .given(historyAt('preparation'))
      .when(command('CreateQuotation'))
      .then([
        projectEvent('QuotationCreated', {
          quotationId: QUOTATION_ID,
          title: 'Main bid',
          currency: 'CNY',
          technicalApproach: 'retrofit the existing cranes',
          createdAt: NOW,
        }),
        projectEvent('QuotationRevisionDrafted', {
          quotationId: QUOTATION_ID,
          revision: 1,
          reason: 'initial estimate',
          lines: PRICED_LINES,
          totals: TOTALS,
          draftedAt: NOW,
        }),
      ]);
  });

  it('lets several quotations live side by side', () => {
    const history = play([command('CreateQuotation', { quotationId: OTHER_QUOTATION_ID })], historyAt('quotation'));
    expect((fold(history) as Project).quotations.map((quotation) => quotation.quotationId)).toEqual([QUOTATION_ID, OTHER_QUOTATION_ID]);
  });

  it('refuses an id already used', () => {
    spec.given(historyAt('quotation')).when(command('CreateQuotation')).thenThrows('QUOTATION_ALREADY_EXISTS');
  });

  it('refuses once the contract is signed', () => {
    spec.given(signed())
      .when(command('CreateQuotation', { quotationId: OTHER_QUOTATION_ID }))
      .thenThrows('CONTRACT_ALREADY_SIGNED');
  });

  it.each([
    [{ currency: 'yuan' }, 'INVALID_CURRENCY'],
    [{ lines: [] }, 'QUOTATION_LINES_EMPTY'],
    [
      {
        lines: [
          { code: 'A', description: 'x', quantity: '1', unit: 'u', unitPrice: '1' },
          { code: 'A', description: 'y', quantity: '1', unit: 'u', unitPrice: '2' },
        ],
      },
      'QUOTATION_LINE_CODE_DUPLICATE',
    ],
    [{ lines: [{ code: 'A', description: 'x', quantity: '1', unit: 'u', unitPrice: '0.1e1' }] }, 'INVALID_DECIMAL'],
    [{ reason: '' }, 'INVALID_FIELD'],
    [{ title: '' }, 'INVALID_FIELD'],
  ])('refuses %j with %s', (overrides, code) => {
    spec.given(historyAt('preparation'))
      .when(command('CreateQuotation', { quotationId: OTHER_QUOTATION_ID, ...overrides }))
      .thenThrows(code);
  });
});

describe('DraftQuotationRevision', () => {
  const newLines = [{ code: 'A', description: 'Crane PLC retrofit', quantity: '2', unit: 'set', unitPrice: '240000' }];

  it('drafts the next revision with a reason', () => {
    spec
      .given(play([command('CreateQuotation')], historyAt('preparation')))
      .when(command('DraftQuotationRevision', { lines: newLines, reason: 'price round 1' }))
      .then([
        projectEvent('QuotationRevisionDrafted', {
          quotationId: QUOTATION_ID,
          revision: 2,
          reason: 'price round 1',
          lines: [{ ...newLines[0], quantity: '2.00', unitPrice: '240000.00', lineTotal: '480000.00' }],
          totals: { total: '480000.00' },
          draftedAt: NOW,
        }),
      ]);
  });

  it('keeps submitted revisions frozen while new ones are drafted', () => {
    const history = play([command('DraftQuotationRevision', { lines: newLines })], historyAt('negotiation'));
    const quotation = (fold(history) as Project).quotations[0];
    expect(quotation.revisions.map((revision) => [revision.number, revision.status, revision.totals.total])).toEqual([
      [1, 'submitted', '1200000.00'],
      [2, 'draft', '480000.00'],
    ]);
  });

  it.each([[{ reason: '' }], [{ reason: '   ' }], [{ reason: undefined }]])('needs a reason (%j)', (overrides) => {
    spec.given(historyAt('quotation')).when(command('DraftQuotationRevision', overrides)).thenThrows('INVALID_FIELD');
  });

  it('refuses an unknown quotation', () => {
    const error = spec
      .given(historyAt('quotation'))
      .when(command('DraftQuotationRevision', { quotationId: OTHER_QUOTATION_ID }))
      .thenThrows('QUOTATION_NOT_FOUND');
    expect(error).toMatchObject({ kind: 'not_found' });
  });

  it('refuses a withdrawn quotation', () => {
    spec
      .given(play([command('WithdrawQuotation')], historyAt('quotation')))
      .when(command('DraftQuotationRevision'))
      .thenThrows('QUOTATION_WITHDRAWN');
  });

  it('refuses once the contract is signed', () => {
    spec.given(signed()).when(command('DraftQuotationRevision')).thenThrows('CONTRACT_ALREADY_SIGNED');
  });
});

describe('SubmitQuotationRevision', () => {
  it('submits a draft as the bid', () => {
    spec
      .given(historyAt('quotation'))
      .when(command('SubmitQuotationRevision'))
      .then([
        projectEvent('QuotationRevisionSubmitted', {
          quotationId: QUOTATION_ID,
          revision: 1,
          total: { amount: '1200000.00', currency: 'CNY' },
          submittedAt: NOW,
        }),
      ]);
  });

  it('refuses a revision already submitted', () => {
    spec
      .given(historyAt('negotiation'))
      .when(command('SubmitQuotationRevision'))
      .thenThrows('REVISION_ALREADY_SUBMITTED', { quotationId: QUOTATION_ID, revision: 1 });
  });

  it('refuses an unknown revision', () => {
    const error = spec.given(historyAt('quotation')).when(command('SubmitQuotationRevision', { revision: 9 })).thenThrows('REVISION_NOT_FOUND');
    expect(error).toMatchObject({ kind: 'not_found' });
  });

  it('refuses an unknown quotation', () => {
    spec
      .given(historyAt('quotation'))
      .when(command('SubmitQuotationRevision', { quotationId: OTHER_QUOTATION_ID }))
      .thenThrows('QUOTATION_NOT_FOUND');
  });

  it('refuses a withdrawn quotation', () => {
    spec.given(play([command('WithdrawQuotation')], historyAt('quotation')))
      .when(command('SubmitQuotationRevision'))
      .thenThrows('QUOTATION_WITHDRAWN');
  });

  it('refuses a revision that is not a positive integer', () => {
    spec.given(historyAt('quotation')).when(command('SubmitQuotationRevision', { revision: '1' })).thenThrows('INVALID_FIELD');
  });

  it('refuses once the contract is signed', () => {
    const history = play([command('DraftQuotationRevision'), command('SignContract')], historyAt('negotiation'));
    spec.given(history).when(command('SubmitQuotationRevision', { revision: 2 })).thenThrows('CONTRACT_ALREADY_SIGNED');
  });
});

describe('WithdrawQuotation', () => {
  it('withdraws a quotation', () => {
    spec
      .given(historyAt('quotation'))
      .when(command('WithdrawQuotation'))
      .then([projectEvent('QuotationWithdrawn', { quotationId: QUOTATION_ID, reason: 'superseded by a joint bid', withdrawnAt: NOW })]);
  });

  it('is a no-op when already withdrawn', () => {
    spec.given(play([command('WithdrawQuotation')], historyAt('quotation'))).when(command('WithdrawQuotation')).thenNothing();
  });

  it('refuses an unknown quotation', () => {
    spec.given(historyAt('quotation'))
      .when(command('WithdrawQuotation', { quotationId: OTHER_QUOTATION_ID }))
      .thenThrows('QUOTATION_NOT_FOUND');
  });

  it('needs a reason', () => {
    spec.given(historyAt('quotation')).when(command('WithdrawQuotation', { reason: '' })).thenThrows('INVALID_FIELD');
  });

  it('refuses once the contract is signed', () => {
    spec.given(signed()).when(command('WithdrawQuotation')).thenThrows('CONTRACT_ALREADY_SIGNED');
  });
});
