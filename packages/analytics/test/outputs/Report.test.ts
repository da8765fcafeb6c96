import { readFileSync } from "node:fs"
import { generate } from "@aktivitetsmodell/core/synthetic"
import * as aq from "arquero"
import { describe, expect, it } from "vitest"
import {
  Audit,
  buildReport,
  Export,
  Identifiers,
  Indicators,
  Provenance,
  RecoveryCollege,
  ServiceStatistics,
} from "../../src/index.js"
import { policy } from "../fixturePolicy.js"

const data = generate({ policy, seed: 3, year: 2024, citizens: 300 })
const statistics = ServiceStatistics.parse(
  readFileSync(new URL("../../../../examples/data/service-statistics-2017-2021.csv", import.meta.url), "utf8"),
  "s.csv",
)
const recoveryCollege = RecoveryCollege.parse(
  readFileSync(
    new URL("../../../../examples/data/recovery-college-participants-2019-2021.csv", import.meta.url),
    "utf8",
  ),
  "rc.csv",
)
const nb = buildReport(data, { policy, lang: "nb", year: 2024, statistics, recoveryCollege })
const en = buildReport(data, { policy, lang: "en", year: 2024 })

describe("buildReport on a synthetic year", () => {
  it("writes a self-contained HTML document in bokmål, with a chart per indicator", () => {
    expect(nb.html.startsWith('<!doctype html>\n<html lang="nb">')).toBe(true)
    expect(nb.html).not.toMatch(/<script|<link |src="http|href="http/u)
    expect((nb.html.match(/<svg /gu) ?? []).length).toBeGreaterThanOrEqual(Indicators.all.length)
    for (const i of Indicators.all) expect(nb.html).toContain(`<h2>${i.name.nb}</h2>`)
    expect(nb.html).toContain("<h2>Tjenestestatistikk</h2>")
    expect(nb.html).toContain("<h2>Utkast til evalueringsplan</h2>")
  })

  it("lists offerings by name in bokmål order, totals last", () => {
    const section = nb.html.slice(
      nb.html.indexOf('<section id="participation">'),
      nb.html.indexOf('<section id="newReturning">'),
    )
    const names = [...section.matchAll(/<tr(?: class="total")?><td>([^<]+)<\/td>/gu)].map((m) => m[1]!)
    expect(names.at(-1)).toBe("Totalt")
    expect(names.indexOf("Aktivitetskontakt")).toBeLessThan(names.indexOf("Turgruppe"))
    expect(names.indexOf("Turgruppe")).toBeLessThan(names.indexOf("Åpen trening på Mudo i gruppe"))
  })

  it("has an English option", () => {
    expect(en.html).toContain('<html lang="en">')
    expect(en.html).toContain("<h2>Draft evaluation plan</h2>")
    expect(en.summary.split("\n")[0]).toBe("Activity report 2024")
  })

  it("carries no identifiers: no national identity numbers and no pseudonyms", () => {
    for (const text of [nb.html, nb.markdown, nb.summary, en.html, en.markdown])
      expect(Identifiers.find(text)).toEqual([])
    for (const c of data.citizens) expect(nb.html.includes(c.id) || nb.markdown.includes(c.id)).toBe(false)
  })

  it("shows the service statistics with missing years missing and small counts hidden", () => {
    // "Antall nye saker" has no figures before 2020; overdose deaths (2 in 2018) are hidden.
    expect(nb.html).toMatch(
      /<td>Antall nye saker<\/td><td>\.\.<\/td><td>\.\.<\/td><td>\.\.<\/td><td>966<\/td><td>1\u00a0585<\/td>/u,
    )
    expect(nb.html).toMatch(
      /<td>Overdosedødsfall med samtidig oppfølging fra Mestringsenheten, rus<\/td><td>0<\/td><td class="hidden">:<\/td>/u,
    )
  })

  it("refuses a language it does not have", () => {
    expect(() => buildReport(data, { policy, lang: "de" as "nb" })).toThrow(/Unknown language "de"/u)
  })

  it("summarises the year for a console", () => {
    expect(nb.summary.split("\n").slice(0, 2)).toEqual([
      "Aktivitetsrapport 2024",
      "Periode: 1. januar 2024–31. desember 2024",
    ])
    // Participants are those who came, said beside the figure: not those enrolled or booked.
    expect(nb.summary.split("\n")[2]).toMatch(/^ {2}Deltakere \(møtt minst én gang\): \d/u)
    expect(nb.summary).toMatch(/Skjermet: \d+ celler med små tall/u)
  })
})

describe("buildReport's provenance", () => {
  const hash = "c0ffee00".repeat(8)
  const at = "2025-01-10T08:00:00Z"
  const synthetic = buildReport(data, {
    policy,
    lang: "nb",
    year: 2024,
    synthetic: true,
    source: "frø 3",
    generatedAt: at,
    policyHash: hash,
    versions: { "@aktivitetsmodell/core": "0.1.0" },
  })
  const real = buildReport(data, {
    policy,
    lang: "en",
    year: 2024,
    source: "Fagsystemet, uttrekk 10.01.2025",
    generatedAt: at,
  })

  it("says synthetic data at the top and foot of a synthetic report, in every output", () => {
    const notice = "Syntetiske data: innbyggerne og tallene er generert, ikke hentet fra ekte journaler."
    expect(synthetic.html).toContain(`<title>Aktivitetsrapport 2024 (syntetiske data)</title>`)
    expect(synthetic.html.match(new RegExp(notice, "gu"))).toHaveLength(2)
    expect(synthetic.html).toMatch(/<footer>.*class="synthetic every-page"/su)
    expect(synthetic.markdown.split("\n").slice(0, 3)).toEqual(["# Aktivitetsrapport 2024", "", `> ${notice}`])
    expect(synthetic.markdown.trimEnd().endsWith(`> ${notice}`)).toBe(true)
    expect(synthetic.summary.split("\n")[2]).toBe(notice)
    const csv = aq.fromCSV(Export.reportCsv(synthetic)).objects() as Array<Record<string, unknown>>
    expect(csv.every((r) => r.synthetic === true && r.dataSource === "frø 3")).toBe(true)
    expect(JSON.parse(Export.reportJson(synthetic)).provenance).toMatchObject({ synthetic: true, source: "frø 3" })
    for (const text of [real.html, real.markdown, real.summary])
      expect(text).not.toMatch(/Synthetic data|class="synthetic/u)
  })

  it("names the source given, the generation time given, the versions and the policy hash", () => {
    expect(real.html).toContain("<dt>Data source</dt><dd>Fagsystemet, uttrekk 10.01.2025</dd>")
    expect(real.html).toContain('<time datetime="2025-01-10T08:00:00.000Z">10 January 2025 at 09:00</time>')
    expect(synthetic.html).toContain("<dd>c0ffee00:c0ffee00:c0ffee00:c0ffee00:c0ffee00:c0ffee00:c0ffee00:c0ffee00</dd>")
    expect(synthetic.markdown).toContain(
      "- Programvare: @aktivitetsmodell/analytics 0.1.0, @aktivitetsmodell/core 0.1.0",
    )
    expect(real.summary.split("\n").at(-1)).toBe(Provenance.line(real.provenance, "en"))
    expect(real.model.provenance).toBe(real.provenance)
    const json = JSON.parse(Export.reportJson(real))
    expect(json.provenance).toEqual({
      source: "Fagsystemet, uttrekk 10.01.2025",
      synthetic: false,
      period: { from: "2024-01-01", to: "2024-12-31" },
      generatedAt: "2025-01-10T08:00:00.000Z",
      versions: { "@aktivitetsmodell/analytics": "0.1.0" },
      policyHash: null,
    })
  })

  it("is reproducible with a generation time given", () => {
    const again = buildReport(data, {
      policy,
      lang: "en",
      year: 2024,
      source: "Fagsystemet, uttrekk 10.01.2025",
      generatedAt: new Date(at),
    })
    expect(again.html).toBe(real.html)
    expect(again.markdown).toBe(real.markdown)
  })

  it("still gives nothing away: the audit finds no small count in the CSV or the JSON", () => {
    expect(Audit.run([Audit.read(Export.reportCsv(synthetic), "report.csv")]).findings).toEqual([])
    expect(Audit.run([Audit.read(Export.reportJson(synthetic), "report.json")]).findings).toEqual([])
  })
})

describe("buildReport where completion does not apply", () => {
  const section = nb.html.slice(
    nb.html.indexOf('<section id="completionRate">'),
    nb.html.indexOf('<section id="communityTransition">'),
  )

  it("shows ikke relevant for open groups, never 0 %", () => {
    for (const name of ["Helårsbading", "Løpegruppe", "Volleyball", "Sandneshallen"]) {
      expect(section).toMatch(new RegExp(`<tr><td>${name}</td>(<td class="na">ikke relevant</td>){4}</tr>`, "u"))
    }
    expect(section).not.toMatch(/<td>0\u00a0%<\/td>/u)
    expect(nb.html).toContain("ikke relevant: Indikatoren gjelder ikke disse tilbudene")
    expect(en.markdown).toMatch(
      /\| Year-round outdoor swimming \| not applicable \| not applicable \| not applicable \| not applicable \|/u,
    )
  })
})

describe("buildReport's statistics from the analyst's own file", () => {
  // 2019–2023 from the unit's annual report; four walking groups a year are
  // activities, not people; three complaints are about people.
  const own = ServiceStatistics.parse(
    [
      "id,label_nb,label_en,unit,2019,2020,2021,2022,2023,source",
      "walking-groups,Antall turgrupper,Walking groups,activities,4,4,3,4,4,årsrapport",
      "complaints,Antall klagesaker,Complaints,count,2,1,3,12,14,årsrapport",
      "new-cases,Antall nye saker,New cases,count,800,966,1585,1600,1700,årsrapport",
    ].join("\n"),
    "egne-tall.csv",
  )
  const r = buildReport(data, { policy, lang: "nb", year: 2024, statistics: own })
  const section = r.html.slice(
    r.html.indexOf('<section id="statistics">'),
    r.html.indexOf("</section>", r.html.indexOf('<section id="statistics">')),
  )

  it("credits the source the file gives, not the 2021 report", () => {
    expect(section).toContain('<p class="def">Kilde: årsrapport.</p>')
    expect(section).not.toMatch(/2021 \(|seed|resultatvurdering/iu)
  })

  it("shows counts of activities in full and hides small counts of people", () => {
    expect(section).toContain("<td>Antall turgrupper</td><td>4</td><td>4</td><td>3</td><td>4</td><td>4</td>")
    expect(section).toContain(
      '<td>Antall klagesaker</td><td class="hidden">:</td><td class="hidden">:</td><td class="hidden">:</td><td>12</td><td>14</td>',
    )
  })

  it("gives each row's source in a column of its own when the rows name different sources", () => {
    expect(nb.html).toContain("<th>Kilde</th>")
    // The shipped file names a line of the 2021 report for each row: shown as the file gives it.
    expect(nb.html).toContain(`<td>${statistics.series.find((s) => s.id === "new-cases")!.source}</td>`)
    expect(nb.html).toContain('<p class="def">Kilde: oppgitt for hver rad, i kolonnen Kilde.</p>')
  })
})
