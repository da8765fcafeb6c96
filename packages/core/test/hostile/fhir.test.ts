// A FHIR bundle from another system is outside input. Hostile and sloppy
// bundles: every entry is imported or rejected (imported + rejected = entries),
// nothing throws but core's own errors, no message shows an identity number,
// and no prototype changes (the test setup checks that after the file).
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Fhir } from "../../src/fhir/index.js"
import * as Redact from "../../src/Redact.js"
import { tinyYear } from "../fixtures.js"

const runs = Number(process.env.FUZZ_RUNS ?? 1000)
const pseudonymSystem = "https://sandnes.kommune.no/fhir/pseudonym"
const FNRS = ["01019012345", "010190 12345", "010190-12345", "01.01.90.123.45"]
const good = (): { resourceType: string; type: string; entry: Array<Record<string, unknown>> } =>
  JSON.parse(JSON.stringify(Fhir.bundle(tinyYear(), { pseudonymSystem })))

const shown = (r: ReturnType<typeof Fhir.toDataset>) => JSON.stringify(r.rejected)

const accounted = (bundle: unknown) => {
  let r: ReturnType<typeof Fhir.toDataset> | undefined
  try {
    r = Fhir.toDataset(bundle as never)
  } catch (e) {
    // Only core's own bilingual errors may leave, and never with a number.
    expect(e instanceof Error && "en" in e && "nb" in e).toBe(true)
    expect(Redact.containsNationalId((e as Error).message)).toBe(false)
    return
  }
  expect(r.imported.length + r.rejected.length).toBe(r.total)
  expect(Redact.containsNationalId(shown(r))).toBe(false)
}

describe("hostile FHIR bundles", () => {
  it("prototype keys in resources are rejected or ignored, never applied", () => {
    const b = good()
    b.entry.push(
      JSON.parse(
        '{"fullUrl":"urn:uuid:x","resource":{"resourceType":"Patient","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}}',
      ),
    )
    b.entry.push({ fullUrl: "__proto__", resource: { resourceType: "__proto__" } })
    accounted(b)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it("identity numbers in ids, urls and identifiers are never echoed", () => {
    for (const fnr of FNRS) {
      const b = good()
      b.entry.push({
        fullUrl: `urn:uuid:${fnr}`,
        resource: {
          resourceType: "Patient",
          id: fnr,
          identifier: [{ system: "urn:oid:2.16.578.1.12.4.1.4.1", value: fnr }],
        },
      })
      b.entry.push({ fullUrl: fnr, resource: { resourceType: fnr } })
      accounted(b)
    }
  })

  it("not a bundle at all: null, a string, entries that are not objects", () => {
    for (const bundle of [
      null,
      undefined,
      "01019012345",
      42,
      [],
      { resourceType: "Bundle" },
      { resourceType: "Bundle", entry: "x" },
      { resourceType: "Bundle", entry: [null, 1, "a", []] },
    ]) {
      accounted(bundle)
    }
  })

  it("imported + rejected = entries for random corruptions of a real bundle (property)", () => {
    const base = good()
    const junk = fc.oneof(
      fc.anything(),
      fc.constantFrom(...FNRS),
      fc.constant("__proto__"),
      fc.constant({ __proto__: { x: 1 } }),
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 12 }), junk), { maxLength: 4 }), (edits) => {
        const b = JSON.parse(JSON.stringify(base)) as typeof base
        for (const [i, key, value] of edits) {
          const entry = b.entry[i % b.entry.length] as { resource?: Record<string, unknown> }
          if (entry.resource !== undefined) entry.resource[key === "" ? "status" : key] = value
        }
        accounted(b)
      }),
      { numRuns: Math.max(100, Math.floor(runs / 5)) },
    )
  })
})
