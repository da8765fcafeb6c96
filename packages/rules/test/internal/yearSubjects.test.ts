// impact derives a Dataset file's subjects from attendance kept as columns;
// they must be exactly DatasetSubjects.of's items from the records: the same
// keys, dates and subjects, key order included, in the same order.
import { type Dataset, JsonText } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { DatasetSubjects } from "../../src/index.js"
import { yearSubjects } from "../../src/internal/yearSubjects.js"
import { yearTake } from "../../src/internal/yearTake.js"
import { fixturePolicy } from "../helpers.js"

// The year as impact reads it: through its JSON text with the take, whose lists are then [].
const viaTake = (data: Dataset.Dataset) => {
  const take = yearTake()
  const parsed = JsonText.parse(JSON.stringify(data), take)
  expect(take.ok()).toBe(true)
  if (!parsed.ok) throw new Error("not parsed")
  const left = parsed.value as Dataset.Dataset
  expect(left.attendance).toEqual([])
  expect(left.sessions).toEqual([])
  return yearSubjects(left, fixturePolicy(), () => {}, take.attendance().grouped())
}

const same = (data: Dataset.Dataset) =>
  expect(JSON.stringify(viaTake(data))).toBe(JSON.stringify(DatasetSubjects.of(data, fixturePolicy())))

describe("yearSubjects from attendance columns", () => {
  it("gives DatasetSubjects.of's items on generated years, in any attendance order (property)", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.constantFrom(2023, 2024), fc.boolean(), (seed, year, shuffle) => {
        const data = generate({ policy: fixturePolicy(), seed, year, citizens: 40 })
        const attendance = shuffle ? [...data.attendance].reverse() : data.attendance
        // Repeats on one day, and more no-shows in a row, as a real export may have.
        const again = attendance
          .slice(0, 50)
          .map((a, k) => ({ ...a, id: `${a.id}-${k}`, status: k % 2 === 0 ? "no-show" : a.status }) as typeof a)
        same({ ...data, attendance: [...attendance, ...again] })
      }),
      { numRuns: 8 },
    )
  })

  it("masks an identity number written into an attendance or enrollment id, as of does", () => {
    const data = generate({ policy: fixturePolicy(), seed: 3, year: 2024, citizens: 40 })
    const noShow = data.attendance.findIndex((a) => a.status === "no-show")
    expect(noShow).toBeGreaterThanOrEqual(0)
    const e = data.enrollments[0]!
    const id = "01019012345"
    const edited = {
      ...data,
      enrollments: [{ ...e, id }, ...data.enrollments.slice(1)],
      attendance: data.attendance.map((a, i) =>
        i === noShow ? { ...a, id } : a.enrollmentId === e.id ? { ...a, enrollmentId: id } : a,
      ),
    }
    same(edited)
    expect(JSON.stringify(viaTake(edited))).not.toContain(id)
  })
})
