import type { EventStore } from '#event-store';
import { auditTrailProjection } from './audit-trail/audit-trail.projection.js';
import { ProjectFolds } from './folding/project-folds.js';
import type { Projection } from './projection.js';
import { projectsListProjection } from './projects-list/projects-list.projection.js';
import { createWinLossProjection } from './win-loss/win-loss.projection.js';

// `folds`: pass one to size its cache or read its stats; by default each call makes its own.
// `bulkPendingRows`: rows per projection a rebuild's bulk load may hold back (PendingRows).
export type ProjectionDeps = { store: EventStore; folds?: ProjectFolds; bulkPendingRows?: number };

// Every read model the projector keeps, in the order they apply a batch. The projections that
// need project states share one ProjectFolds, so a batch is folded once.
export function allProjections({ store, folds, bulkPendingRows }: ProjectionDeps): Projection[] {
  const shared = folds ?? new ProjectFolds(store);
  return [projectsListProjection(shared, { bulkPendingRows }), auditTrailProjection(shared), createWinLossProjection({ bulkPendingRows })];
}
