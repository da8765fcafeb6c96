// stateAt counts a period's sessions in one pass and compares ISO weeks by
// day number; on any attendance, periods and date it must give what
// derive.enrollmentOn gives, with the questions asked at a period's end after it.
import { IsoDate } from "@aktivitetsmodell/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { enrollmentOn, periodsOf, sessionsIn } from "../../src/internal/derive.js"
import { lastSessionIn, stateAt } from "../../src/internal/impactPeriods.js"

const runs = Number(process.env.FUZZ_RUNS ?? 300)

// Dates over a few years around New Year, where ISO weeks cross calendar years.
const day = fc.integer({ min: 0, max: 1200 }).map((n) => IsoDate.addDays("2023-11-20", n) as IsoDate.IsoDate)
const session = fc.record({ date: day, status: fc.constantFrom("present", "absent", "no-show") })
const enrollment = fc.record(
  {
    start: day,
    end: day,
    cohort: fc.constantFrom("2024-01", "2023-12"),
    closedOn: day,
  },
  { requiredKeys: ["start"] },
)

describe("stateAt", () => {
  it("gives enrollmentOn's state at each period's last session, on any records (property)", () => {
    fc.assert(
      fc.property(
        enrollment,
        fc.array(session, { maxLength: 30 }),
        fc.array(fc.record({ newEnd: day }), { maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        (e, sessions, extensions, activityStarted, movedToCommunity) => {
          // In date order, as DatasetSubjects gives them; several sessions may share a day.
          const attended = [...sessions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
          const periods = periodsOf(e, extensions)
          periods.forEach((period, k) => {
            const last = sessionsIn(attended, period).at(-1)
            const index = lastSessionIn(attended, period)
            expect(index < 0 ? undefined : attended[index]).toBe(last)
            if (period.start === undefined || last === undefined) return
            const state = enrollmentOn(e, attended, periods, k, last.date)
            const want = Object.assign({ start: state.start }, state, {
              extensionRequested: k + 1 < periods.length,
              activityStarted,
              movedToCommunity,
            })
            const got = stateAt(e, attended, periods, k, last.date, { activityStarted, movedToCommunity })
            expect(JSON.stringify(got)).toBe(JSON.stringify(want))
          })
        },
      ),
      { numRuns: runs },
    )
  })
})
