export class VersionConflictError extends Error {
  readonly code = 'VERSION_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: number | string,
    readonly actual: number, // 0 when the stream does not exist
  ) {
    super(`stream ${streamId}: expected version ${expected}, actual ${actual}`);
    this.name = 'VersionConflictError';
  }
}

// The same event ids were appended before with other content or at other positions.
export class IdempotencyConflictError extends Error {
  readonly code = 'EVENT_ID_REUSED';
  constructor(
    readonly streamId: string,
    readonly eventIds: string[],
  ) {
    super(`stream ${streamId}: event ids already stored with different content or position`);
    this.name = 'IdempotencyConflictError';
  }
}
