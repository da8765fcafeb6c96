import { describe, expect, it } from "vitest"
import { Decision, Explain, Subject } from "../src/index.js"
import { fixture } from "./helpers.js"

const karate = () =>
  Decision.decide(
    fixture(),
    Subject.make({ citizen: { birthYear: 1990, departments: ["rpha"] }, offering: "karategruppe" }),
    "2024-03-01",
  )

describe("Explain", () => {
  it("explains a decision in bokmål", () => {
    const d = karate().decisions.find((x) => x.rule === "eligibility/karate-needs-intake")!
    expect(Explain.decision(d, fixture(), "nb")).toBe(
      [
        "Karate har inntak: Kan ikke delta",
        "  Regel: eligibility/karate-needs-intake (eligibility/karate-needs-intake.json), versjon 1, gjelder fra 2023-03-09",
        "  Gjelder fordi:",
        "    ✓ Tilbud (Karategruppe) er Karategruppe",
        "  Begrunnelse:",
        "    ✗ Påmeldt inntak (nei) er ja",
        "  Kilde: Mestringsenhetens modell for aktivitet, Hverdagsaktiviteter, linje 102",
      ].join("\n"),
    )
  })

  it("explains a decision in English, with the parameter and the date it took effect", () => {
    const d = Decision.decide(
      fixture(),
      Subject.make({ citizen: { birthYear: 1990, departments: ["rpha"] }, fit: { ors: 19 } }),
      "2024-03-01",
    ).decisions.find((x) => x.rule === "escalation/fit-ors-below-cutoff")!
    expect(Explain.decision(d, fixture(), "en")).toBe(
      [
        "ORS below the clinical cutoff alerts the therapist: Escalated to the therapist, who goes through the feedback with the citizen",
        "  Rule: escalation/fit-ors-below-cutoff (escalation/fit-ors-below-cutoff.json), version 1, in force from 2023-03-09",
        "  Applies because:",
        "    ✓ FIT feedback given (yes) is yes",
        "  Reason:",
        "    ✓ ORS score (19) is less than ORS clinical cutoff (25 points (0–40); parameter fit.ors-cutoff, from 2023-03-09)",
        "  Source: Psykisk helsearbeid for voksne, Psykisk helse for voksne - felles for alle forløp, line 158",
      ].join("\n"),
    )
  })

  it("reads dates, lists, nested conditions and given/not given in plain words", () => {
    const result = Decision.decide(
      fixture(),
      Subject.make({
        citizen: { birthYear: 1980, departments: [] },
        offering: "pilates",
        enrollment: { start: "2023-03-01" },
      }),
      "2023-06-01",
    )
    const text = Explain.decisions(result, fixture(), "en")
    expect(text.split("\n").slice(0, 4)).toEqual([
      "Decisions 2023-06-01",
      "  Taking part: May not take part",
      "  Escalation: Escalated to the activity lead, who helps the participant over to an offering in the local community",
      "",
    ])
    expect(text).toContain("    ✓ Offering (Pilates) is given")
    expect(text).toContain("      ✗ Gets help from the unit (no) is yes")
    expect(text).toContain(
      "      ✗ Date (2023-06-01) is on or before last day of the transition period (2023-05-08; parameter model.start, from 2023-03-09; parameter transition.duration, from 2023-03-09)",
    )
    expect(text).toContain(
      [
        "    ✓ All of these must hold:",
        "      ✓ Date (2023-06-01) is after last day of the transition period (2023-05-08; parameter model.start, from 2023-03-09; parameter transition.duration, from 2023-03-09)",
        "      ✓ Helped over to a community offering (no) is no",
      ].join("\n"),
    )
  })

  it("summarises in bokmål and says when no rule applies", () => {
    expect(Explain.decisions(karate(), fixture(), "nb").split("\n").slice(0, 2)).toEqual([
      "Avgjørelser 2024-03-01",
      "  Deltagelse: Kan ikke delta",
    ])
    expect(Explain.decisions(Decision.decide(fixture(), Subject.make({}), "2024-03-01"), fixture(), "nb")).toBe(
      "Avgjørelser 2024-03-01\n  Ingen regler gjelder for dette.",
    )
  })

  it("says what an unknown answer depends on, marking the open conditions with ?", () => {
    const result = Decision.decide(
      fixture(),
      Subject.make({ citizen: { birthYear: 2006, departments: ["rpha"] }, offering: "sandneshallen" }),
      "2024-03-01",
    )
    const text = Explain.decisions(result, fixture(), "nb").split("\n")
    expect(text[1]).toBe("  Deltagelse: Ukjent: det avhenger av innbyggerens fødselsdato, som spørsmålet ikke oppgir")
    expect(text).toContain(
      "    ? Alder (17 eller 18) er minst minstealder (18 år; parameter citizen.minimum-age, fra 2023-03-09)",
    )
    expect(text).toContain("  Mulige utfall: Kan delta eller Kan ikke delta")
  })
})
