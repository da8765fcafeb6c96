/**
 * Fault injection for testing loaders: copies a valid year and breaks some
 * records, each in one known way, and lists every fault it made.
 *
 * Schema faults (see `schemaFaults.ts`) make the record fail
 * `Batch.decodeEntity`. Invariant faults (see `invariantFaults.ts`) keep the
 * record schema-valid but make `Invariants.check` report a given code for the
 * record's id. Every fault is verified before it is listed: each schema fault
 * is rejected by the schema, and each invariant fault is reported when the
 * year is checked without the schema-faulty records.
 *
 * @module
 */
import type { Catalogue } from "../Catalogue.js"
import type { Dataset, EntityName } from "../Dataset.js"
import { entityNames } from "../Dataset.js"
import { check, type ViolationCode } from "../Invariants.js"
import type * as Policy from "../Policy.js"
import { invariantPlanners, faultKey as key, makeIndex } from "./invariantFaults.js"
import { Random } from "./random.js"
import { type Rec, rejects, schemaFaults } from "./schemaFaults.js"

/**
 * One injected fault: the record (entity, index in its array and id before the
 * fault), whether it breaks the schema or an invariant, the violation code an
 * invariant fault makes `Invariants.check` report for `id`, and what was done.
 *
 * Use the list to assert that a loader rejects exactly the schema faults and
 * that a data-quality report finds every invariant fault.
 * @example
 * const fault: InjectedFault = { entity: "enrollments", index: 12, id: "n-2024-00013", kind: "invariant", code: "too-many-extensions", description: "…" }
 * @category models
 */
export interface InjectedFault {
  readonly entity: EntityName
  readonly index: number
  readonly id: string
  readonly kind: "schema" | "invariant"
  readonly code?: ViolationCode
  readonly description: string
}

/**
 * Records per entity as plain objects, plus the year: what a loader reads.
 * @category models
 */
export type FaultyRecords = Record<EntityName, Array<unknown>> & { year: number }

/** Share of faulty records that get an invariant fault when one applies. */
const invariantShare = 0.5

/** Weights for choosing among the invariant faults that apply to a record. */
const preference: Partial<Record<ViolationCode, number>> = {
  "too-many-extensions": 12,
  "completed-without-goal-evaluation": 8,
  // policy-literal-ok: a weight of the fault injector, not a limit
  "period-longer-than-limit": 4,
  "treatment-referral-missing": 3,
  "department-group-foreign-citizen": 3,
  "enrollment-after-transition": 1,
}

/**
 * Copies `data` and breaks each record with probability `faultRate`, listing
 * every fault. With rate 0 the records equal the input.
 * @example
 * injectFaults(generate({ policy, seed: 1 }), 0.05, 1, Catalogue.sandnes(), policy)
 * @category constructors
 */
export const injectFaults = (
  data: Dataset,
  faultRate: number,
  seed: number,
  catalogue: Catalogue,
  policy: Policy.Policy,
): { records: FaultyRecords; faults: Array<InjectedFault> } => {
  const records = { year: data.year } as FaultyRecords
  for (const entity of entityNames) records[entity] = structuredClone(data[entity]) as Array<unknown>
  if (faultRate <= 0) return { records, faults: [] }

  const random = new Random(seed, "faults")
  const ix = makeIndex(data, catalogue, policy)
  const faulted = new Set<string>()
  const guarded = new Set<string>()
  const faults: Array<InjectedFault> = []
  const originals = new Map<string, unknown>()

  for (const entity of entityNames) {
    const list = records[entity]
    for (let index = 0; index < list.length; index++) {
      if (!random.chance(faultRate)) continue
      const k = key(entity, index)
      if (guarded.has(k)) continue
      const original = list[index] as Rec
      const id = typeof original.id === "string" ? original.id : String(index)

      const planners = invariantPlanners[entity] ?? []
      if (planners.length > 0 && random.chance(invariantShare)) {
        let done = false
        // Rare, specific faults (an extended enrollment, an unevaluated treatment) are preferred over broad ones.
        const plans = planners.flatMap((planner) => {
          const plan = planner(ix, index, random, faulted)
          return plan === undefined || plan.deps.some((d) => faulted.has(d)) ? [] : [plan]
        })
        while (plans.length > 0) {
          const plan = random.weighted(plans.map((x) => [x, preference[x.code] ?? 1] as const))
          plans.splice(plans.indexOf(plan), 1)
          const rec = structuredClone(original)
          const description = plan.apply(rec)
          if (rejects(entity, rec)) continue
          list[index] = rec
          originals.set(k, original)
          faulted.add(k)
          for (const d of plan.deps) guarded.add(d)
          faults.push({ entity, index, id, kind: "invariant", code: plan.code, description })
          done = true
          break
        }
        if (done) continue
      }

      for (const fault of random.shuffle(schemaFaults)) {
        const rec = structuredClone(original)
        const description = fault.apply(entity, rec, random)
        if (description === undefined || !rejects(entity, rec)) continue
        list[index] = rec
        originals.set(k, original)
        faulted.add(k)
        faults.push({ entity, index, id, kind: "schema", description: `${fault.name}: ${description}` })
        break
      }
    }
  }

  // Keep only invariant faults the invariants actually report; undo the rest.
  for (let round = 0; round < 5; round++) {
    const schemaFaulty = new Set(faults.filter((f) => f.kind === "schema").map((f) => key(f.entity, f.index)))
    const view = { year: data.year } as Record<string, unknown>
    for (const entity of entityNames) view[entity] = records[entity].filter((_, i) => !schemaFaulty.has(key(entity, i)))
    const reported = new Set(check(view as unknown as Dataset, { policy }).map((v) => `${v.code}|${v.recordId ?? ""}`))
    const missing = faults.filter((f) => f.kind === "invariant" && !reported.has(`${f.code}|${f.id}`))
    if (missing.length === 0) break
    for (const f of missing) {
      records[f.entity][f.index] = originals.get(key(f.entity, f.index))
      faults.splice(faults.indexOf(f), 1)
    }
  }
  return { records, faults }
}
