import type { Project, Quotation } from '../project.state.js';
import type { EvolverMap } from './evolver.js';

function updateQuotation(project: Project, quotationId: string, update: (quotation: Quotation) => Quotation): Project {
  return {
    ...project,
    quotations: project.quotations.map((quotation) => (quotation.quotationId === quotationId ? update(quotation) : quotation)),
  };
}

export const quotationEvolvers: EvolverMap<
  | 'QuotationCreated'
  | 'QuotationRevisionDrafted'
  | 'QuotationRevisionSubmitted'
  | 'QuotationWithdrawn'
  | 'BidOpeningRecorded'
  | 'NegotiationRoundRecorded'
> = {
  QuotationCreated: (project, { data }) => ({
    ...project,
    quotations: [...project.quotations, { ...data, status: 'active', withdrawal: null, revisions: [] }],
  }),
  QuotationRevisionDrafted: (project, { data }) =>
    updateQuotation(project, data.quotationId, (quotation) => ({
      ...quotation,
      revisions: [
        ...quotation.revisions,
        {
          number: data.revision,
          status: 'draft',
          reason: data.reason,
          lines: data.lines,
          totals: data.totals,
          draftedAt: data.draftedAt,
          submittedAt: null,
        },
      ],
    })),
  QuotationRevisionSubmitted: (project, { data }) =>
    updateQuotation(project, data.quotationId, (quotation) => ({
      ...quotation,
      revisions: quotation.revisions.map((revision) =>
        revision.number === data.revision ? { ...revision, status: 'submitted', submittedAt: data.submittedAt } : revision,
      ),
    })),
  QuotationWithdrawn: (project, { data }) =>
    updateQuotation(project, data.quotationId, (quotation) => ({
      ...quotation,
      status: 'withdrawn',
      withdrawal: { reason: data.reason, withdrawnAt: data.withdrawnAt },
    })),
  BidOpeningRecorded: (project, { data }) => ({ ...project, bidOpening: { ...data } }),
  NegotiationRoundRecorded: (project, { data }) => ({
    ...project,
    negotiationRounds: [...project.negotiationRounds, { ...data }],
  }),
};
