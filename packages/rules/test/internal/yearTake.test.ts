// The take impact reads a Dataset file with: it takes attendance and the
// lists subjects are not derived from, checks every record it is handed with
// the Dataset's own schema, and forgets everything on a restart.
import { generate } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import { yearTake } from "../../src/internal/yearTake.js"
import { fixturePolicy } from "../helpers.js"

const data = generate({ policy: fixturePolicy(), seed: 5, year: 2024, citizens: 30 })

describe("yearTake", () => {
  it("takes attendance and the lists subjects are not derived from, and no other name", () => {
    const take = yearTake()
    for (const name of ["attendance", "sessions", "staff", "referrals", "episodes", "feedback", "contributions"])
      expect(take.takes(name), name).toBe(true)
    for (const name of ["enrollments", "citizens", "fitScores", "year", "__proto__", "constructor", "toString"])
      expect(take.takes(name), name).toBe(false)
  })

  it("keeps checked attendance as columns, and is not ok once any record fails its check", () => {
    const take = yearTake()
    take.run("attendance", data.attendance.slice(0, 10))
    take.run("sessions", data.sessions)
    take.run("attendance", data.attendance.slice(10))
    expect(take.ok()).toBe(true)
    expect(take.attendance().size).toBe(data.attendance.length)
    take.run("sessions", [{ ...data.sessions[0], extra: 1 }])
    expect(take.ok()).toBe(false)
    take.restart()
    expect(take.ok()).toBe(true)
    expect(take.attendance().size).toBe(0)
    take.run("attendance", [{ ...data.attendance[0], status: "late" }])
    expect(take.ok()).toBe(false)
    take.restart()
    take.run("staff", [null])
    expect(take.ok()).toBe(false)
  })
})
