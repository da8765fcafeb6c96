import { readFileSync } from "node:fs"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import { buildReport, Identifiers, Indicators, RecoveryCollege, ServiceStatistics } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"

const data = generate({ policy, seed: 3, year: 2024, citizens: 300 })
const statistics = ServiceStatistics.parse(readFileSync(new URL("../../../../examples/data/service-statistics-2017-2021.csv", import.meta.url), "utf8"), "s.csv")
const recoveryCollege = RecoveryCollege.parse(readFileSync(new URL("../../../../examples/data/recovery-college-participants-2019-2021.csv", import.meta.url), "utf8"), "rc.csv")
const nb = buildReport(data, { policy, lang: "nb", year: 2024, statistics, recoveryCollege })
const en = buildReport(data, { policy, lang: "en", year: 2024 })

describe("buildReport on a synthetic year", () => {
  it("writes a self-contained HTML document in bokmål, with a chart per indicator", () => {
    expect(nb.html.startsWith("<!doctype html>\n<html lang=\"nb\">")).toBe(true)
    expect(nb.html).not.toMatch(/<script|<link |src="http|href="http/u)
    expect((nb.html.match(/<svg /gu) ?? []).length).toBeGreaterThanOrEqual(Indicators.all.length)
    for (const i of Indicators.all) expect(nb.html).toContain(`<h2>${i.name.nb}</h2>`)
    expect(nb.html).toContain("<h2>Tjenestestatistikk</h2>")
    expect(nb.html).toContain("<h2>Utkast til evalueringsplan</h2>")
  })

  it("lists offerings by name in bokmål order, totals last", () => {
    const section = nb.html.slice(nb.html.indexOf('<section id="participation">'), nb.html.indexOf('<section id="newReturning">'))
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
    for (const text of [nb.html, nb.markdown, nb.summary, en.html, en.markdown]) expect(Identifiers.find(text)).toEqual([])
    for (const c of data.citizens) expect(nb.html.includes(c.id) || nb.markdown.includes(c.id)).toBe(false)
  })

  it("shows the service statistics with missing years missing and small counts hidden", () => {
    // "Antall nye saker" has no figures before 2020; overdose deaths (2 in 2018) are hidden.
    expect(nb.html).toMatch(/<td>Antall nye saker<\/td><td>\.\.<\/td><td>\.\.<\/td><td>\.\.<\/td><td>966<\/td><td>1\u00a0585<\/td>/u)
    expect(nb.html).toMatch(/<td>Overdosedødsfall med samtidig oppfølging fra Mestringsenheten, rus<\/td><td>0<\/td><td class="hidden">:<\/td>/u)
  })

  it("refuses a language it does not have", () => {
    expect(() => buildReport(data, { policy, lang: "de" as "nb" })).toThrow(/Unknown language "de"/u)
  })

  it("summarises the year for a console", () => {
    expect(nb.summary.split("\n").slice(0, 2)).toEqual(["Aktivitetsrapport 2024", "Periode: 1. januar 2024–31. desember 2024"])
    expect(nb.summary).toMatch(/Skjermet: \d+ celler med små tall/u)
  })
})
