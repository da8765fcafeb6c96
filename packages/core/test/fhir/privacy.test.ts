// Identity numbers stay out of the exchange: Patients carry the pseudonym
// only, unless the caller passes a resolver; free text leaves masked; import
// keeps pseudonyms only and its messages never show a number.
import { describe, expect, it } from "vitest"
import { Fhir } from "../../src/fhir/index.js"
import { CoreError, Redact } from "../../src/index.js"
import { makeNationalId } from "../../src/NationalId.js"
import { generate } from "../../src/synthetic/index.js"
import { policy } from "../fixturePolicy.js"
import { mutable, tinyYear } from "../fixtures.js"

const pseudonymSystem = "https://sandnes.kommune.no/fhir/pseudonym"
const year = generate({ policy, seed: 11, citizens: 60 })
// A synthetic (Tenor) number per citizen; every third is a D-number. Some
// individual numbers give a check digit of 10, so try the next one.
const numberFor = (i: number): string => {
  for (let individual = 100 + i * 3; ; individual++) {
    const n = makeNationalId(`1975-0${(i % 9) + 1}-1${i % 10}`, individual, {
      synthetic: "tenor",
      dNumber: i % 3 === 0,
    })
    if (n !== undefined) return n
  }
}
const numbers = new Map<string, string>(year.citizens.map((c, i) => [c.id, numberFor(i)]))
const resolver = (p: string) => numbers.get(p)

const patients = (b: Fhir.Bundle) => b.entry.flatMap((e) => (e.resource.resourceType === "Patient" ? [e.resource] : []))

describe("identity numbers in the exchange", () => {
  it("never appear without a resolver, though the caller knows them", () => {
    expect([...numbers.values()].every((n) => /^\d{11}$/u.test(n))).toBe(true)
    const text = JSON.stringify(Fhir.bundle(year, { pseudonymSystem, includeFeedbackComments: true }))
    expect([...numbers.values()].filter((n) => text.includes(n))).toEqual([])
    expect(text).not.toContain(Fhir.FNR_SYSTEM)
    expect(text).not.toContain(Fhir.DNR_SYSTEM)
    for (const p of patients(Fhir.bundle(year, { pseudonymSystem })))
      expect(p.identifier).toEqual([{ system: pseudonymSystem, value: expect.stringMatching(/^[0-9a-f]{32}$/u) }])
  })

  it("appear with a resolver, under fødselsnummer or D-nummer as no-basis names them", () => {
    const bundle = Fhir.bundle(year, { pseudonymSystem, nationalIdResolver: resolver })
    const found = patients(bundle).map((p) => p.identifier)
    expect(found).toHaveLength(60)
    found.forEach((ids, i) => {
      const number = numbers.get(year.citizens[i]!.id)!
      expect(ids).toEqual([
        { system: pseudonymSystem, value: year.citizens[i]!.id },
        { system: i % 3 === 0 ? "urn:oid:2.16.578.1.12.4.1.4.2" : "urn:oid:2.16.578.1.12.4.1.4.1", value: number },
      ])
    })
  })

  it("a resolver may leave a citizen out, and may not hand back something that is not a number", () => {
    const some = Fhir.bundle(year, {
      pseudonymSystem,
      nationalIdResolver: (p) => (p === year.citizens[0]!.id ? numbers.get(p) : undefined),
    })
    expect(patients(some).filter((p) => (p.identifier?.length ?? 0) > 1)).toHaveLength(1)
    const bad = "01019012340" // right shape, wrong check digits
    let error: unknown
    try {
      Fhir.bundle(year, { pseudonymSystem, nationalIdResolver: () => bad })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(CoreError)
    expect((error as CoreError).en).toContain("citizens[0]")
    expect((error as CoreError).message).not.toContain(bad)
  })

  it("in free text are masked on the way out", () => {
    const data = mutable(tinyYear())
    data.jointMeetings[0].goal.text = "Ring mor, fnr 010190 12345, om trening"
    data.feedback = [
      { id: "b-1", source: "citizen", date: "2024-03-01", theme: "tilgang", comment: "Jeg heter Ola, 01019012345" },
    ]
    const text = JSON.stringify(Fhir.bundle(data, { pseudonymSystem, includeFeedbackComments: true }))
    expect(Redact.containsNationalId(text.replace(/"[0-9a-f]{32}"/gu, '""'))).toBe(false)
    expect(text).toContain(`Ring mor, fnr ${Redact.MASK}, om trening`)
  })

  it("feedback comments stay home unless asked for", () => {
    const data = mutable(tinyYear())
    data.feedback = [
      { id: "b-1", source: "citizen", date: "2024-03-01", theme: "tidspunkt", comment: "Kveldstid passer bedre" },
    ]
    expect(JSON.stringify(Fhir.bundle(data, { pseudonymSystem }))).not.toContain("Kveldstid")
    expect(JSON.stringify(Fhir.bundle(data, { pseudonymSystem, includeFeedbackComments: true }))).toContain("Kveldstid")
  })

  it("the pseudonym system must be the municipality's own absolute URI", () => {
    const tiny = tinyYear()
    for (const bad of [undefined, "", "pseudonym", "urn:oid:2.16.578.1.12.4.1.4.1", "urn:oid:2.16.578.1.12.4.1.4.2"]) {
      expect(() => Fhir.bundle(tiny, { pseudonymSystem: bad as never })).toThrow(CoreError)
    }
    expect(() => Fhir.bundle(tiny, undefined as never)).toThrow(/pseudonymSystem/u)
    expect(() => Fhir.bundle(tiny, { pseudonymSystem: "urn:oid:2.16.578.1.12.4.1.4.1" })).toThrow(/nasjonalt system/u)
    expect(() => Fhir.bundle(tiny, { pseudonymSystem, municipality: { code: "Sandnes" } })).toThrow(/kommunenummer/u)
    expect(Fhir.bundle(tiny, { pseudonymSystem: "urn:oid:2.16.578.1.12.4.1.999.1" }).entry.length).toBeGreaterThan(0)
  })

  it("import keeps the pseudonym and drops the number a Patient carries", () => {
    const bundle = JSON.parse(JSON.stringify(Fhir.bundle(year, { pseudonymSystem, nationalIdResolver: resolver })))
    const result = Fhir.toDataset(bundle)
    expect(result.rejected).toEqual([])
    expect(result.dataset?.citizens).toEqual(year.citizens)
    const text = JSON.stringify(result)
    expect([...numbers.values()].filter((n) => text.includes(n))).toEqual([])
  })

  it("import messages never show a number, wherever it was written", () => {
    const bundle = JSON.parse(JSON.stringify(Fhir.bundle(tinyYear(), { pseudonymSystem })))
    const patient = bundle.entry.find(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType === "Patient",
    )
    patient.resource.birthDate = "01019012345"
    const episode = bundle.entry.find(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType === "EpisodeOfCare",
    )
    episode.resource.patient = { reference: "urn:uuid:01019012345" }
    bundle.entry.push({
      fullUrl: "urn:uuid:0101901234-5",
      resource: { resourceType: "Medication", code: { text: "010190-12345" } },
    })
    const result = Fhir.toDataset(bundle)
    expect(result.rejected.length).toBe(3)
    const messages = JSON.stringify(result.rejected.flatMap((r) => r.problems))
    expect(Redact.containsNationalId(messages)).toBe(false)
  })
})
