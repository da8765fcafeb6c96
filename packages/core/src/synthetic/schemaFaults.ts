/**
 * Schema faults: changes that make a record fail its entity schema — an
 * impossible date, an out-of-range number, an unknown literal, a missing
 * required field, an uppercase pseudonym or an excess field.
 *
 * @module
 */
import { decodeEntity } from "../Batch.js"
import type { EntityName } from "../Dataset.js"
import { isIsoDate } from "../IsoDate.js"
import type { Random } from "./random.js"

/** A record as a plain, mutable object. */
export type Rec = Record<string, unknown>

/**
 * True when `Batch.decodeEntity` rejects the record.
 * @example
 * rejects("citizens", { id: "X" }) // true
 * @category predicates
 */
export const rejects = (entity: EntityName, rec: unknown): boolean => decodeEntity(entity, [rec]).rejected.length === 1

const outOfRange: Partial<Record<EntityName, ReadonlyArray<readonly [string, ReadonlyArray<number>]>>> = {
  citizens: [["birthYear", [1850, 2150]]],
  sessions: [
    ["students", [-1, 101]],
    ["volunteers", [-2, 250]],
  ],
  fitScores: [["total", [41.5, -3]]],
  feedback: [["rating", [0, 6, 3.5]]],
  contributions: [["sharePercent", [120, -20]]],
  offerings: [["priceNok", [-100]]],
}

const unknownLiteral: Partial<Record<EntityName, ReadonlyArray<readonly [string, ReadonlyArray<string | number>]>>> = {
  citizens: [["pathway", [4, 0]]],
  staff: [["role", ["manager", "consultant"]]],
  enrollments: [["status", ["paused", "cancelled"]]],
  attendance: [["status", ["late", "excused"]]],
  goalEvaluations: [
    ["goalReached", ["maybe"]],
    ["decision", ["postponed"]],
  ],
  transitions: [["kind", ["gym", "school"]]],
  fitScores: [["instrument", ["CORS", "GAD-7"]]],
  feedback: [["source", ["anonymous", "relative"]]],
  proposals: [["category", ["leisure"]]],
  contributions: [["form", ["loan"]]],
  offerings: [["format", ["hybrid"]]],
}

const impossibleDates = ["02-30", "02-31", "04-31", "06-31", "13-01", "00-10", "11-31"] as const

/** One way to break a record's schema. */
export interface SchemaFault {
  readonly name: string
  /** Changes `rec` in place and describes the change, or returns undefined when the fault does not apply. */
  readonly apply: (entity: EntityName, rec: Rec, random: Random) => string | undefined
}

/**
 * Every kind of schema fault, tried in random order until one applies.
 * @example
 * schemaFaults.map((f) => f.name)
 * @category constructors
 */
export const schemaFaults: ReadonlyArray<SchemaFault> = [
  {
    name: "impossible-date",
    apply: (_entity, rec, random) => {
      const fields = Object.keys(rec).filter((k) => typeof rec[k] === "string" && isIsoDate(rec[k]))
      if (fields.length === 0) return undefined
      const field = random.pick(fields)
      const value = `${(rec[field] as string).slice(0, 4)}-${random.pick(impossibleDates)}`
      rec[field] = value
      return `${field} set to the impossible date "${value}"`
    },
  },
  {
    name: "out-of-range-number",
    apply: (entity, rec, random) => {
      const options = outOfRange[entity]
      if (options === undefined) return undefined
      const [field, values] = random.pick(options)
      const value = random.pick(values)
      rec[field] = value
      return `${field} set to the out-of-range number ${value}`
    },
  },
  {
    name: "unknown-literal",
    apply: (entity, rec, random) => {
      const options = unknownLiteral[entity]
      if (options === undefined) return undefined
      const [field, values] = random.pick(options)
      const value = random.pick(values)
      rec[field] = value
      return `${field} set to the unknown value ${JSON.stringify(value)}`
    },
  },
  {
    name: "missing-field",
    apply: (entity, rec, random) => {
      for (const field of random.shuffle(Object.keys(rec))) {
        const copy = { ...rec }
        delete copy[field]
        if (rejects(entity, copy)) {
          delete rec[field]
          return `required field ${field} removed`
        }
      }
      return undefined
    },
  },
  {
    name: "uppercase-pseudonym",
    apply: (entity, rec) => {
      const field = entity === "citizens" ? "id" : "citizenId"
      const value = rec[field]
      if (typeof value !== "string" || !/[a-f]/u.test(value)) return undefined
      rec[field] = value.toUpperCase()
      return `${field} pseudonym written in uppercase`
    },
  },
  {
    name: "excess-field",
    apply: (_entity, rec, random) => {
      const field = random.pick(["importNote", "legacyId", "name"] as const)
      if (field in rec) return undefined
      rec[field] = field === "name" ? "Ola Nordmann" : `x-${random.int(1000, 9999)}`
      return `excess field ${field} added`
    },
  },
]
