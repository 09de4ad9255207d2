import { DomainError, invalidField } from '../../errors/domain-error.js';
import { Decimal } from '../../money/decimal.js';
import { addMoney, amountOf, assertSameCurrency, parseMoney } from '../../money/money.js';
import { optionalDate, requireDate, requireInstant, requireInteger, requireOneOf, requireText } from '../../shared/validation.js';
import { projectEvent } from '../event-schema.js';
import type { Contract, Project } from '../project.state.js';
import { AMENDMENT_KINDS } from '../project.vocabulary.js';
import type { HandlerMap } from './handler.js';
import { requireActiveQuotation } from './quotation.decide.js';

export function requireContract(project: Project): Contract {
  if (!project.contract) throw new DomainError('CONTRACT_NOT_SIGNED', 'no contract has been signed');
  return project.contract;
}

function assertEndNotBeforeStart(startDate: string, endDate: string, field: string): void {
  // YYYY-MM-DD strings compare in date order
  if (endDate < startDate) {
    throw new DomainError('CONTRACT_DATES_INVALID', `${field} ${endDate} is before the start date ${startDate}`, {
      field,
      startDate,
      endDate,
    });
  }
}

function parsePercent(value: unknown, field: string): string {
  const percent = Decimal.parse(value, field);
  if (percent.isNegative() || percent.compare(Decimal.HUNDRED) > 0) throw invalidField(field, 'must be between 0 and 100');
  return percent.toString();
}

export const contractHandlers: HandlerMap<'SignContract' | 'AmendContract'> = {
  SignContract: ({ data, metadata }, project) => {
    if (project.contract) {
      throw new DomainError('CONTRACT_ALREADY_SIGNED', 'the contract was already signed', {
        signedAt: project.contract.signedAt,
      });
    }
    const quotation = requireActiveQuotation(project, data.quotationId);
    const revision = requireInteger(data.revision, 'revision', 1);
    const signed = quotation.revisions.find((candidate) => candidate.number === revision);
    if (!signed) {
      throw new DomainError('REVISION_NOT_FOUND', `revision ${revision} of quotation ${quotation.quotationId} not found`, {
        quotationId: quotation.quotationId,
        revision,
      });
    }
    if (signed.status !== 'submitted') {
      throw new DomainError('CONTRACT_REVISION_NOT_SUBMITTED', `revision ${revision} was never submitted`, {
        quotationId: quotation.quotationId,
        revision,
      });
    }
    const value = parseMoney(data.value, 'value');
    assertSameCurrency(quotation.currency, value.currency, 'value.currency');
    const startDate = requireDate(data.startDate, 'startDate');
    const endDate = requireDate(data.endDate, 'endDate');
    assertEndNotBeforeStart(startDate, endDate, 'endDate');

    return [
      projectEvent('ContractSigned', {
        quotationId: quotation.quotationId,
        revision,
        value,
        signedAt: requireInstant(data.signedAt, 'signedAt'),
        startDate,
        endDate,
        retentionPercent: parsePercent(data.retentionPercent, 'retentionPercent'),
        paymentTerms: requireText(data.paymentTerms, 'paymentTerms'),
        recordedAt: metadata.now,
      }),
    ];
  },

  // Numbered, append-only changes; a `correction` fixes a recording error, an `amendment` is a legal change.
  AmendContract: ({ data, metadata }, project) => {
    const contract = requireContract(project);
    const kind = requireOneOf(data.kind, 'kind', AMENDMENT_KINDS);
    const valueDelta = parseMoney(data.valueDelta, 'valueDelta', { allowNegative: true });
    assertSameCurrency(contract.currentValue.currency, valueDelta.currency, 'valueDelta.currency');
    const newEndDate = optionalDate(data.newEndDate, 'newEndDate');
    if (newEndDate) assertEndNotBeforeStart(contract.startDate, newEndDate, 'newEndDate');
    const scope = requireText(data.scope, 'scope');
    const reason = requireText(data.reason, 'reason');

    const newValue = addMoney(contract.currentValue, valueDelta);
    if (amountOf(newValue).isNegative()) {
      throw new DomainError('CONTRACT_VALUE_NEGATIVE', `the amended contract value would be ${newValue.amount}`, {
        currentValue: contract.currentValue,
        valueDelta,
      });
    }
    return [
      projectEvent('ContractAmended', {
        number: contract.amendments.length + 1,
        kind,
        valueDelta,
        previousValue: contract.currentValue,
        newValue,
        ...(newEndDate ? { newEndDate, previousEndDate: contract.currentEndDate } : {}),
        scope,
        reason,
        amendedAt: metadata.now,
      }),
    ];
  },
};
