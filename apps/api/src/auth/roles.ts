export const ROLES = ['admin', 'sales', 'estimator', 'contract_manager', 'delivery', 'erp', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export type Principal = { keyId: string; name: string; role: Role };

// Who may write what (every role reads everything; `admin` writes everything; `auditor` nothing).
export const WRITERS = {
  pursuit: ['sales', 'erp'],
  quotation: ['estimator', 'erp'],
  contract: ['contract_manager', 'erp'],
  delivery: ['delivery', 'erp'],
  stageTransition: ['sales', 'contract_manager', 'delivery', 'erp'],
  apiKeys: [],
} as const satisfies Record<string, readonly Role[]>;
