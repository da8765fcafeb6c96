// Two reports are the same publication: every published table with the same
// indicator, grouping, rows, suppression states and applicability, and the
// same Markdown, HTML and summary. Whole numbers must be equal; other numbers
// (rates, means, medians) may differ in the last bits between engines.
import { expect } from "vitest"
import type { Report } from "../../src/Report.js"

const close = (a: unknown, b: unknown): boolean =>
  typeof a === "number" &&
  typeof b === "number" &&
  !(Number.isInteger(a) && Number.isInteger(b)) &&
  Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b))

const rowsOf = (table: Report["published"][number]["table"]): Array<Record<string, unknown>> =>
  table.objects() as Array<Record<string, unknown>>

/** The same published tables: rows, whole numbers, other numbers to 1e-12, states, "not applicable" rows. */
export const samePublished = (ours: Report, theirs: Report): void => {
  expect(ours.published.map((p) => [p.indicator.id, p.by, p.margins])).toEqual(
    theirs.published.map((p) => [p.indicator.id, p.by, p.margins]),
  )
  ours.published.forEach((p, t) => {
    const q = theirs.published[t]!
    const what = `${p.indicator.id} by [${p.by.join(", ")}]`
    expect(p.states, what).toEqual(q.states)
    expect(p.notApplicable, what).toEqual(q.notApplicable)
    expect(p.hidden, what).toEqual(q.hidden)
    const a = rowsOf(p.table)
    const b = rowsOf(q.table)
    expect(a.length, what).toBe(b.length)
    a.forEach((row, i) => {
      const other = b[i]!
      expect(Object.keys(row), what).toEqual(Object.keys(other))
      for (const [k, v] of Object.entries(row))
        if (!close(v, other[k])) expect(v, `${what}, row ${i}, ${k}`).toEqual(other[k])
    })
  })
  expect(ours.publication.cells).toEqual(theirs.publication.cells)
}

/** The same published tables, and the same Markdown, summary and HTML. */
export const sameReport = (ours: Report, theirs: Report): void => {
  samePublished(ours, theirs)
  expect(ours.markdown).toBe(theirs.markdown)
  expect(ours.summary).toBe(theirs.summary)
  expect(ours.html).toBe(theirs.html)
}
