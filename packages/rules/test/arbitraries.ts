// fast-check arbitraries for rules, facts and subjects. Values are drawn
// wide on purpose — numeric-looking strings, dates, NaN, lists — because the
// compiled path must agree with json-rules-engine on every value, not only
// on the ones our facts produce.
import { Catalogue } from "@aktivitetsmodell/core"
import fc from "fast-check"
import type { RuleSet } from "../src/InForce.js"
import { names as operatorNames } from "../src/Operators.js"
import type { Condition, TopCondition } from "../src/RuleFile.js"
import type { Subject } from "../src/Subject.js"

/** Facts the random rules read; `citizenDepartments` always holds a list, as the real fact does. */
export const factNames = [
  "age",
  "offering",
  "date",
  "ors",
  "hasReferral",
  "sessionsUsed",
  "citizenDepartments",
] as const
export const parameterNames = ["p.a", "p.b", "p.c"] as const

const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 30 }),
  fc.double({ min: -40, max: 40 }),
  fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY, 25, 36),
  fc.constantFrom("", "0", "12", "25", "2023-03-09", "2024-01-01", "abc", "1e3", " 7", "rpha", "karategruppe"),
)

const value = fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) })

export const facts = fc.record({
  age: value,
  offering: value,
  date: value,
  ors: value,
  hasReferral: value,
  sessionsUsed: value,
  citizenDepartments: fc.array(scalar, { maxLength: 3 }),
})

export const parameters = fc.tuple(scalar, scalar, scalar).map(
  ([a, b, c]) =>
    new Map<string, unknown>([
      ["p.a", a],
      ["p.b", b],
      ["p.c", c],
    ]),
)

const leaf: fc.Arbitrary<Condition> = fc
  .tuple(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...factNames).map((fact) => ({ fact })) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...parameterNames).map((name) => ({ fact: "parameter", params: { name } })),
      },
    ),
    fc.constantFrom(...operatorNames),
    fc.array(scalar, { maxLength: 4 }),
    fc.oneof(
      { weight: 3, arbitrary: scalar.map((v) => ({ literal: v })) },
      { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }).map((v) => ({ literal: v })) },
      { weight: 2, arbitrary: fc.constantFrom(...factNames).map((fact) => ({ ref: { fact } })) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...parameterNames).map((name) => ({ ref: { fact: "parameter", params: { name } } })),
      },
    ),
  )
  .map(([left, operator, list, right]) => {
    // "in" and "notIn" call indexOf on the right-hand side, which throws in
    // both paths for anything but a list or text: give them a list.
    const member = operator === "in" || operator === "notIn"
    const v = member
      ? "ref" in right && right.ref.fact === "citizenDepartments"
        ? right.ref
        : list
      : "ref" in right
        ? right.ref
        : right.literal
    return { ...left, operator, value: v } as Condition
  })

export const tree: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(tie("node"), { maxLength: 3 }).map((all) => ({ all })) },
    { weight: 1, arbitrary: fc.array(tie("node"), { maxLength: 3 }).map((any) => ({ any })) },
    { weight: 1, arbitrary: tie("node").map((not) => ({ not })) },
  ),
})).node

export const top: fc.Arbitrary<TopCondition> = fc.oneof(
  fc.array(tree, { maxLength: 3 }).map((all) => ({ all })),
  fc.array(tree, { maxLength: 3 }).map((any) => ({ any })),
  tree.map((not) => ({ not })),
)

export const ruleSet: fc.Arbitrary<RuleSet> = fc
  .tuple(fc.array(fc.tuple(fc.option(top, { nil: undefined }), top), { minLength: 1, maxLength: 4 }), parameters)
  .map(([rules, params]) => ({
    rules: rules.map(([appliesWhen, conditions], i) => ({
      id: `r${i}`,
      ...(appliesWhen === undefined ? {} : { appliesWhen }),
      conditions,
    })),
    parameters: params as RuleSet["parameters"],
  }))

const catalogue = Catalogue.sandnes()
const date = fc
  .integer({ min: 0, max: 365 * 3 })
  .map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10))
const month = fc
  .integer({ min: 0, max: 35 })
  .map((m) => `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`)
const departments = catalogue.departments.map((d) => d.id)

/** A valid subject, as an app would send one, and a date to decide on. */
export const subjectOnDate: fc.Arbitrary<{ subject: Subject; date: string }> = fc
  .record(
    {
      citizen: fc.record(
        // Birth years near 18 at the dates generated leave the age open; a birth date closes it.
        {
          birthYear: fc.oneof(fc.integer({ min: 1930, max: 2012 }), fc.constantFrom(2004, 2005, 2006)),
          birthDate: fc.constantFrom("1990-06-15", "2006-05-10"),
          departments: fc.subarray(departments),
          healthyLifeCentre: fc.boolean(),
        },
        { requiredKeys: ["birthYear", "departments"] },
      ),
      offering: fc.constantFrom(...catalogue.offerings.map((o) => o.id)),
      referral: fc.boolean(),
      jointMeetingHeld: fc.boolean(),
      intakeRegistered: fc.boolean(),
      applied: fc.boolean(),
      individualDecision: fc.boolean(),
      newApplication: fc.boolean(),
      bindingRegistration: fc.boolean(),
      enrollment: fc.record(
        {
          start: date,
          cohort: month,
          sessionsUsed: fc.integer({ min: 0, max: 9 }),
          sessionsThisWeek: fc.integer({ min: 0, max: 3 }),
          extensionsUsed: fc.integer({ min: 0, max: 2 }),
          extensionRequested: fc.boolean(),
          activityStarted: fc.boolean(),
          stillNeeded: fc.boolean(),
          movedToCommunity: fc.boolean(),
          consecutiveNoShows: fc.integer({ min: 0, max: 4 }),
          goalReached: fc.constantFrom("yes" as const, "partly" as const, "no" as const),
        },
        { requiredKeys: ["start"] },
      ),
      fit: fc.record(
        { ors: fc.integer({ min: 0, max: 40 }), srs: fc.integer({ min: 0, max: 40 }), offTrack: fc.boolean() },
        { requiredKeys: [] },
      ),
      proposal: fc.record(
        {
          requested: fc.boolean(),
          decision: fc.constantFrom("approved" as const, "declined" as const, "pending" as const),
          byDepartment: fc.constantFrom(...departments),
          category: fc.constantFrom(
            "treatment" as const,
            "everyday" as const,
            "participation" as const,
            "department" as const,
          ),
        },
        { requiredKeys: ["requested", "category"] },
      ),
    },
    { requiredKeys: [] },
  )
  .filter(
    (s) =>
      (s.offering === undefined || s.citizen !== undefined) && (s.enrollment === undefined || s.offering !== undefined),
  )
  .chain((subject) => date.map((d) => ({ subject: subject as unknown as Subject, date: d })))
