// Attendance kept as columns gives each enrollment's records as grouping the
// records gives them: in record order, with date and status, and the id of
// each no-show.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { AttendanceColumns } from "../../src/internal/attendanceColumns.js"

const record = fc.record({
  id: fc.stringMatching(/^a-[0-9]{1,6}$/u),
  enrollmentId: fc.constantFrom("n-1", "n-2", "n-3", "__proto__", "constructor"),
  date: fc.constantFrom("2024-01-02", "2024-01-03", "2024-12-31"),
  status: fc.constantFrom("present", "absent", "no-show"),
})

type Row = { readonly id: string; readonly enrollmentId: string; readonly date: string; readonly status: string }

const grouped = (records: ReadonlyArray<Row>, id: string) => {
  const mine = records.filter((a) => a.enrollmentId === id)
  return mine.length === 0
    ? undefined
    : mine.map((a) => ({ id: a.status === "no-show" ? a.id : "", date: a.date, status: a.status }))
}

describe("AttendanceColumns", () => {
  it("gives each enrollment's attendance in record order, however the runs were cut (property)", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 80 }), fc.array(fc.nat({ max: 80 })), (records, cuts) => {
        const columns = new AttendanceColumns()
        const at = [0, ...[...cuts].sort((a, b) => a - b), records.length].map((c) => Math.min(c, records.length))
        for (let k = 1; k < at.length; k++) columns.add(records.slice(at[k - 1], at[k]))
        expect(columns.size).toBe(records.length)
        const of = columns.grouped()
        for (const id of ["n-1", "n-2", "n-3", "__proto__", "constructor", "n-none"])
          expect(of(id)).toEqual(grouped(records, id))
      }),
      { numRuns: 300 },
    )
  })

  it("grows past its first size, and refuses a status that was not checked", () => {
    const columns = new AttendanceColumns()
    const many = Array.from({ length: 70_000 }, (_, i) => ({
      id: `a-${i}`,
      enrollmentId: `n-${i % 7}`,
      date: "2024-03-04",
      status: i % 5 === 0 ? "no-show" : "present",
    }))
    columns.add(many.slice(0, 1000))
    columns.add(many.slice(1000))
    const of = columns.grouped()
    expect(of("n-3")).toEqual(grouped(many, "n-3"))
    expect(() => columns.add([{ id: "a", enrollmentId: "n-1", date: "2024-01-01", status: "late" }])).toThrow(TypeError)
  })
})
