/**
 * Invariant faults: schema-valid changes that make `Invariants.check` report
 * a given code for the changed record's id, each with the other records that
 * must stay untouched for the violation to show.
 *
 * @module
 */
import type { Catalogue } from "../Catalogue.js"
import type { Dataset, EntityName } from "../Dataset.js"
import type { ViolationCode } from "../Invariants.js"
import { addDays } from "../IsoDate.js"
import { type Offering, transitionEnd } from "../Offering.js"
import * as Policy from "../Policy.js"
import type { Random } from "./random.js"
import type { Rec } from "./schemaFaults.js"

/**
 * The key of a record: entity and index.
 * @example
 * faultKey("enrollments", 3) // "enrollments#3"
 * @category constructors
 */
export const faultKey = (entity: EntityName, index: number): string => `${entity}#${index}`
const key = faultKey

/** A planned invariant fault for one record. */
export interface Plan {
  readonly code: ViolationCode
  /** Records that must stay as they are for the violation to show. */
  readonly deps: ReadonlyArray<string>
  readonly apply: (rec: Rec) => string
}

/** Lookups over the valid year that the planners read. */
export interface Index {
  readonly data: Dataset
  readonly catalogue: Catalogue
  readonly policy: Policy.Policy
  readonly offeringIndex: ReadonlyMap<string, number>
  readonly enrollmentIndex: ReadonlyMap<string, number>
  readonly extensionsOf: ReadonlyMap<string, ReadonlyArray<number>>
  readonly closingEvaluation: ReadonlySet<string>
}

/**
 * Indexes a valid year for the planners.
 * @example
 * makeIndex(year, Catalogue.sandnes(), policy)
 * @category constructors
 */
export const makeIndex = (data: Dataset, catalogue: Catalogue, policy: Policy.Policy): Index => {
  const extensionsOf = new Map<string, Array<number>>()
  data.extensions.forEach((x, i) => {
    const list = extensionsOf.get(x.enrollmentId)
    if (list === undefined) extensionsOf.set(x.enrollmentId, [i])
    else list.push(i)
  })
  return {
    data,
    catalogue,
    policy,
    offeringIndex: new Map(data.offerings.map((o, i) => [o.id as string, i])),
    enrollmentIndex: new Map(data.enrollments.map((e, i) => [e.id, i])),
    extensionsOf,
    closingEvaluation: new Set(data.goalEvaluations.filter((g) => g.decision !== "extend").map((g) => g.enrollmentId)),
  }
}

type Planner = (ix: Index, index: number, random: Random, faulted: ReadonlySet<string>) => Plan | undefined

const offeringOf = (ix: Index, id: string): { o: Offering; dep: string } | undefined => {
  const i = ix.offeringIndex.get(id)
  const o = i === undefined ? undefined : ix.data.offerings[i]
  return i === undefined || o === undefined ? undefined : { o, dep: key("offerings", i) }
}

/**
 * The invariant faults that can be planned for each entity.
 * @example
 * invariantPlanners.enrollments?.length
 * @category constructors
 */
export const invariantPlanners: Partial<Record<EntityName, ReadonlyArray<Planner>>> = {
  offerings: [
    (ix, _i, random) => {
      const price =
        Policy.requireNumber(ix.policy, Policy.names.priceNok, { question: `${ix.data.year}-12-31` }) +
        random.int(5, 50) * 10
      return {
        code: "offering-not-free",
        deps: [],
        apply: (rec) => {
          rec.priceNok = price
          return `priceNok set to ${price}; every offering must be free`
        },
      }
    },
    (ix, i) => {
      const o = ix.data.offerings[i]
      if (o === undefined || o.category === "department" || o.operator.team === "department") return undefined
      return {
        code: "department-runs-group-outside-own-groups",
        deps: [],
        apply: (rec) => {
          rec.operator = { ...(rec.operator as Rec), team: "department" }
          return `operator.team set to "department" for a ${o.category} offering`
        },
      }
    },
  ],
  citizens: [
    (ix, i) => {
      const c = ix.data.citizens[i]
      if (c === undefined) return undefined
      const birthYear =
        ix.data.year -
        Math.max(0, Policy.requireNumber(ix.policy, Policy.names.minimumAge, { question: `${ix.data.year}-12-31` }) - 3)
      return {
        code: "citizen-under-minimum-age",
        deps: [],
        apply: (rec) => {
          rec.birthYear = birthYear
          if (typeof rec.birthDate === "string") {
            const md = (rec.birthDate as string).slice(5) === "02-29" ? "02-28" : (rec.birthDate as string).slice(5)
            rec.birthDate = `${birthYear}-${md}`
          }
          return `birthYear set to ${birthYear}: the citizen is under the minimum age`
        },
      }
    },
  ],
  enrollments: [
    // enrollment-after-transition: move the enrollment to a discontinued offering whose transition ended before it starts.
    (ix, i, random, faulted) => {
      const e = ix.data.enrollments[i]
      if (e === undefined) return undefined
      const targets = ix.data.offerings.flatMap((o, j) => {
        const end = transitionEnd(o, ix.policy, e.start)
        return end !== undefined && end < e.start && !faulted.has(key("offerings", j)) ? [{ o, j, end }] : []
      })
      if (targets.length === 0) return undefined
      const t = random.pick(targets)
      return {
        code: "enrollment-after-transition",
        deps: [key("offerings", t.j)],
        apply: (rec) => {
          rec.offeringId = t.o.id
          return `offeringId set to the discontinued ${t.o.id}, whose transition ended ${t.end}, before the start ${e.start}`
        },
      }
    },
    // too-many-extensions: move an extended enrollment to an offering that allows fewer extensions.
    (ix, i, random, faulted) => {
      const e = ix.data.enrollments[i]
      const used = e === undefined ? [] : (ix.extensionsOf.get(e.id) ?? [])
      if (e === undefined || used.length === 0) return undefined
      const allowed = (o: Offering) =>
        Policy.limits(ix.policy, o, { question: e.start, enrollmentStart: e.start }).extensions ?? 0
      const targets = ix.data.offerings.flatMap((o, j) =>
        allowed(o) < used.length && o.status.kind !== "discontinued" && !faulted.has(key("offerings", j))
          ? [{ o, j }]
          : [],
      )
      if (targets.length === 0) return undefined
      const t = random.pick(targets)
      return {
        code: "too-many-extensions",
        deps: [key("offerings", t.j), ...used.map((x) => key("extensions", x))],
        apply: (rec) => {
          rec.offeringId = t.o.id
          return `offeringId set to ${t.o.id}, which allows ${allowed(t.o)} extension(s); the enrollment has ${used.length}`
        },
      }
    },
    // treatment-referral-missing: drop the referral of a treatment.
    (ix, i, _random, faulted) => {
      const e = ix.data.enrollments[i]
      const of = e === undefined ? undefined : offeringOf(ix, e.offeringId)
      if (
        e === undefined ||
        e.referralId === undefined ||
        of === undefined ||
        of.o.category !== "treatment" ||
        faulted.has(of.dep)
      )
        return undefined
      return {
        code: "treatment-referral-missing",
        deps: [of.dep],
        apply: (rec) => {
          delete rec.referralId
          return `referralId removed from a treatment enrollment`
        },
      }
    },
    // completed-without-goal-evaluation: mark an unevaluated treatment completed.
    (ix, i, _random, faulted) => {
      const e = ix.data.enrollments[i]
      const of = e === undefined ? undefined : offeringOf(ix, e.offeringId)
      if (
        e === undefined ||
        e.status === "completed" ||
        of === undefined ||
        of.o.category !== "treatment" ||
        faulted.has(of.dep)
      )
        return undefined
      if (ix.closingEvaluation.has(e.id)) return undefined
      return {
        code: "completed-without-goal-evaluation",
        deps: [of.dep],
        apply: (rec) => {
          rec.status = "completed"
          return `status set from ${e.status} to completed without a closing goal evaluation`
        },
      }
    },
    // period-longer-than-limit: stretch the first period of an unextended individual plan.
    (ix, i, random, faulted) => {
      const e = ix.data.enrollments[i]
      const of = e === undefined ? undefined : offeringOf(ix, e.offeringId)
      const weeks =
        e === undefined || of === undefined
          ? undefined
          : Policy.limits(ix.policy, of.o, { question: e.start, enrollmentStart: e.start }).weeks
      if (
        e === undefined ||
        e.end === undefined ||
        of === undefined ||
        weeks === undefined ||
        of.o.category !== "treatment" ||
        faulted.has(of.dep)
      )
        return undefined
      if ((ix.extensionsOf.get(e.id) ?? []).length > 0) return undefined
      const end = addDays(e.start, weeks * 7 + random.int(1, 10))
      return {
        code: "period-longer-than-limit",
        deps: [of.dep],
        apply: (rec) => {
          rec.end = end
          return `end moved to ${end}, longer than ${weeks} weeks after the start ${e.start}`
        },
      }
    },
    // department-group-foreign-citizen: give a department group's enrollment to a citizen of another department.
    (ix, i, random, faulted) => {
      const e = ix.data.enrollments[i]
      const of = e === undefined ? undefined : offeringOf(ix, e.offeringId)
      if (e === undefined || of === undefined || of.o.category !== "department" || faulted.has(of.dep)) return undefined
      for (let tries = 0; tries < 20 && ix.data.citizens.length > 0; tries++) {
        const j = random.int(0, ix.data.citizens.length - 1)
        const c = ix.data.citizens[j]!
        if (c.departments.includes(of.o.operator.department) || faulted.has(key("citizens", j))) continue
        return {
          code: "department-group-foreign-citizen",
          deps: [of.dep, key("citizens", j)],
          apply: (rec) => {
            rec.citizenId = c.id
            return `citizenId set to a citizen outside ${of.o.operator.department}, which runs ${of.o.id}`
          },
        }
      }
      return undefined
    },
  ],
  attendance: [
    // attendance-outside-period: date the attendance before its enrollment started.
    (ix, i, random, faulted) => {
      const a = ix.data.attendance[i]
      const j = a === undefined ? undefined : ix.enrollmentIndex.get(a.enrollmentId)
      const e = j === undefined ? undefined : ix.data.enrollments[j]
      if (a === undefined || j === undefined || e === undefined || faulted.has(key("enrollments", j))) return undefined
      const date = addDays(e.start, -random.int(1, 14))
      return {
        code: "attendance-outside-period",
        deps: [key("enrollments", j)],
        apply: (rec) => {
          rec.date = date
          return `date moved to ${date}, before the enrollment started ${e.start}`
        },
      }
    },
    // unknown-reference: point the attendance at an enrollment that does not exist.
    (_ix, _i, random) => {
      const missing = `n-missing-${random.hex(8)}`
      return {
        code: "unknown-reference",
        deps: [],
        apply: (rec) => {
          rec.enrollmentId = missing
          return `enrollmentId set to ${missing}, which is not in the data`
        },
      }
    },
  ],
}
