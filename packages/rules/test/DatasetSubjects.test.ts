// DatasetSubjects.of counts each period's sessions in one pass and compares
// ISO weeks by day number; it must give exactly the items the straightforward
// derivation gives (derive.enrollmentOn and friends, as the package did it
// before): the same keys, dates and subjects, key order included, in the same order.
import { type Dataset, IsoDate, Redact } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { DatasetSubjects } from "../src/index.js"
import { fixturePolicy } from "./helpers.js"
import { straightforward } from "./straightforwardSubjects.js"

const runs = Number(process.env.FUZZ_RUNS ?? 100)

// JSON text keeps key order, which toEqual does not look at.
const same = (data: Dataset.Dataset) => {
  const policy = fixturePolicy()
  expect(JSON.stringify(DatasetSubjects.of(data, policy))).toBe(JSON.stringify(straightforward(data, policy)))
}

// A year whose records are edited the way a real file may differ from the generator's:
// attendance out of date order, several sessions on one day, cohorts, closings, transitions.
const shaken = (data: Dataset.Dataset, seed: number): Dataset.Dataset => {
  const rnd = fc.sample(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 64, maxLength: 64 }), {
    seed,
    numRuns: 1,
  })[0]!
  let i = 0
  const next = () => rnd[i++ % rnd.length]!
  const attendance = [...data.attendance].sort(() => next() - 0.5)
  const doubled = attendance
    .slice(0, 200)
    .map((a, k) => ({ ...a, id: `${a.id}-again${k}`, status: next() < 0.5 ? "no-show" : a.status }) as typeof a)
  return {
    ...data,
    attendance: [...attendance, ...doubled],
    enrollments: data.enrollments.map((e, k) => ({
      ...e,
      ...(k % 3 === 0 ? { cohort: e.start.slice(0, 7) } : {}),
      ...(k % 5 === 0 ? { closedOn: IsoDate.addDays(e.start, Math.floor(next() * 120)) } : {}),
    })),
  }
}

describe("DatasetSubjects.of", () => {
  it("gives exactly the straightforward derivation's items on generated years", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.constantFrom(2023, 2024, 2025), (seed, year) => {
        same(generate({ policy: fixturePolicy(), seed, year, citizens: 40 }))
      }),
      { numRuns: Math.max(5, Math.floor(runs / 10)) },
    )
  })

  it("gives the same items when records are out of order, repeated on one day, or closed early", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), (seed) => {
        same(shaken(generate({ policy: fixturePolicy(), seed, year: 2024, citizens: 40 }), seed))
      }),
      { numRuns: Math.max(5, Math.floor(runs / 10)) },
    )
  })

  it("masks an identity number written into a record id in the keys, as before", () => {
    const data = generate({ policy: fixturePolicy(), seed: 3, year: 2024, citizens: 40 })
    const e = data.enrollments[0]!
    const id = "01019012345"
    same({
      ...data,
      enrollments: [{ ...e, id }, ...data.enrollments.slice(1)],
      attendance: data.attendance.map((a) => (a.enrollmentId === e.id ? { ...a, enrollmentId: id } : a)),
    })
    // Eleven digits that cannot be a birth date are kept.
    const other = data.enrollments[1]!
    same({ ...data, enrollments: [{ ...other, id: "99999999999" }, ...data.enrollments] })
    const keys = DatasetSubjects.of({ ...data, enrollments: [{ ...e, id }] }, fixturePolicy()).map((x) => x.key)
    expect(keys.some((k) => k.includes(id))).toBe(false)
    expect(keys).toContain(`enrollment ${Redact.MASK} start`)
  })
})

describe("DatasetSubjects.subjectsOf", () => {
  const base = generate({ policy: fixturePolicy(), seed: 9, year: 2024, citizens: 30 })
  it("tells of exactly the records whose citizen, offering or enrollment is missing, and gives of's items (property)", () => {
    const pick = (n: number) => fc.uniqueArray(fc.nat({ max: Math.max(0, n - 1) }), { maxLength: Math.min(n, 6) })
    fc.assert(
      fc.property(
        pick(base.enrollments.length),
        pick(base.enrollments.length),
        pick(base.goalEvaluations.length),
        pick(base.fitScores.length),
        (noCitizen, noOffering, noEnrollment, noFitCitizen) => {
          // Built by hand, as plain JavaScript could: references the schema's brands do not hold.
          const data = {
            ...base,
            enrollments: base.enrollments.map((e, i) =>
              noCitizen.includes(i)
                ? { ...e, citizenId: "f".repeat(32) }
                : noOffering.includes(i)
                  ? { ...e, offeringId: "no-such-offering" }
                  : e,
            ),
            goalEvaluations: base.goalEvaluations.map((g, i) =>
              noEnrollment.includes(i) ? { ...g, enrollmentId: "n-none" } : g,
            ),
            fitScores: base.fitScores.map((f, i) =>
              noFitCitizen.includes(i) ? { ...f, citizenId: "e".repeat(32) } : f,
            ),
          } as unknown as Dataset.Dataset
          const told: Array<string> = []
          const items = DatasetSubjects.subjectsOf(data, fixturePolicy(), (s) => told.push(s.pointer))
          expect(JSON.stringify(items)).toBe(JSON.stringify(DatasetSubjects.of(data, fixturePolicy())))
          // An evaluation of an enrollment that gives no subject gives none either.
          const dropped = new Set(
            data.enrollments.flatMap((e, i) => (noCitizen.includes(i) || noOffering.includes(i) ? [e.id] : [])),
          )
          const want = [
            ...data.enrollments.flatMap((_, i) =>
              noCitizen.includes(i)
                ? [`/enrollments/${i}/citizenId`]
                : noOffering.includes(i)
                  ? [`/enrollments/${i}/offeringId`]
                  : [],
            ),
            ...data.goalEvaluations.flatMap((g, i) =>
              noEnrollment.includes(i) || dropped.has(g.enrollmentId) ? [`/goalEvaluations/${i}/enrollmentId`] : [],
            ),
            ...data.fitScores.flatMap((_, i) => (noFitCitizen.includes(i) ? [`/fitScores/${i}/citizenId`] : [])),
          ]
          expect(told).toEqual(want)
        },
      ),
      { numRuns: Math.min(runs, 40) },
    )
  })
})
