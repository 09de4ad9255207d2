import { DomainError } from '../../errors/domain-error.js';
import { money, parseCurrency } from '../../money/money.js';
import { Decimal } from '../../money/decimal.js';
import { priceLines } from '../../quotation/quotation-line.js';
import { computeRevisionTotals } from '../../quotation/quotation-totals.js';
import { requireInteger, requireText } from '../../shared/validation.js';
import { projectEvent } from '../event-schema.js';
import { findQuotation } from '../project.state.js';
import type { Project, Quotation, QuotationRevision } from '../project.state.js';
import type { HandlerMap } from './handler.js';

// After signing, the contract changes only by amendments, so its quotation basis is frozen.
function assertNoContract(project: Project): void {
  if (project.contract) {
    throw new DomainError('CONTRACT_ALREADY_SIGNED', 'quotations cannot change once the contract is signed', {
      quotationId: project.contract.quotationId,
      revision: project.contract.revision,
    });
  }
}

export function requireQuotation(project: Project, quotationId: unknown): Quotation {
  const id = requireText(quotationId, 'quotationId');
  const quotation = findQuotation(project, id);
  if (!quotation) throw new DomainError('QUOTATION_NOT_FOUND', `quotation ${id} not found`, { quotationId: id });
  return quotation;
}

export function requireActiveQuotation(project: Project, quotationId: unknown): Quotation {
  const quotation = requireQuotation(project, quotationId);
  if (quotation.status === 'withdrawn') {
    throw new DomainError('QUOTATION_WITHDRAWN', `quotation ${quotation.quotationId} was withdrawn`, {
      quotationId: quotation.quotationId,
    });
  }
  return quotation;
}

export function requireRevision(quotation: Quotation, revision: unknown): QuotationRevision {
  const number = requireInteger(revision, 'revision', 1);
  const found = quotation.revisions.find((candidate) => candidate.number === number);
  if (!found) {
    throw new DomainError('REVISION_NOT_FOUND', `revision ${number} of quotation ${quotation.quotationId} not found`, {
      quotationId: quotation.quotationId,
      revision: number,
    });
  }
  return found;
}

function draftedRevision(quotationId: string, revision: number, reason: string, lines: unknown, draftedAt: string) {
  const priced = priceLines(lines);
  return projectEvent('QuotationRevisionDrafted', {
    quotationId,
    revision,
    reason,
    lines: priced,
    totals: computeRevisionTotals(priced),
    draftedAt,
  });
}

export const quotationHandlers: HandlerMap<
  'CreateQuotation' | 'DraftQuotationRevision' | 'SubmitQuotationRevision' | 'WithdrawQuotation'
> = {
  CreateQuotation: ({ data, metadata }, project) => {
    assertNoContract(project);
    const quotationId = requireText(data.quotationId, 'quotationId');
    if (findQuotation(project, quotationId)) {
      throw new DomainError('QUOTATION_ALREADY_EXISTS', `quotation ${quotationId} already exists`, { quotationId });
    }
    const created = projectEvent('QuotationCreated', {
      quotationId,
      title: requireText(data.title, 'title'),
      currency: parseCurrency(data.currency),
      technicalApproach: requireText(data.technicalApproach, 'technicalApproach'),
      createdAt: metadata.now,
    });
    const reason = requireText(data.reason, 'reason');
    return [created, draftedRevision(quotationId, 1, reason, data.lines, metadata.now)];
  },

  DraftQuotationRevision: ({ data, metadata }, project) => {
    const quotation = requireActiveQuotation(project, data.quotationId);
    assertNoContract(project);
    const reason = requireText(data.reason, 'reason');
    const number = Math.max(0, ...quotation.revisions.map((revision) => revision.number)) + 1;
    return [draftedRevision(quotation.quotationId, number, reason, data.lines, metadata.now)];
  },

  // A submitted revision is the bid as sent: frozen forever; changes need a new revision.
  SubmitQuotationRevision: ({ data, metadata }, project) => {
    const quotation = requireActiveQuotation(project, data.quotationId);
    const revision = requireRevision(quotation, data.revision);
    if (revision.status === 'submitted') {
      throw new DomainError('REVISION_ALREADY_SUBMITTED', `revision ${revision.number} was already submitted`, {
        quotationId: quotation.quotationId,
        revision: revision.number,
        submittedAt: revision.submittedAt,
      });
    }
    assertNoContract(project);
    return [
      projectEvent('QuotationRevisionSubmitted', {
        quotationId: quotation.quotationId,
        revision: revision.number,
        total: money(Decimal.of(revision.totals.total), quotation.currency),
        submittedAt: metadata.now,
      }),
    ];
  },

  WithdrawQuotation: ({ data, metadata }, project) => {
    const quotation = requireQuotation(project, data.quotationId);
    if (quotation.status === 'withdrawn') return [];
    assertNoContract(project);
    const reason = requireText(data.reason, 'reason');
    return [projectEvent('QuotationWithdrawn', { quotationId: quotation.quotationId, reason, withdrawnAt: metadata.now })];
  },
};
