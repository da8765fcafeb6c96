// Free text is never published as it stands: a feedback theme is a code of a
// closed, bilingual list (data/feedback-themes.json) or "annet"; the
// identifier guard catches names when a list of them is given.
import { generate } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import { buildReport, EvaluationPlan, Identifiers, Tables, Themes } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { att, session, year } from "../helpers.js"

describe("Themes", () => {
  it("matches codes and labels in both languages without regard to case or spacing", () => {
    expect(Themes.code("kapasitet")).toBe("kapasitet")
    expect(Themes.code("  Overgang   til LOKALMILJØET ")).toBe("overgang-til-lokalmiljoet")
    expect(Themes.code("Transition to the local community")).toBe("overgang-til-lokalmiljoet")
    expect(Themes.code("sosialt-fellesskap")).toBe("sosialt-fellesskap")
    expect(Themes.label("sosialt-fellesskap", "en")).toBe("social community")
  })

  it("makes any other text «annet»", () => {
    for (const text of ["Kari ringte meg om tilbudet", "kapasitet!", "<b>innhold</b>", "", "Ola Nordmann 01019012345"])
      expect(Themes.code(text)).toBe(Themes.OTHER)
    expect(Themes.label("annet", "nb")).toBe("annet")
    expect(Themes.label("annet", "en")).toBe("other")
  })

  it("knows every theme the synthetic year uses", () => {
    const tables = Tables.fromDataset(generate({ policy, seed: 4, year: 2024, citizens: 300 }), { policy })
    const themes = new Set(Array.from(tables.feedback.array("theme") as ArrayLike<string>))
    expect([...themes].filter((t) => t === Themes.OTHER)).toEqual([])
  })

  it("keeps free text out of the report, the Markdown and the evaluation-plan CSV", () => {
    const free = "Kari Nordmann sa at sjåføren var sen"
    const feedback = Array.from({ length: 6 }, (_, k) => ({
      id: `b-${k}`,
      source: "citizen",
      date: "2024-04-02",
      offeringId: "turgruppe",
      theme: k < 5 ? free : "Kapasitet",
      rating: 4,
    }))
    const attendance = Array.from({ length: 6 }, (_, k) => att(k + 1, "turgruppe", "2024-04-02"))
    const report = buildReport(year({ feedback, attendance, sessions: [session("turgruppe", "2024-04-02")] }), {
      policy,
      year: 2024,
      lang: "en",
    })
    for (const text of [
      report.html,
      report.markdown,
      EvaluationPlan.toCsv(report.plan, "nb"),
      EvaluationPlan.toCsv(report.plan, "en"),
    ])
      expect(text).not.toContain("Kari")
    // Five gave free text (published as "other", more than the profile hides); one said "Kapasitet", too few to name.
    expect(report.plan.rows.find((r) => r.id === "turgruppe")?.assessment.en).toContain("Themes: other.")
  })
})

describe("Identifiers with names", () => {
  it("finds given names as whole words, whatever their case", () => {
    expect(Identifiers.find("Samtale med kari nordmann i dag", { names: ["Kari Nordmann"] })).toEqual(["kari nordmann"])
    expect(Identifiers.find("Karin og Kari", { names: ["Kari"] })).toEqual(["Kari"])
    expect(Identifiers.find("Ingen navn her", { names: ["Ola", "x"] })).toEqual([])
  })

  it("stops a report that would print a name from the list", () => {
    const attendance = Array.from({ length: 6 }, (_, k) => att(k + 1, "turgruppe", "2024-04-02"))
    const data = year({ attendance, sessions: [session("turgruppe", "2024-04-02")] })
    expect(() =>
      buildReport(data, { policy, year: 2024, title: "Rapport for Kari Nordmann", names: ["kari nordmann"] }),
    ).toThrow(
      /report\.html contains \d+ possible identifier\(s\) \(a national identity number, a pseudonym or a name\)/u,
    )
    expect(() => buildReport(data, { policy, year: 2024, title: "Rapport", names: ["kari nordmann"] })).not.toThrow()
  })
})
