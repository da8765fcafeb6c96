// The missing inputs a caller gives buildReport: hostile entity names,
// markup and identity numbers in the reason, shapes that are no list, and
// getters that answer twice. Each is refused with an AnalyticsError or
// written as inert text; no indicator is blanked by a name it does not count.
import { describe, expect, it } from "vitest"
import { AnalyticsError, buildReport, Html, Markdown } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { twoSessions } from "../helpers.js"
import { hostileTexts } from "./fixtures.js"

const year = twoSessions()
const build = (missing: unknown) => buildReport(year, { policy, year: 2024, missing } as never)
const computed = (report: ReturnType<typeof buildReport>) =>
  report.published.filter((p) =>
    p.indicator.measures.some((m) => Array.from(p.table.array(m.column) as ArrayLike<unknown>).some((v) => v !== null)),
  ).length

describe("hostile missing inputs", () => {
  const plain = build([])

  it.each([
    ["a text", "attendance"],
    ["an object", { entity: "attendance" }],
    ["an entry without a reason", [{ entity: "attendance" }]],
    ["a reason in one language", [{ entity: "attendance", reason: { nb: "tom" } }]],
    ["an entity that is no text", [{ entity: 1, reason: { nb: "x", en: "x" } }]],
    ["null in the list", [null]],
  ])("refuses %s with an AnalyticsError", (_, missing) => {
    expect(() => build(missing)).toThrow(AnalyticsError)
  })

  it("blanks nothing for entity names that are keys of Object.prototype or code", () => {
    const missing = hostileTexts.map((t) => ({ entity: t, reason: { nb: t, en: t } }))
    const report = build(missing)
    expect(computed(report)).toBe(computed(plain))
    expect(report.model.sections.every((s) => s.missing === undefined)).toBe(true)
  })

  it("writes a reason with markup as inert text", () => {
    const reason = {
      nb: "<img src=x onerror=alert(1)> | a | [x](javascript:alert(1))",
      en: "<script>alert(1)</script>",
    }
    const report = build([{ entity: "attendance", reason }])
    const html = Html.render(report.model)
    expect(html).not.toContain("<img src=x")
    expect(html).not.toContain("<script>alert")
    expect(Markdown.render(report.model)).not.toContain("| a |")
    expect(report.model.sections.find((s) => s.indicator.id === "attendanceRate")?.missing?.en).toContain("<script>")
  })

  it("refuses a reason with an identity number, without showing it", () => {
    const error = (() => {
      try {
        build([{ entity: "attendance", reason: { nb: "01019012345", en: "01019012345" } }])
      } catch (e) {
        return e as Error
      }
    })()
    expect(error).toBeInstanceOf(Error)
    expect(error?.message).not.toContain("01019012345")
  })

  it("reads each entry once: a getter that changes its answer cannot slip past the check", () => {
    let reads = 0
    const entry = {
      get entity() {
        reads++
        return reads === 1 ? "attendance" : { toString: () => "attendance" }
      },
      reason: { nb: "x", en: "x" },
    }
    const report = build([entry])
    expect(reads).toBe(1)
    expect(report.model.sections.find((s) => s.indicator.id === "attendanceRate")?.missing).toBeDefined()
  })
})
