import type { Principal } from './roles.js';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
    requestId?: string;
    idempotency?: { principalId: string; key: string; fingerprint: string };
  }
}
