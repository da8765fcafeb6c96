// Evaluation plans and measure labels handed back by a caller: a plan may be
// read from an edited CSV, so its texts are free text written by hand. A plan
// is taken whole or refused whole; every text that goes out has its identity
// numbers masked; a refusal shows none; nothing reaches a prototype or runs.
import { Redact } from "@aktivitetsmodell/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  AnalyticsError,
  buildReport,
  EvaluationPlan,
  Html,
  Indicator,
  Indicators,
  Markdown,
  Tables,
} from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { twoSessions } from "../helpers.js"
import { hostileTexts, thrown } from "./fixtures.js"

// One made-up identity number (1 January 1990), written four ways.
const forms = ["01019012345", "010190 12345", "010190-12345", "01.01.90.123.45"] as const
const period = { from: "2024-01-01", to: "2024-12-31" }
const answers = ["yes", "no", "uncertain", "if-capacity"]

const showsNoId = (text: string): void => {
  for (const id of forms) expect(text).not.toContain(id)
  expect(Redact.containsNationalId(text)).toBe(false)
}

const text = fc.oneof(
  fc.constantFrom(...hostileTexts),
  fc.constantFrom(...forms).map((id) => `ring ${id} i dag`),
  fc.string(),
)
const bilingual = fc.record({ nb: text, en: text })
// Values a { nb, en } check must refuse.
const notBilingual = fc.constantFrom<unknown>(
  null,
  undefined,
  7,
  "Deltakelse",
  ["nb", "en"],
  { nb: "Deltakelse" },
  { en: "Participation" },
  { nb: 1, en: "x" },
  { nb: ["x"], en: "y" },
  { nb: forms[0], en: null },
)
const field = fc.oneof({ arbitrary: bilingual, weight: 8 }, { arbitrary: notBilingual, weight: 1 })
const answer = fc.oneof(
  { arbitrary: fc.constantFrom(...answers), weight: 8 },
  { arbitrary: fc.constantFrom<unknown>("__proto__", "constructor", "Ja", forms[0], null, 1), weight: 1 },
)
const row = fc.record({
  id: fc.oneof({ arbitrary: text, weight: 8 }, { arbitrary: fc.constantFrom<unknown>(null, 3, {}), weight: 1 }),
  measure: field,
  assessment: field,
  continue: answer,
  who: field,
})

const isTexts = (u: unknown): boolean =>
  typeof u === "object" &&
  u !== null &&
  typeof (u as { nb?: unknown }).nb === "string" &&
  typeof (u as { en?: unknown }).en === "string"
const isValidRow = (r: { id: unknown; measure: unknown; assessment: unknown; continue: unknown; who: unknown }) =>
  typeof r.id === "string" &&
  isTexts(r.measure) &&
  isTexts(r.assessment) &&
  isTexts(r.who) &&
  answers.includes(r.continue as string)

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).join(",")

describe("a plan handed back to the package", () => {
  it("is written whole, one line a row and no identity number, or refused whole with none in the message", () => {
    const before = prototypeKeys()
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), fc.constantFrom("nb", "en"), (rows, lang) => {
        const plan = { period, rows } as unknown as EvaluationPlan.Plan
        const valid = rows.every(isValidRow)
        for (const write of [EvaluationPlan.toMarkdown, EvaluationPlan.toCsv]) {
          let out: string | undefined
          try {
            out = write(plan, lang)
          } catch (e) {
            expect(e).toBeInstanceOf(AnalyticsError)
            showsNoId((e as Error).message)
          }
          expect(out !== undefined).toBe(valid)
          if (out === undefined) continue
          showsNoId(out)
          if (write === EvaluationPlan.toMarkdown) expect(out.trimEnd().split("\n")).toHaveLength(rows.length + 2)
        }
        expect(prototypeKeys()).toBe(before)
        expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined()
      }),
    )
  })

  it("read back from its CSV gives every row again, with no identity number", () => {
    fc.assert(
      fc.property(fc.array(row.filter(isValidRow), { maxLength: 6 }), (rows) => {
        const csv = EvaluationPlan.toCsv({ period, rows } as unknown as EvaluationPlan.Plan, "nb")
        const back = EvaluationPlan.parse(csv, "plan.csv", period)
        expect(back.rows).toHaveLength(rows.length)
        showsNoId(JSON.stringify(back))
      }),
    )
  })

  it.each(forms)("masks an identity number written %s in an edited CSV as it is read", (id) => {
    const csv = `Aktivitet/tiltak,Vurdering,Videreføres?,Hvem?,id\nTurgruppe ${id},Ring ${id},Ja,${id},turgruppe\n`
    const plan = EvaluationPlan.parse(csv, "plan.csv", period)
    expect(plan.rows).toHaveLength(1)
    expect(plan.rows[0]!.id).toBe("turgruppe")
    expect(plan.rows[0]!.measure.nb).toContain(Redact.MASK)
    showsNoId(JSON.stringify(plan))
  })

  it.each(forms)("written %s by hand into a report model's plan, shows in neither the HTML nor the Markdown", (id) => {
    const report = buildReport(twoSessions(), { policy, year: 2024 })
    const texts = { nb: `Ring ${id}`, en: `Call ${id}` }
    const model = {
      ...report.model,
      plan: {
        period,
        rows: [{ id: `x ${id}`, measure: texts, assessment: texts, continue: "yes" as const, who: texts }],
      },
    }
    const html = Html.render(model)
    const markdown = Markdown.render(model)
    // The row is shown, its number masked (Markdown escapes the mask's characters).
    for (const out of [html, markdown]) {
      showsNoId(out)
      expect(out).toContain("Ring ")
    }
    expect(html).toContain(`Ring ${Redact.MASK}`)
  })

  it("is read once: a getter that turns to an identity number after the check changes nothing", () => {
    let reads = 0
    const measure = Object.defineProperty({ en: "Walk" }, "nb", {
      get: () => (reads++ === 0 ? "Tur" : `Tur ${forms[0]}`),
      enumerable: true,
    })
    const plan = { period, rows: [{ id: "tur", measure, assessment: measure, continue: "yes", who: measure }] }
    const out = EvaluationPlan.toMarkdown(plan as unknown as EvaluationPlan.Plan, "nb")
    showsNoId(out)
  })
})

describe("a measure label of an indicator handed back", () => {
  const tables = Tables.fromDataset(twoSessions(), { policy })
  const base = Indicators.catalogue.participation

  it("is taken when it is { nb, en } texts and refused otherwise, with no identity number in the message", () => {
    const before = prototypeKeys()
    fc.assert(
      fc.property(field, (label) => {
        // A caller's rebuilt indicator, whatever its label holds.
        const indicator = {
          ...base,
          measures: base.measures.map((m, i) => (i === 0 ? { ...m, label } : m)),
        } as unknown as Indicator.Indicator
        if (isTexts(label)) {
          const result = Indicator.compute(indicator, tables, { by: ["offering"] })
          expect(result.table.numRows()).toBeGreaterThan(0)
        } else showsNoId(thrown(() => Indicator.compute(indicator, tables, { by: ["offering"] })).message)
        expect(prototypeKeys()).toBe(before)
      }),
    )
  })
})
