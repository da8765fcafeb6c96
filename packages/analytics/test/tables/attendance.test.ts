// The attendance builder's one pass against the straightforward reading:
// the same rows, values and dictionaries, and the same error for a bad date.
import type { Dataset } from "@aktivitetsmodell/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { DictionaryColumn } from "../../src/internal/DictionaryColumn.js"
import { attendance } from "../../src/tables/attendance.js"
import { context } from "../../src/tables/context.js"
import { dataset } from "../arbitraries.js"
import { policy } from "../fixturePolicy.js"
import { firstAppearance, naiveAttendance } from "./reference.js"

const day = fc.date({
  min: new Date("2023-11-01T00:00:00Z"),
  max: new Date("2025-02-01T00:00:00Z"),
  noInvalidDate: true,
})
const period = fc
  .tuple(day, day)
  .map(([a, b]) => [a, b].map((d) => d.toISOString().slice(0, 10)).sort() as [string, string])
  .map(([from, to]) => ({ from, to }))
// Dates a hand-built dataset may hold: the shape without the calendar, other shapes, no text.
const bad = fc.constantFrom<unknown>(
  "2024-02-30",
  "2024-13-01",
  "2023-00-10",
  "2024-1-01",
  "24-01-01",
  "2024/03/01",
  20240301,
  undefined,
  "2024-06-1x",
)

const outcome = <T>(f: () => T): { ok: T } | { error: unknown } => {
  try {
    return { ok: f() }
  } catch (e) {
    return { error: e instanceof Error && "text" in e ? e.text : String(e) }
  }
}

const built = (data: Dataset.Dataset, p: { from: string; to: string }) => {
  const t = attendance(context(data, p, () => null, policy))
  return Object.fromEntries(
    t.columnNames().map((n) => {
      const col = t.column(n) as unknown
      const values = Array.from(t.array(n) as ArrayLike<unknown>)
      return [n, { values, dictionary: col instanceof DictionaryColumn ? [...col.values] : undefined }]
    }),
  )
}

const expected = (data: Dataset.Dataset, p: { from: string; to: string }) => {
  const cols = naiveAttendance(context(data, p, () => null, policy))
  const coded = new Set(["enrollment", "offering", "category", "department", "month", "year"])
  return Object.fromEntries(
    Object.entries(cols).map(([n, values]) => [
      n,
      { values, dictionary: coded.has(n) ? firstAppearance(values) : undefined },
    ]),
  )
}

describe("attendance", () => {
  it("gives the rows, values and dictionaries of the straightforward reading (property)", () => {
    fc.assert(
      fc.property(dataset, period, (data, p) => {
        expect(built(data, p)).toEqual(expected(data, p))
      }),
      { numRuns: 300 },
    )
  })

  it("keeps runs of one enrollment and date apart from the rows around them (property)", () => {
    // Records in runs, as exports list them: the "same as the row before"
    // paths, with a date as a fresh copy of the text too.
    const runs = dataset.map(
      (d): Dataset.Dataset => ({
        ...d,
        attendance: d.attendance.flatMap((a, i) =>
          i % 3 === 0 ? [a, { ...a }, { ...a, date: (a.date.slice(0, 5) + a.date.slice(5)) as typeof a.date }] : [a],
        ),
      }),
    )
    fc.assert(
      fc.property(runs, period, (data, p) => {
        expect(built(data, p)).toEqual(expected(data, p))
      }),
      { numRuns: 200 },
    )
  })

  it("refuses a date that is no calendar date with the error the straightforward reading gives (property)", () => {
    const broken = fc
      .tuple(dataset, fc.array(fc.tuple(fc.nat(), bad), { minLength: 1, maxLength: 3 }))
      .filter(([d]) => d.attendance.length > 0)
      .map(([d, edits]) => {
        const attendance = d.attendance.map((a) => ({ ...a })) as Array<Record<string, unknown>>
        for (const [k, v] of edits) attendance[k % attendance.length]!.date = v
        return { ...d, attendance } as unknown as Dataset.Dataset
      })
    fc.assert(
      fc.property(broken, period, (data, p) => {
        expect(outcome(() => built(data, p))).toEqual(outcome(() => expected(data, p)))
      }),
      { numRuns: 300 },
    )
  })
})
