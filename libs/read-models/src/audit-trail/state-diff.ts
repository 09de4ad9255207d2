// Field-by-field differences between two JSON values (project states), as readable paths:
// `screening.capabilityFit`, `stakeholders[<id>].influence`, `contract.currentValue`.
export type FieldChange = { field: string; from: unknown; to: unknown };

// Array items are matched by these keys, so a change names the item rather than its index.
const ITEM_KEYS: Record<string, string> = {
  stakeholders: 'stakeholderId',
  competitors: 'name',
  quotations: 'quotationId',
  revisions: 'number',
  lines: 'code',
  negotiationRounds: 'round',
  amendments: 'number',
  milestones: 'milestoneId',
  members: 'name',
  partners: 'name',
  bids: 'competitor',
};

type JsonObject = Record<string, unknown>;
type Options = { skipTop: ReadonlySet<string>; prune: ReadonlySet<string> };

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
function isMoney(value: unknown): boolean {
  if (!isObject(value) || typeof value.amount !== 'string' || typeof value.currency !== 'string') return false;
  let keys = 0;
  for (const _ in value) keys++; // counted rather than Object.keys: no array per object compared
  return keys === 2;
}
const isAbsent = (value: unknown): boolean => value === undefined || value === null || (Array.isArray(value) && value.length === 0);
// Objects are opened up field by field; money stays one value ("125000.00 CNY" reads as one thing).
const isExpandable = (value: unknown): boolean => value === undefined || value === null || (isObject(value) && !isMoney(value));

export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isAbsent(a) && isAbsent(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  if (!isObject(a) || !isObject(b)) return false;
  for (const key in a) if (!sameJson(a[key], b[key])) return false;
  for (const key in b) if (!(key in a) && !isAbsent(b[key])) return false;
  return true;
}

const NO_ITEMS: ReadonlyMap<string, unknown> = new Map();

function keyedItems(items: unknown, key: string): ReadonlyMap<string, unknown> | null {
  if (isAbsent(items)) return NO_ITEMS;
  if (!Array.isArray(items)) return null;
  const byKey = new Map<string, unknown>();
  for (const item of items) {
    if (!isObject(item) || item[key] === undefined) return null;
    byKey.set(String(item[key]), item);
  }
  return byKey;
}

// States from `evolve` share every unchanged subtree, so `===` skips most of the walk.
function diffInto(path: string, name: string, from: unknown, to: unknown, out: FieldChange[], options: Options): void {
  if (from === to || (options.prune.size > 0 && options.prune.has(path))) return;
  if (isExpandable(from) && isExpandable(to)) {
    const before = (from ?? {}) as JsonObject;
    const after = (to ?? {}) as JsonObject;
    const top = path === '';
    let shared = 0; // keys of `before` that `after` has too
    for (const key in before) {
      const previous = before[key];
      const next = after[key];
      if (next !== undefined || key in after) shared++;
      // Unchanged (shared) fields cost one comparison: no path is built for them.
      if (previous !== next && !(top && options.skipTop.has(key))) diffInto(top ? key : `${path}.${key}`, key, previous, next, out, options);
    }
    // Keys only `after` has: counting its keys is cheaper than asking `before` for each.
    let keys = 0;
    for (const _ in after) keys++;
    if (keys > shared) {
      for (const key in after) {
        if (!(key in before) && !(top && options.skipTop.has(key))) diffInto(top ? key : `${path}.${key}`, key, undefined, after[key], out, options);
      }
    }
    return;
  }
  const itemKey = ITEM_KEYS[name];
  const before = itemKey ? keyedItems(from, itemKey) : null;
  const after = itemKey ? keyedItems(to, itemKey) : null;
  if (before && after) {
    for (const [id, item] of before) diffInto(`${path}[${id}]`, '', item, after.get(id), out, options);
    for (const [id, item] of after) if (!before.has(id)) diffInto(`${path}[${id}]`, '', undefined, item, out, options);
    return;
  }
  if (!sameJson(from, to)) out.push({ field: path, from: from ?? null, to: to ?? null });
}

// `skipTop`: top-level fields left out (derived or bookkeeping); `prune`: paths not descended
// into (the caller describes them its own way).
const NONE: ReadonlySet<string> = new Set();

export function diffStates(from: unknown, to: unknown, skipTop: ReadonlySet<string> = NONE, prune: ReadonlySet<string> = NONE): FieldChange[] {
  const out: FieldChange[] = [];
  diffInto('', '', from, to, out, { skipTop, prune });
  return out;
}
