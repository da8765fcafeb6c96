// The reporting crosswalk: an entry for every offering of the catalogue, each
// value with its sources, codes that exist in the published lists, reasons
// that agree with the catalogue, and the KPR service type on export (the
// check on enrollments is in ../KprCheck.test.ts).
import { describe, expect, it } from "vitest"
import raw from "../../catalogue/crosswalk.json" with { type: "json" }
import * as Crosswalk from "../../src/Crosswalk.js"
import { Fhir } from "../../src/fhir/index.js"
import { Catalogue } from "../../src/index.js"
import { ids, mutable, tinyYear } from "../fixtures.js"

const crosswalk = Crosswalk.sandnes()
const catalogue = Catalogue.sandnes()

// Volven 9151 as HL7 Norway publishes it (FHIR-hackathon-2025-okt-ig, CodeSystem IplosCs, 2025-11-12).
const volven9151: Record<string, string> = {
  "1": "Praktisk bistand - daglige gjøremål",
  "2": "Praktisk bistand - opplæring - daglige gjøremål",
  "3": "Praktisk bistand - brukerstyrt - personlig assistanse",
  "4": "Dagaktivitetstilbud",
  "9": "Støttekontakt",
  "15": "Helsetjenester i hjemmet",
}

describe("the reporting crosswalk", () => {
  it("has one entry for every offering of the catalogue, and none for others", () => {
    expect(crosswalk.entries.map((e) => e.offeringId).sort()).toEqual(catalogue.offerings.map((o) => o.id).sort())
    expect(crosswalk.catalogueVersion).toBe(catalogue.version)
  })

  it("names the sources of every value: a listed document with a date, and a section", () => {
    for (const e of crosswalk.entries) {
      for (const value of [e.kpr, e.kostra, ...(e.brukerplan === undefined ? [] : [e.brukerplan])]) {
        const sources = Crosswalk.sourcesOf(value)
        expect(sources.length).toBeGreaterThan(0)
        for (const s of sources) {
          expect(s.title).toMatch(/\S/u)
          expect(s.section).toMatch(/\S/u)
          expect(s.date ?? s.consulted).toMatch(/^\d{4}/u)
        }
      }
    }
  })

  it("reports only what is granted by individual decision, and says why the rest is not", () => {
    for (const o of catalogue.offerings) {
      const { kpr } = Crosswalk.entryFor(o.id)!
      if (o.access === "individual-decision") {
        expect(kpr.reportable).toBe(true)
      } else {
        expect(kpr).toMatchObject({
          reportable: false,
          reason: o.access === "open" ? "open-offering" : "no-individual-decision",
        })
      }
    }
  })

  it("uses 9151 codes as published, and marks Aktivitetskontakt as støttekontakt an interpretation", () => {
    const reportable = crosswalk.entries.flatMap((e) => (e.kpr.reportable ? [[e.offeringId, e.kpr] as const] : []))
    expect(reportable.map(([id]) => id)).toEqual(["aktivitetskontakt"])
    for (const [, kpr] of reportable) {
      if (!kpr.reportable) continue
      expect(kpr.system).toBe(Fhir.KPR_SERVICE_SYSTEM)
      if (kpr.verified) expect(kpr.display).toBe(volven9151[kpr.code])
    }
    expect(Crosswalk.entryFor("aktivitetskontakt")?.kpr).toMatchObject({
      code: "9",
      display: "Støttekontakt",
      interpretation: true,
      verified: true,
    })
  })

  it("puts substance-use department groups on KOSTRA 243 and says every function choice is ours", () => {
    for (const o of catalogue.offerings) {
      const { kostra } = Crosswalk.entryFor(o.id)!
      expect(["234", "241", "243"]).toContain(kostra.function)
      expect(kostra.interpretation).toBe(true)
      const department = o.status.kind === "discontinued" ? o.status.formerOperator : o.operator.department
      if (o.category === "department") expect(kostra.function).toBe(department === "rus-og-avhengighet" ? "243" : "234")
      if (o.category === "treatment") expect(kostra.function).toBe("241")
    }
    expect(Crosswalk.entryFor("sykkelgruppe")?.kostra.name).toBe("Tilbud til personer med rusproblemer")
  })

  it("names meaningful activity (arbeid/aktivitet) first among the BrukerPlan areas", () => {
    for (const e of crosswalk.entries) {
      expect(e.brukerplan?.primary).toBe("arbeid-aktivitet")
      expect(e.brukerplan?.areas).toContain(e.brukerplan?.primary)
    }
    expect(Crosswalk.lifeAreas["arbeid-aktivitet"].nb).toContain("meningsfull aktivitet")
  })

  it("refuses a file that cites an unlisted document, lacks sources or has a malformed code", () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test breaks the data into shapes no type allows
    const copy = () => structuredClone(raw) as any
    const unlisted = copy()
    unlisted.entries[0].kostra.sources[0].document = "nowhere"
    expect(() => Crosswalk.decode(unlisted)).toThrow(
      /Unknown document "nowhere".*\(at \/entries\/0\/kostra\/sources\/0\/document\)/u,
    )
    try {
      Crosswalk.decode(unlisted)
    } catch (e) {
      // The path in the crosswalk's own form stays on the problem.
      expect((e as Crosswalk.CrosswalkError).problems.map((p) => p.path)).toEqual([
        "entries[0].kostra.sources[0].document",
      ])
    }
    const bare = copy()
    bare.entries[1].kpr.sources = []
    expect(() => Crosswalk.decode(bare)).toThrow(Crosswalk.CrosswalkError)
    const code = copy()
    code.entries[0].kostra.function = "24"
    expect(() => Crosswalk.decode(code)).toThrow(Crosswalk.CrosswalkError)
    expect(Crosswalk.decode(copy()).entries).toHaveLength(crosswalk.entries.length)
  })
})

describe("KPR service types", () => {
  const withAktivitetskontakt = () => {
    const data = mutable(tinyYear())
    data.referrals.push({
      id: "r-ak",
      citizenId: ids.bo,
      therapistId: "s-ther",
      offeringId: "aktivitetskontakt",
      date: "2024-03-01",
    })
    data.enrollments.push(
      {
        id: "ak-ok",
        citizenId: ids.bo,
        offeringId: "aktivitetskontakt",
        start: "2024-03-04",
        referralId: "r-ak",
        status: "completed",
        closedOn: "2024-06-01",
      },
      { id: "ak-none", citizenId: ids.bo, offeringId: "aktivitetskontakt", start: "2024-03-04", status: "ongoing" },
      {
        id: "ak-lost",
        citizenId: ids.bo,
        offeringId: "aktivitetskontakt",
        start: "2024-03-04",
        referralId: "r-gone",
        status: "ongoing",
      },
      {
        id: "ak-early",
        citizenId: ids.bo,
        offeringId: "aktivitetskontakt",
        start: "2024-02-01",
        referralId: "r-ak",
        status: "withdrawn",
      },
    )
    return data
  }

  it("Crosswalk.reportable lists the offerings marked reportable, with their 9151 code and name", () => {
    expect([...Crosswalk.reportable()]).toEqual([["aktivitetskontakt", { code: "9", display: "Støttekontakt" }]])
    const none = { ...crosswalk, entries: crosswalk.entries.filter((e) => e.offeringId !== "aktivitetskontakt") }
    expect(Crosswalk.reportable(none).size).toBe(0)
  })

  it("puts the KPR service type on exported enrollments in reportable services only", () => {
    const bundle = Fhir.bundle(withAktivitetskontakt(), {
      pseudonymSystem: "https://sandnes.kommune.no/fhir/pseudonym",
    })
    const kprTypes = bundle.entry.flatMap(({ resource: r }) =>
      r.resourceType === "EpisodeOfCare"
        ? (r.type ?? []).flatMap((t) =>
            (t.coding ?? [])
              .filter((c) => c.system === Fhir.KPR_SERVICE_SYSTEM)
              .map((c) => [r.identifier?.[0]?.value, c.code]),
          )
        : [],
    )
    expect(kprTypes).toEqual([
      ["ak-ok", "9"],
      ["ak-none", "9"],
      ["ak-lost", "9"],
      ["ak-early", "9"],
    ])
  })
})
