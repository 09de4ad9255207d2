import pg from 'pg';

// Why PostgreSQL refused an append, read from the constraint it names (never from the message).
export type AppendConflict =
  | { kind: 'expected_version'; actual: number | null } // the stream is not as expected (actual if known)
  | { kind: 'version_taken' } // a concurrent writer committed the same version first
  | { kind: 'event_id_taken' } // an event id is already stored
  | { kind: 'left_out' }; // the hot path left the row out (version taken or tip stale): ask the ordinary path

const UNIQUE_VIOLATION = '23505';

export function appendConflictOf(error: unknown): AppendConflict | null {
  if (!(error instanceof pg.DatabaseError)) return null;
  if (error.constraint === 'events_expected_version') return { kind: 'expected_version', actual: Number(error.detail) };
  if (error.code !== UNIQUE_VIOLATION) return null;
  if (error.constraint === 'events_stream_version_key') return { kind: 'version_taken' };
  if (error.constraint === 'events_event_id_key') return { kind: 'event_id_taken' };
  return null;
}
