// Record ids must be unique within an entity. Two enrollments under one id
// would otherwise share their extensions and sessions, and surface downstream
// as wrong violations ("too many extensions") instead of the real problem.
import { type Dataset, type EntityName, entityNames } from "../Dataset.js"
import type { Context } from "./context.js"
import { violation } from "./context.js"
import type { Violation } from "./Violation.js"

const idOf = (record: unknown): string | undefined => {
  if (typeof record !== "object" || record === null || !Object.hasOwn(record, "id")) return undefined
  const id = (record as { readonly id: unknown }).id
  return typeof id === "string" ? id : undefined
}

/** Per entity, the ids that more than one record uses, with the indexes of those records. */
export const duplicateIds = (data: Dataset): Map<EntityName, Map<string, Array<number>>> => {
  const out = new Map<EntityName, Map<string, Array<number>>>()
  for (const entity of entityNames) {
    const seen = new Map<string, Array<number>>()
    const records = data[entity] as ReadonlyArray<unknown>
    records.forEach((r, i) => {
      const id = idOf(r)
      if (id === undefined) return
      const at = seen.get(id)
      if (at === undefined) seen.set(id, [i])
      else at.push(i)
    })
    const dups = new Map([...seen].filter(([, at]) => at.length > 1))
    if (dups.size > 0) out.set(entity, dups)
  }
  return out
}

/** The dataset without the records whose id is not unique: the other invariants cannot tell them apart. */
export const withoutDuplicates = (data: Dataset, dups: Map<EntityName, Map<string, Array<number>>>): Dataset => {
  if (dups.size === 0) return data
  const copy: Record<string, unknown> = { ...data }
  for (const [entity, ids] of dups) {
    copy[entity] = (data[entity] as ReadonlyArray<unknown>).filter((r) => {
      const id = idOf(r)
      return id === undefined || !ids.has(id)
    })
  }
  return copy as Dataset
}

/** Integrity: every record's id is unique within its entity. */
export const idsAreUnique = (ctx: Context): Array<Violation> => {
  const out: Array<Violation> = []
  // check() has found them already; a caller of checkOne may not have.
  for (const [entity, ids] of ctx.duplicates ?? duplicateIds(ctx.data)) {
    for (const [id, at] of ids) {
      const where = at.map((i) => i + 1).join(", ")
      for (const i of at) {
        out.push(
          violation("duplicate-id", `${entity}[${i}].id`, id, {
            en: `The id "${id}" is used by ${at.length} records of ${entity} (records ${where}); other checks skip them until the id is unique`,
            nb: `Id-en «${id}» brukes av ${at.length} poster i ${entity} (post ${where}); de andre kontrollene hopper over dem til id-en er unik`,
          }),
        )
      }
    }
  }
  return out
}
