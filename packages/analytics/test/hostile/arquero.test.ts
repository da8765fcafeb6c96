// arquero compiles expression text and the keys it finds with Function(). No
// string from the records or the caller may reach it as code: not through a
// polluted Object.prototype, not as an id, a name or a theme, not through a
// caller's own tables, indicator or options.
import { generate } from "@aktivitetsmodell/core/synthetic"
import { afterEach, describe, expect, it } from "vitest"
import {
  AnalyticsError,
  buildReport,
  EvaluationPlan,
  Export,
  Indicator,
  Indicators,
  Publish,
  Tables,
} from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { enr, p, year } from "../helpers.js"
import { hostileDepartments, hostileOfferings, hostileYear, perOffering } from "./fixtures.js"

const g = globalThis as { __pwned?: unknown }
afterEach(() => {
  delete g.__pwned
})

// Keys that run when arquero compiles them: the first is dead code after a
// return; the second runs at once (a comma expression); the third when called.
const planted = ["x; globalThis.__pwned = 1; //", "0, globalThis.__pwned = 1", "(globalThis.__pwned = 1)"]

const polluted = <T>(f: () => T): T => {
  const protos = [Object.prototype, Array.prototype] as Array<Record<string, unknown>>
  try {
    for (const proto of protos) for (const k of planted) proto[k] = 1
    return f()
  } finally {
    for (const proto of protos) for (const k of planted) delete proto[k]
  }
}

const small = generate({ policy, seed: 2, year: 2024, citizens: 80 })

describe("a polluted Object.prototype", () => {
  it("stops buildReport with an AnalyticsError before arquero can run a planted key", () => {
    let thrown: unknown
    polluted(() => {
      try {
        buildReport(small, { policy, year: 2024 })
      } catch (e) {
        thrown = e
      }
    })
    expect(g.__pwned).toBeUndefined()
    expect(thrown).toBeInstanceOf(AnalyticsError)
    expect((thrown as AnalyticsError).text.en).toMatch(
      /^buildReport does not run: Object\.prototype has keys every object inherits \("x; globalThis/u,
    )
    expect((thrown as AnalyticsError).text.nb).toMatch(/forurenset/u)
  })

  it("stops every entry that reaches arquero, the catalogue's own compute functions too", () => {
    const tables = Tables.fromDataset(small, { policy })
    const result = Indicator.compute(Indicators.catalogue.participation, tables, { margins: true })
    const calls: Array<() => unknown> = [
      () => Tables.fromDataset(small, { policy }),
      () => Indicator.compute(Indicators.catalogue.communityTransition, tables),
      () => Indicators.catalogue.participation.compute(tables, ["offering"]),
      () => Publish.publish(result, { tables }),
      () => EvaluationPlan.draft(tables),
      () => Export.tidy([Publish.publish(result, { tables })]),
    ]
    for (const call of calls) {
      expect(() => polluted(call)).toThrow(AnalyticsError)
      expect(g.__pwned).toBeUndefined()
    }
  })

  it("names Array.prototype when only lists inherit a planted key", () => {
    const proto = Array.prototype as unknown as Record<string, unknown>
    try {
      proto[planted[1]!] = 1
      expect(() => Tables.fromDataset(small, { policy })).toThrow(
        /Tables\.fromDataset does not run: Array\.prototype has keys every array inherits/u,
      )
    } finally {
      delete proto[planted[1]!]
    }
  })

  it("runs again, with the same figures, once the prototype is clean", () => {
    // One time for all three, so a minute turning between them changes nothing.
    const options = { policy, year: 2024, generatedAt: "2024-12-31T12:00:00Z" }
    const before = buildReport(small, options).markdown
    expect(() => polluted(() => buildReport(small, options))).toThrow(AnalyticsError)
    expect(buildReport(small, options).markdown).toBe(before)
  })
})

describe("hostile ids, names and themes", () => {
  const data = hostileYear()
  const tables = Tables.fromDataset(data, { policy })

  it("go through every indicator, by every dimension it has, and run nothing", () => {
    for (const indicator of Indicators.all) {
      for (const by of [indicator.defaultBy, ...indicator.dimensions.map((d) => [d])]) {
        Publish.publish(Indicator.compute(indicator, tables, { by, margins: true }), { tables: tables })
      }
    }
    expect(g.__pwned).toBeUndefined()
  })

  it("are counted under their own ids: nothing lost, nothing merged", () => {
    const rows = Indicator.compute(Indicators.catalogue.participation, tables, {
      by: ["offering"],
    }).table.objects() as Array<Record<string, unknown>>
    for (const id of hostileOfferings) {
      expect(rows.filter((r) => r.offering === id).map((r) => [r.participants, r.attendances, r.sessions])).toEqual([
        [perOffering, perOffering, 1],
      ])
    }
    const byDepartment = Indicator.compute(Indicators.catalogue.participation, tables, {
      by: ["offering", "department"],
    }).table.objects() as Array<Record<string, unknown>>
    expect(byDepartment.find((r) => r.offering === "toString")?.department).toBe(
      hostileDepartments[3 % hostileDepartments.length]!.id,
    )
  })

  it("come out of the report as text, in every format", () => {
    const report = buildReport(data, { policy, year: 2024, title: '"); globalThis.__pwned=1; ("' })
    expect(g.__pwned).toBeUndefined()
    expect(report.html).not.toMatch(/<img|<script|<b>/u)
    expect(report.html).toContain("&lt;img src=x onerror=alert(1)&gt;")
    expect(report.markdown).not.toMatch(/<img|<script|<b>/u)
    const participation = report.published.find((x) => x.indicator.id === "participation")!
    const json = JSON.parse(Export.toJson(participation)) as { rows: Array<{ offering: string }> }
    for (const id of hostileOfferings) expect(json.rows.map((r) => r.offering)).toContain(id)
    expect(Export.toCsv(participation, { labelled: true, lang: "en" })).toContain('"linje\nskift\r\nogså"')
  })

  it("as capacity keys find only their own offering's places, never an inherited value", () => {
    // JSON.parse keeps "__proto__" as an own key, as a capacity file would.
    const capacity = JSON.parse('{ "__proto__": 7, "toString": 3 }') as Record<string, number>
    const use = (t: Tables.Tables) =>
      Indicator.compute(Indicators.catalogue.capacityUse, t, { by: ["offering"] }).table.objects() as Array<
        Record<string, unknown>
      >
    for (const given of [capacity, new Map(Object.entries(capacity))]) {
      const built = Tables.fromDataset(data, { policy, capacity: given })
      const places = new Map(
        (built.offerings.objects() as Array<{ offering: string; capacity: unknown }>).map((o) => [
          o.offering,
          o.capacity,
        ]),
      )
      expect([
        places.get("__proto__"),
        places.get("toString"),
        places.get("constructor"),
        places.get("hasOwnProperty"),
      ]).toEqual([7, 3, null, null])
      const rows = use(built)
      expect(rows.find((r) => r.offering === "__proto__")?.places).toBe(7)
      expect(rows.find((r) => r.offering === "toString")?.places).toBe(3)
      expect(rows.find((r) => r.offering === "constructor")?.places).toBeNull()
      expect(rows.find((r) => r.offering === "hasOwnProperty")?.places).toBeNull()
    }
  })

  it('holding "|", or the markers of total rows, are refused: they would merge groups or pose as totals', () => {
    const withId = (id: string) => year({ enrollments: [enr("e-1", 1, id, "2024-02-01")] })
    expect(() => Tables.fromDataset(withId("a|b"), { policy })).toThrow(
      /enrollments\.offering: the id "a\|b" holds "\|"/u,
    )
    expect(() => Tables.fromDataset(withId("(total)"), { policy })).toThrow(
      /the id "\(total\)" is reserved for total rows/u,
    )
    expect(() => Tables.fromDataset(withId("(unknown)"), { policy })).toThrow(/reserved for records without a value/u)
  })

  it('do not share a key: an offering called "null" is not the transition that names no offering', () => {
    // Before, the key was the values joined by "|", and null joined as "null".
    const data2 = year({
      enrollments: [enr("e-1", 1, "null", "2024-02-01")],
      transitions: [{ id: "t-1", citizenId: p(1), date: "2024-03-01", destination: "Klubb", kind: "club" }],
    })
    const rows = Indicator.compute(Indicators.catalogue.communityTransition, Tables.fromDataset(data2, { policy }), {
      by: ["offering"],
    }).table.objects() as Array<Record<string, unknown>>
    expect(rows.find((r) => r.offering === "null")).toMatchObject({ participants: 1, transitioned: 0 })
  })
})

describe("a caller's own values", () => {
  const tables = Tables.fromDataset(small, { policy })

  it("cannot splice code through tables, options or an indicator", () => {
    const attempts: Array<() => unknown> = [
      () =>
        Indicator.compute(Indicators.catalogue.completionRate, {
          ...tables,
          days: { from: "0) || (globalThis.__pwned = 1", to: 1 },
        } as never),
      () =>
        Indicator.compute(Indicators.catalogue.departmentContributions, {
          ...tables,
          requiredContributionPercent: "(globalThis.__pwned = 1)",
        } as never),
      () => EvaluationPlan.draft(tables, { rule: { min: 1, max: "0 || (globalThis.__pwned = 1)" } } as never),
      () =>
        Indicator.compute(
          {
            ...Indicators.catalogue.participation,
            measures: [
              { ...Indicators.catalogue.participation.measures[0]!, column: 'x"]; globalThis.__pwned = 1; //' },
            ],
          },
          tables,
        ),
      () =>
        Indicator.compute(
          {
            ...Indicators.catalogue.participation,
            measures: [{ ...Indicators.catalogue.participation.measures[0]!, column: "__proto__" }],
          },
          tables,
        ),
      () =>
        Indicator.compute(Indicators.catalogue.participation, tables, {
          by: ["offering", "x; globalThis.__pwned = 1"],
        } as never),
    ]
    for (const attempt of attempts) {
      expect(attempt).toThrow(AnalyticsError)
      expect(g.__pwned).toBeUndefined()
    }
  })
})
