// Texts a caller hands to the output helpers (a data source's name, software
// versions, a hand-built input section's file, entity, code and catalogue
// names, a chart's title and labels) come out with no identity number, in
// any of its written forms. (Labels.value gives a value as it is, so that a
// report built on an offering id like an identity number stops: see
// redaction.test.ts.)
import { Redact } from "@aktivitetsmodell/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Profile, Provenance, Rejected, Svg } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"

const strict = Profile.strictFrom(policy, "2024-12-31")
const forms = ["01019012345", "010190 12345", "010190-12345", "01.01.90.123.45", "010190\u200b12345"] as const
const period = { from: "2024-01-01", to: "2024-12-31" }
const noId = (text: string): void => {
  expect(Redact.containsNationalId(text)).toBe(false)
  for (const id of forms) expect(text).not.toContain(id)
}
const text = fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...forms)).map(([t, id]) => `${t} ${id}`)

describe("Provenance with an identity number in what the caller names", () => {
  it("masks it in the source and the versions, in every output (property)", () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), (source, v, synthetic) => {
        const made = Provenance.make(period, { source, synthetic, versions: { [v]: v } })
        // A provenance built by hand, not by make, is shown masked too.
        const byHand = { ...made, source, versions: { [v]: v } }
        for (const p of [made, byHand]) {
          for (const lang of ["nb", "en"] as const) noId(Provenance.line(p, lang))
          noId(JSON.stringify(Provenance.columns(p)))
        }
        noId(JSON.stringify(made))
      }),
      { numRuns: 100 },
    )
  })
})

describe("Rejected with an identity number in a hand-built section", () => {
  it("masks it in the file, entity, code and catalogue names, in every output (property)", () => {
    fc.assert(
      fc.property(text, text, text, text, (file, entity, code, catalogue) => {
        const section: Rejected.Section = {
          files: [{ file, entity, records: 1, valid: 0, rejected: 1 }],
          entries: [
            {
              kind: "rejected",
              file,
              entity,
              line: 2,
              record: 1,
              field: "",
              code,
              message: { nb: "Feil", en: "Wrong" },
            },
          ],
          fromCatalogue: [catalogue],
        }
        for (const lang of ["nb", "en"] as const) {
          noId(Rejected.toCsv(section, lang))
          noId(Rejected.toHtml(section, lang, strict))
          noId(Rejected.toMarkdown(section, lang, strict))
          noId(Rejected.line(section.entries[0]!, lang))
          noId(Rejected.where(section.entries[0]!, lang))
        }
      }),
      { numRuns: 100 },
    )
  })
})

describe("Charts with an identity number in the caller's texts", () => {
  it("mask it in every text they draw (property)", () => {
    fc.assert(
      fc.property(text, text, text, (title, label, name) => {
        noId(Svg.barChart(title, [{ label, value: 3, text: label }], { id: name }))
        noId(Svg.lineChart(title, [label, "b"], [{ name, values: [1, 2] }], () => label))
      }),
      { numRuns: 100 },
    )
  })
})
