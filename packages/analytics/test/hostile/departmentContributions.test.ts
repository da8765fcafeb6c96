// Department contributions and the sealed tables on hostile departments:
// ids that are keys of Object.prototype, code for an expression compiler,
// identity numbers, null, repeated across municipalities. Every department
// of the input is one row of the result (valid + refused = input), each
// contribution counts once, no message shows an identity number, and no
// prototype changes. A department id written like an identity number is a
// dimension value, kept as given like an offering id (see attendance.test.ts):
// the check before publishing stops it, so here no other value may carry one.
import { Redact } from "@aktivitetsmodell/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Indicator, Indicators, Tables } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { year } from "../helpers.js"
import { reference } from "../indicators/reference.js"
import { hostileDepartments, thrown } from "./fixtures.js"

const { departmentContributions } = Indicators.catalogue
const ids = [...hostileDepartments.map((d) => d.id), "toString", "01019012345", "010190 12345", "psykisk-helse"]

const contribution = (department: string, i: number) => ({
  id: `c-${i}`,
  department,
  from: "2024-01-01",
  sharePercent: 20,
  form: i % 2 === 0 ? "lent-position" : "transferred-budget-post",
})

const noIdentityNumber = (u: unknown): void => expect(Redact.containsNationalId(JSON.stringify(u))).toBe(false)
// Every value of a result but its department ids, which are the caller's own.
const besidesIds = (rows: ReadonlyArray<object>) =>
  rows.map(({ department: _, ...rest }: { department?: unknown }) => rest)
const untouched = (): void => {
  expect(Object.keys(Object.prototype)).toEqual([])
  expect(Object.keys(Array.prototype)).toEqual([])
  expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined()
}

// The dataset's departments as tables: the result, or the refusal that names why.
const attempt = (departments: ReadonlyArray<string>, contributing: ReadonlyArray<string>) => {
  try {
    const tables = Tables.fromDataset(
      year({
        departments: departments.map((id) => ({ id, name: { nb: `Avd ${id}`, en: `Dept ${id}` } })),
        contributions: contributing.map(contribution),
      } as never),
      { policy },
    )
    return { tables }
  } catch (e) {
    return {
      refused: thrown(() => {
        throw e
      }),
    }
  }
}

describe("department contributions on hostile department ids", () => {
  it("lists each department once, counts each contribution once, and leaves prototypes alone", () => {
    const r = attempt(ids, ids)
    expect(r.refused).toBeUndefined()
    if (r.refused !== undefined) return
    const table = Indicator.compute(departmentContributions, r.tables, { by: ["department"] }).table
    expect(table.numRows()).toBe(r.tables.departments.numRows())
    const total = (table.array("percent") as Array<number>).reduce((a, b) => a + b, 0)
    expect(total).toBeCloseTo(20 * r.tables.contributions.numRows(), 9)
    expect(table.objects()).toEqual(
      Indicator.compute(reference(departmentContributions), r.tables, { by: ["department"] }).table.objects(),
    )
    noIdentityNumber(besidesIds(table.objects()))
    expect(table.array("department")).toContain("01019012345")
    untouched()
  })

  it("refuses a sealed table changed afterwards, and a spread copy with a table swapped for code", () => {
    const r = attempt(["__proto__", "constructor"], ["__proto__"])
    expect(r.tables).toBeDefined()
    const tables = r.tables!
    expect(() => {
      ;(tables as { contributions: unknown }).contributions = "d => (globalThis.__pwned = 1)"
    }).toThrow(TypeError)
    const e = thrown(() =>
      Indicator.compute(departmentContributions, {
        ...tables,
        contributions: "d => (globalThis.__pwned = 1)",
      } as never),
    )
    noIdentityNumber(e.text)
    untouched()
  })
})

describe("department contributions (property)", () => {
  it("gives every department a row, the reference's table, or a refusal without an identity number", () => {
    const id = fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 6 }))
    fc.assert(
      // Up to 12 departments: more than the few a scan finds, so that both ways of telling them apart are taken.
      fc.property(
        fc.uniqueArray(id, { maxLength: 12 }),
        fc.array(id, { maxLength: 12 }),
        (departments, contributing) => {
          const r = attempt(departments, contributing)
          if (r.refused !== undefined) {
            noIdentityNumber(r.refused.text)
          } else {
            for (const by of [["department"], ["department", "month"], []] as const) {
              const got = Indicator.compute(departmentContributions, r.tables, { by }).table
              const want = Indicator.compute(reference(departmentContributions), r.tables, { by }).table
              expect(got.objects()).toEqual(want.objects())
              noIdentityNumber(besidesIds(got.objects()))
            }
            const rows = Indicator.compute(departmentContributions, r.tables, { by: ["department"] }).table.numRows()
            expect(rows).toBe(new Set(Array.from(r.tables.departments.array("department") as ArrayLike<unknown>)).size)
          }
          untouched()
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 100) },
    )
  })
})
