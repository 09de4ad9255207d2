// The projections this process keeps (and reads from): allProjections() from #read-models.
export const READ_MODEL_PROJECTIONS = Symbol('READ_MODEL_PROJECTIONS');
