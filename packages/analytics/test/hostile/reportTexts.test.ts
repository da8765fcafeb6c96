// A report model's texts are the caller's to change before it is rendered:
// the title, the headlines, an indicator's name. Html.render and
// Markdown.render write none of them with an identity number in it. Such a
// model is refused whole, as Export refuses such a table, with no identity
// number in the message.
import { Redact } from "@aktivitetsmodell/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { buildReport, Html, Markdown } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { twoSessions } from "../helpers.js"
import { hostileTexts, thrown } from "./fixtures.js"

const report = buildReport(twoSessions(), { policy, year: 2024 })
const model = report.model
const section = model.sections[0]!
const forms = ["01019012345", "010190 12345", "010190-12345", "01.01.90.123.45"] as const

type Model = typeof model
const renderers: ReadonlyArray<[string, (m: Model) => string]> = [
  ["Html.render", Html.render],
  ["Markdown.render", Markdown.render],
]

// The model with `text` written into one of the places a caller may change.
const places: Record<string, (text: string) => Model> = {
  title: (text) => ({ ...model, title: text }),
  headline: (text) => ({ ...model, headlines: [{ label: { nb: text, en: text }, value: "1" }] }),
  "headline value": (text) => ({
    ...model,
    headlines: [{ label: { nb: "Deltakere", en: "Participants" }, value: text }],
  }),
  "indicator name": (text) => ({
    ...model,
    sections: [
      { ...section, indicator: { ...section.indicator, name: { nb: text, en: text } } },
      ...model.sections.slice(1),
    ],
  }),
}

const showsNoId = (text: string): void => {
  expect(Redact.containsNationalId(text)).toBe(false)
  for (const id of forms) expect(text).not.toContain(id)
}

describe("a report model's texts with an identity number", () => {
  // Markdown titles a section by its published table's indicator, so the section's own name does not reach it.
  const notWritten = new Set(["indicator name Markdown.render"])
  for (const [place, make] of Object.entries(places))
    for (const [name, render] of renderers)
      it(`in its ${place}: ${name} writes no identity number`, () => {
        const given = make(`Rapport ${forms[0]}`)
        if (notWritten.has(`${place} ${name}`)) return showsNoId(render(given))
        const e = thrown(() => render(given))
        expect(e.message).toContain(`${name} contains`)
        showsNoId(e.message)
      })

  it("the model as buildReport made it is still rendered", () => {
    for (const [, render] of renderers) expect(render(model)).toContain(model.title)
  })
})

describe("any text in any of those places (property)", () => {
  const text = fc.oneof(
    fc.constantFrom(...hostileTexts),
    fc.constantFrom(...forms).map((id) => `ring ${id} i dag`),
    fc.string({ maxLength: 40 }),
  )
  it("is rendered with no identity number, or the model is refused; no code runs", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(places)), text, (place, t) => {
        for (const [, render] of renderers) {
          let out: string
          try {
            out = render(places[place]!(t))
          } catch {
            showsNoId(thrown(() => render(places[place]!(t))).message)
            continue
          }
          showsNoId(out)
        }
        expect(Object.keys(Object.prototype)).toEqual([])
        expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined()
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 100) },
    )
  })
})
