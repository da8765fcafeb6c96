// Import: every entry of a bundle is either imported or rejected, and a
// rejection says which entry (fullUrl), where in it (a FHIRPath-like
// location) and what is wrong, in English and bokmål.
import { describe, expect, it } from "vitest"
import { Fhir } from "../../src/fhir/index.js"
import type { Problems } from "../../src/index.js"
import { tinyYear } from "../fixtures.js"

const pseudonymSystem = "https://sandnes.kommune.no/fhir/pseudonym"
// biome-ignore lint/suspicious/noExplicitAny: the test breaks the data into shapes no type allows
type Entry = { fullUrl?: string; resource?: Record<string, any> }
const fresh = (): { resourceType: string; type: string; entry: Array<Entry> } =>
  JSON.parse(JSON.stringify(Fhir.bundle(tinyYear(), { pseudonymSystem })))
const identified = (b: ReturnType<typeof fresh>, entity: string, id: string) =>
  b.entry.find((e) =>
    e.resource?.identifier?.some(
      (i: { system: string; value: string }) => i.system === Fhir.identifierSystem(entity as never) && i.value === id,
    ),
  )!

describe("Fhir.toDataset", () => {
  it("reads back what Fhir.bundle wrote", () => {
    const result = Fhir.toDataset(fresh())
    expect(result.rejected).toEqual([])
    expect(result.dataset).toStrictEqual(tinyYear())
    expect(result.imported.filter((i) => i.as === "codeSystem")).toHaveLength(Fhir.codeSystems().length)
    expect(result.imported.filter((i) => i.as === "header")).toHaveLength(1)
  })

  it("accounts for every entry: broken ones are rejected with fullUrl, location and both languages", () => {
    const b = fresh()
    const episode = identified(b, "enrollments", "n-2")
    episode.resource!.period.start = "2024-02-30"
    const attendance = identified(b, "attendance", "a-1")
    attendance.resource!.partOf = { reference: "urn:uuid:00000000-0000-5000-8000-000000000000" }
    const evaluation = identified(b, "goalEvaluations", "g-1")
    evaluation.resource!.valueCodeableConcept = { coding: [{ system: "http://example.org/other", code: "yes" }] }
    const staff = identified(b, "staff", "s-team")
    staff.resource!.modifierExtension = [{ url: "http://example.org/x", valueBoolean: true }]
    b.entry.push({ fullUrl: "urn:uuid:11111111-1111-5111-8111-111111111111", resource: { resourceType: "Medication" } })
    b.entry.push({ fullUrl: "urn:uuid:22222222-2222-5222-8222-222222222222" })
    b.entry.push({ ...b.entry[1] })

    const result = Fhir.toDataset(b)
    expect(result.imported.length + result.rejected.length).toBe(result.total)
    expect(result.total).toBe(b.entry.length)
    const byUrl = new Map(result.rejected.map((r) => [r.fullUrl, r]))
    expect(byUrl.get(episode.fullUrl)?.problems).toEqual([
      {
        location: "EpisodeOfCare.period.start",
        pointer: "/period/start",
        code: "invalid-value",
        message: {
          en: "start: Expected an existing calendar date as YYYY-MM-DD",
          nb: "start: Forventet en gyldig dato på formen ÅÅÅÅ-MM-DD",
        },
      },
    ])
    expect(byUrl.get(attendance.fullUrl)?.problems.map((p) => [p.location, p.code])).toEqual([
      ["Encounter.partOf.reference", "reference-unresolved"],
    ])
    expect(byUrl.get(evaluation.fullUrl)?.problems.map((p) => [p.location, p.code])).toEqual([
      ["Observation.valueCodeableConcept", "code-unknown"],
    ])
    // Every import problem is a core problem: its pointer is its FHIRPath location as a JSON pointer.
    const all: ReadonlyArray<Problems.Problem> = result.rejected.flatMap((r) => r.problems)
    expect(all.map((p) => p.pointer)).toContain("/partOf/reference")
    expect(
      result.rejected.flatMap((r) => r.problems).find((p) => p.location.startsWith("Bundle.entry["))?.pointer,
    ).toMatch(/^\/entry\/\d+/u)
    expect(byUrl.get(staff.fullUrl)?.problems.map((p) => p.code)).toEqual(["modifier-extension"])
    expect(byUrl.get("urn:uuid:11111111-1111-5111-8111-111111111111")?.problems.map((p) => p.code)).toEqual([
      "unsupported-resource",
    ])
    expect(byUrl.get("urn:uuid:22222222-2222-5222-8222-222222222222")?.problems.map((p) => p.code)).toEqual([
      "entry-without-resource",
    ])
    expect(result.rejected.at(-1)?.problems.map((p) => p.code)).toEqual(["duplicate-full-url"])
    for (const r of result.rejected) {
      for (const p of r.problems) {
        expect(p.message.en).toMatch(/\S/u)
        expect(p.message.nb).toMatch(/\S/u)
        expect(p.message.nb).not.toBe(p.message.en)
      }
    }
    // The rest still comes in.
    expect(result.dataset?.enrollments.map((n) => n.id)).toEqual(["n-1", "n-3", "n-4"])
  })

  it("a reference to a record that is in the bundle but of another kind is rejected", () => {
    const b = fresh()
    const referral = identified(b, "referrals", "r-1")
    referral.resource!.requester = { reference: identified(b, "offerings", "turgruppe").fullUrl }
    const result = Fhir.toDataset(b)
    expect(result.rejected.map((r) => [r.fullUrl, r.problems[0]?.location, r.problems[0]?.code])).toEqual([
      [referral.fullUrl, "ServiceRequest.requester.reference", "reference-wrong-target"],
    ])
  })

  it("references by identifier stand for records outside the bundle", () => {
    const year = tinyYear()
    const noStaff = { ...year, staff: [] }
    const result = Fhir.toDataset(JSON.parse(JSON.stringify(Fhir.bundle(noStaff, { pseudonymSystem }))))
    expect(result.rejected).toEqual([])
    expect(result.dataset?.referrals).toEqual(year.referrals)
  })

  it("another producer's EpisodeOfCare without the model's status extension takes FHIR's status", () => {
    const b = fresh()
    const episode = identified(b, "enrollments", "n-1")
    episode.resource!.extension = episode.resource!.extension.filter(
      (e: { url: string }) => !e.url.endsWith("/enrollment-status"),
    )
    episode.resource!.status = "cancelled"
    expect(Fhir.toDataset(b).dataset?.enrollments.find((n) => n.id === "n-1")?.status).toBe("withdrawn")
  })

  it("without a header, the year and pseudonym system come from the caller", () => {
    const b = fresh()
    b.entry = b.entry.filter(
      (e) => !(e.resource?.resourceType === "Basic" && e.resource.code?.coding?.[0]?.code === "dataset"),
    )
    const blind = Fhir.toDataset(b)
    expect(blind.dataset).toBeUndefined()
    expect(blind.problems.map((p) => p.code)).toEqual(["dataset-header-missing"])
    expect(blind.rejected.filter((r) => r.resourceType === "Patient")).toHaveLength(3)
    const told = Fhir.toDataset(b, { year: 2024, pseudonymSystem })
    expect(told.rejected).toEqual([])
    expect(told.dataset).toStrictEqual(tinyYear())
  })

  it("a foreign CodeSystem is not the model's and is rejected, not dropped", () => {
    const b = fresh()
    b.entry.push({
      fullUrl: "urn:uuid:33333333-3333-5333-8333-333333333333",
      resource: { resourceType: "CodeSystem", url: "http://example.org/cs", status: "active", content: "complete" },
    })
    const result = Fhir.toDataset(b)
    expect(result.rejected.map((r) => [r.resourceType, r.problems[0]?.code])).toEqual([
      ["CodeSystem", "unsupported-resource"],
    ])
  })

  it("something that is not a bundle is said so", () => {
    for (const input of [null, 42, "x", [], { resourceType: "Patient" }]) {
      const result = Fhir.toDataset(input)
      expect(result.total).toBe(0)
      expect(result.problems.map((p) => p.code)).toEqual(["not-a-bundle"])
    }
  })
})
