// RFC 9457 problem documents. `code` is the stable machine-readable reason clients branch on.
export type FieldError = { field: string; message: string };

export type ProblemDocument = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `urn:bidledger:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

export class ProblemException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ProblemException';
  }

  toDocument(): ProblemDocument {
    return {
      type: problemType(this.code),
      title: this.title,
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...this.extensions,
    };
  }
}
