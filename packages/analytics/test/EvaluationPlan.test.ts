import { Redact } from "@aktivitetsmodell/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { EvaluationPlan, Provenance, Tables } from "../src/index.js"
import { accountedFor, csvLine, fileOf } from "./dataFiles.js"
import { policy } from "./fixturePolicy.js"
import { att, session, year } from "./helpers.js"

describe("EvaluationPlan.suggest", () => {
  const base = { active: true, participants: 40, trend: 0.1, attendance: 0.8, feedback: 4.2, use: 0.5 }
  it.each([
    ["a healthy offering", base, "yes"],
    ["nothing happened", { ...base, active: false }, "uncertain"],
    ["falling and poorly attended", { ...base, trend: -0.3, attendance: 0.55 }, "no"],
    ["falling with poor feedback", { ...base, trend: -0.4, feedback: 2.9 }, "no"],
    ["only falling", { ...base, trend: -0.3 }, "uncertain"],
    ["only poorly attended", { ...base, attendance: 0.59 }, "uncertain"],
    ["too few participants to show", { ...base, participants: null }, "uncertain"],
    ["full", { ...base, use: 0.9 }, "if-capacity"],
    ["no trend, feedback or capacity known", { ...base, trend: null, feedback: null, use: null }, "yes"],
  ] as const)("suggests for %s", (_, evidence, answer) => {
    expect(EvaluationPlan.suggest(evidence)).toBe(answer)
  })
})

describe("EvaluationPlan.draft", () => {
  // Sandneshallen: 6 citizens, one session in each of January and July; 5 of 6
  // come in January and 6 of 6 in July. Nothing else happens.
  const citizens = [1, 2, 3, 4, 5, 6]
  const tables = Tables.fromDataset(
    year({
      sessions: [session("sandneshallen", "2024-01-08", 2), session("sandneshallen", "2024-07-08", 2)],
      attendance: [
        ...citizens.map((c) => att(c, "sandneshallen", "2024-01-08", c === 6 ? "absent" : "present")),
        ...citizens.map((c) => att(c, "sandneshallen", "2024-07-08")),
      ],
    }),
    { policy },
  )
  const plan = EvaluationPlan.draft(tables)

  it("writes an assessment from the published indicators, in both languages", () => {
    const row = plan.rows.find((r) => r.id === "sandneshallen")!
    // 11 of 12 attendances present; too few attendances (5) in the first half for a
    // trend; no enrollments, so no transition share.
    expect(row.assessment.nb).toBe("6 deltakere, 2 samlinger; oppmøte 92\u00a0%.")
    expect(row.assessment.en).toBe("6 participants, 2 sessions; attendance 92%.")
    expect(row.continue).toBe("yes")
    expect(row.who.nb).toBe("Aktivitetsteamet (RPHA) med studenter")
  })

  it("says how attendances moved from the first to the second half of the year", () => {
    // Volleyball: 12 present in January, 9 in July (of 12 citizens): attendances fell 25 %.
    const twelve = Array.from({ length: 12 }, (_, i) => 20 + i)
    const t = Tables.fromDataset(
      year({
        sessions: [session("volleyball", "2024-01-09"), session("volleyball", "2024-07-09")],
        attendance: [
          ...twelve.map((c) => att(c, "volleyball", "2024-01-09")),
          ...twelve.map((c, i) => att(c, "volleyball", "2024-07-09", i < 9 ? "present" : "absent")),
        ],
      }),
      { policy },
    )
    const row = EvaluationPlan.draft(t).rows.find((r) => r.id === "volleyball")!
    expect(row.assessment.nb).toBe(
      "12 deltakere, 2 samlinger; oppmøte 88\u00a0%. Oppmøtene endret seg med mindre enn 30\u00a0% fra første til andre halvdel av perioden.",
    )
    expect(row.assessment.en).toBe(
      "12 participants, 2 sessions; attendance 88%. Attendances changed by less than 30% from the first to the second half of the period.",
    )
    expect(row.continue).toBe("yes")
  })

  it("names only the band of a change, so that the halves cannot be worked out from the published total", () => {
    // Turgruppe: 6 present twice in the first half, 1 in the second. With the published
    // total (13), an exact "fell 92 %" would give the second half: one person.
    const six = Array.from({ length: 6 }, (_, i) => 40 + i)
    const eight = Array.from({ length: 8 }, (_, i) => 60 + i)
    const days = ["2024-02-07", "2024-03-07"]
    const t = Tables.fromDataset(
      year({
        sessions: [
          ...days.map((d) => session("turgruppe", d)),
          session("turgruppe", "2024-10-07"),
          ...days.map((d) => session("sandneshallen", d)),
        ],
        attendance: [
          ...days.flatMap((d) => six.map((c) => att(c, "turgruppe", d))),
          att(six[0]!, "turgruppe", "2024-10-07"),
          ...days.flatMap((d) => eight.map((c) => att(c, "sandneshallen", d))),
        ],
      }),
      { policy },
    )
    const row = EvaluationPlan.draft(t).rows.find((r) => r.id === "turgruppe")!
    expect(row.assessment.en).toContain("Attendances fell by 30% or more from the first to the second half")
    expect(row.assessment.nb).toContain("Oppmøtene falt med 30\u00a0% eller mer fra første til andre halvdel")
    for (const text of [row.assessment.en, row.assessment.nb]) expect(text).not.toMatch(/9[12]/u)
  })

  it("words any change as one of three bands, with no figure of the halves (property)", () => {
    const bands = [
      "Attendances fell by 30% or more from the first to the second half of the period.",
      "Attendances rose by 30% or more from the first to the second half of the period.",
      "Attendances changed by less than 30% from the first to the second half of the period.",
    ]
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 12 }), fc.integer({ min: 0, max: 20 }), (first, second) => {
        const people = Array.from({ length: 20 }, (_, i) => 80 + i)
        const days = ["2024-02-07", "2024-03-07"]
        const t = Tables.fromDataset(
          year({
            sessions: [...days.map((d) => session("turgruppe", d)), session("turgruppe", "2024-10-07")],
            attendance: [
              ...days.flatMap((d) => people.slice(0, first).map((c) => att(c, "turgruppe", d))),
              ...people.slice(0, second).map((c) => att(c, "turgruppe", "2024-10-07")),
            ],
          }),
          { policy },
        )
        const text = EvaluationPlan.draft(t).rows.find((r) => r.id === "turgruppe")!.assessment.en
        const trend = text.split(". ").find((x) => x.startsWith("Attendances"))
        if (trend !== undefined) expect(bands).toContain(trend.endsWith(".") ? trend : `${trend}.`)
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 25) },
    )
  })

  it("lists every offering that was not discontinued, then the model-wide measures", () => {
    expect(plan.rows.filter((r) => r.id === "pilates")).toEqual([])
    expect(plan.rows.find((r) => r.id === "volleyball")!.continue).toBe("uncertain")
    expect(plan.rows.slice(-3).map((r) => [r.id, r.continue])).toEqual([
      ["department-contributions", "uncertain"],
      ["student-programme", "yes"],
      ["volunteering", "uncertain"],
    ])
  })

  it("exports the columns of «Evaluerings- og videreføringsplan for erfaringer gjort i prosjektet Optimist»", () => {
    expect(EvaluationPlan.toCsv(plan, "nb").split("\n")[0]).toBe("Aktivitet/tiltak,Vurdering,Videreføres?,Hvem?,id")
    expect(EvaluationPlan.toMarkdown(plan, "en").split("\n")[0]).toBe(
      "| Activity/measure | Assessment | Continue? | Who? |",
    )
  })

  it("says on every row where its figures come from when given the report's provenance, and still reads back", () => {
    const provenance = Provenance.make(plan.period, {
      synthetic: true,
      source: "frø 1",
      generatedAt: "2025-01-10T08:00:00Z",
      policyHash: "c0ffee00".repeat(8),
    })
    const csv = EvaluationPlan.toCsv(plan, "nb", provenance)
    const [head, ...rows] = csv.trimEnd().split("\n")
    expect(head).toBe(
      "Aktivitet/tiltak,Vurdering,Videreføres?,Hvem?,id,dataSource,synthetic,generatedAt,versions,policyHash",
    )
    expect(rows.length).toBe(plan.rows.length)
    for (const r of rows) expect(r).toContain(",frø 1,true,2025-01-10T08:00:00.000Z,")
    expect(EvaluationPlan.parse(csv, "plan.csv", plan.period).rows.map((r) => r.id)).toEqual(plan.rows.map((r) => r.id))
  })
})

describe("EvaluationPlan.parse", () => {
  it("reads back an edited plan in either language", () => {
    const text =
      'Aktivitet/tiltak,Vurdering,Videreføres?,Hvem?,id\nTurgruppe,"Bra, fortsetter",ja,Aktivitetsteamet,turgruppe\nYoga,Usikkert,"Ja, hvis kapasitet",RPHA,yoga\n'
    const parsed = EvaluationPlan.parse(text, "plan.csv")
    expect(parsed.rows.map((r) => [r.id, r.continue, r.assessment.nb])).toEqual([
      ["turgruppe", "yes", "Bra, fortsetter"],
      ["yoga", "if-capacity", "Usikkert"],
    ])
  })

  it("names the file, line and field of an answer it does not know", () => {
    expect(() => EvaluationPlan.parse("Activity/measure,Assessment,Continue?,Who?\nA,B,Maybe,C\n", "plan.csv")).toThrow(
      /plan\.csv:2, field Videreføres\?: Expected Yes, No, Uncertain or "Yes, if capacity allows", found "Maybe"/u,
    )
    expect(() => EvaluationPlan.parse("Tiltak,Vurdering\n", "plan.csv")).toThrow(
      /plan\.csv:1, field Activity\/measure: Missing the column "Activity\/measure"/u,
    )
  })

  it("gives back what it wrote, whatever the texts hold", () => {
    const text = fc.string({ maxLength: 30 })
    const row = fc.record({
      id: fc.stringMatching(/^[a-z-]{0,12}$/),
      measure: text,
      assessment: text,
      continue: fc.constantFrom<EvaluationPlan.Continue>("yes", "no", "uncertain", "if-capacity"),
      who: text,
    })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), fc.constantFrom<"nb" | "en">("nb", "en"), (rows, lang) => {
        const plan: EvaluationPlan.Plan = {
          period: { from: "2024-01-01", to: "2024-12-31" },
          rows: rows.map((r) => ({
            id: r.id,
            measure: { nb: r.measure, en: r.measure },
            assessment: { nb: r.assessment, en: r.assessment },
            continue: r.continue,
            who: { nb: r.who, en: r.who },
          })),
        }
        const csv = EvaluationPlan.toCsv(plan, lang)
        expect(EvaluationPlan.toCsv(EvaluationPlan.parse(csv, "plan.csv", plan.period), lang)).toBe(csv)
      }),
    )
  })
})

describe("EvaluationPlan.read", () => {
  const head = "Aktivitet/tiltak,Vurdering,Videreføres?,Hvem?,id"

  it("keeps the rows around an answer it does not know, and names that row's line and field", () => {
    const text = `${head}\nTurgruppe,Bra,Ja,RPHA,turgruppe\nYoga,Usikkert,Kanskje,RPHA,yoga\nKor,Fint,"Yes, if capacity allows",Frivillige,kor\n`
    const { value, rejected } = EvaluationPlan.read(text, "plan.csv", { from: "2024-01-01", to: "2024-12-31" })
    expect(value.period).toEqual({ from: "2024-01-01", to: "2024-12-31" })
    expect(value.rows.map((r) => [r.id, r.continue])).toEqual([
      ["turgruppe", "yes"],
      ["kor", "if-capacity"],
    ])
    expect(rejected).toEqual([
      {
        file: "plan.csv",
        line: 3,
        field: "Videreføres?",
        message: {
          nb: "Forventet Ja, Nei, Usikker eller «Ja, hvis kapasitet», fant «Kanskje»",
          en: 'Expected Yes, No, Uncertain or "Yes, if capacity allows", found "Kanskje"',
        },
      },
    ])
  })

  it("rejects a row short of cells or with cells beyond the header, rather than read a missing answer as empty", () => {
    const csv = `${head}\nLøpegruppe,Bra,Ja,Teamet,a\nTurgruppe,Bra,Ja\nYoga,Bra,Ja,Teamet,c,ekstra\n`
    const { value, rejected } = EvaluationPlan.read(csv, "plan.csv")
    expect(value.rows.map((r) => r.id)).toEqual(["a"])
    expect(rejected.map((p) => `${p.line} ${p.field}: ${p.message.en}`)).toEqual([
      "3 (row): Expected 5 fields, found 3",
      "4 (row): Expected 5 fields, found 6",
    ])
  })

  it("rejects every row when a heading is missing, each at its line, and keeps none", () => {
    const { value, rejected } = EvaluationPlan.read(
      "Tiltak,Vurdering,Videreføres?,Hvem?\nA,B,Ja,C\nD,E,Nei,F\n",
      "plan.csv",
    )
    expect(value.rows).toEqual([])
    expect(rejected.map((p) => [p.line, p.field, p.message.en])).toEqual([
      [
        2,
        "Activity/measure",
        'The header row (line 1) is wrong, so no row can be read: Missing the column "Activity/measure"',
      ],
      [
        3,
        "Activity/measure",
        'The header row (line 1) is wrong, so no row can be read: Missing the column "Activity/measure"',
      ],
    ])
  })

  it("throws only for wrong arguments", () => {
    expect(() => EvaluationPlan.read("", "plan.csv", { from: 1 } as never)).toThrow(
      /EvaluationPlan\.read: period must be \{ from, to \} as texts/u,
    )
    expect(EvaluationPlan.read("", "plan.csv").rejected.map((p) => p.message.en)).toEqual(["The file is empty"])
  })

  it("keeps every valid row as written, masked, and names every other row (property)", () => {
    const labels = ["Ja", "Nei", "Usikker", "Ja, hvis kapasitet", "Yes", "No", "Uncertain", "Yes, if capacity allows"]
    const keys = ["yes", "no", "uncertain", "if-capacity", "yes", "no", "uncertain", "if-capacity"]
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "constructor", "ring 01019012345"))
    const row = fc.record({
      valid: fc.boolean(),
      answer: fc.nat({ max: labels.length - 1 }),
      upper: fc.boolean(),
      wrong: fc.constantFrom("Kanskje", "", "__proto__", "01019012345", "ja ja"),
      measure: text,
      assessment: text,
      who: text,
      id: text,
      // A valid row written short of its last cell, or with one cell too many, is no longer valid.
      width: fc.constantFrom(5, 5, 5, 4, 6),
      blankBefore: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 10 }), fc.constantFrom("nb", "en"), (drawn, lang) => {
        const rows = drawn.map((r) => ({ ...r, valid: r.valid && r.width === 5 }))
        const heading = lang === "nb" ? head : "Activity/measure,Assessment,Continue?,Who?,id"
        const built = drawn.map((r) => {
          const answer = r.valid ? (r.upper ? labels[r.answer]!.toUpperCase() : labels[r.answer]!) : r.wrong
          const cells = [r.measure, r.assessment, answer, r.who, r.id, "x"].slice(0, r.width)
          return { line: csvLine(cells), blankBefore: r.blankBefore }
        })
        const { text: csv, lines } = fileOf(heading, built)
        const { value, rejected } = EvaluationPlan.read(csv, "plan.csv")
        const same = (s: string) => ({ nb: Redact.text(s), en: Redact.text(s) })
        expect(value.rows).toEqual(
          rows
            .filter((r) => r.valid)
            .map((r) => ({
              id: Redact.text(r.id),
              measure: same(r.measure),
              assessment: same(r.assessment),
              continue: keys[r.answer],
              who: same(r.who),
            })),
        )
        const bad = rows.flatMap((r, i) => (r.valid ? [] : [lines[i]!]))
        accountedFor(value.rows.length, rejected, "plan.csv", lines, bad)
        expect(JSON.stringify(rejected)).not.toContain("01019012345")
        if (rejected.length === 0) expect(EvaluationPlan.parse(csv, "plan.csv")).toEqual(value)
        else expect(() => EvaluationPlan.parse(csv, "plan.csv")).toThrow(/problem\(s\) in the data file/u)
      }),
    )
  })
})
