// Property: any small municipality-year → FHIR bundle → JSON text → dataset
// gives back exactly the input, and every entry of the bundle is imported.
// FUZZ_RUNS sets the run count (default 200).

import { Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Fhir } from "../../src/fhir/index.js"
import { Dataset } from "../../src/index.js"
import { generate } from "../../src/synthetic/index.js"
import { policy } from "../fixturePolicy.js"
import { dataset } from "./datasetArbitrary.js"

const runs = Number(process.env.FUZZ_RUNS ?? 200)
const options = { pseudonymSystem: "https://kommune.example/fhir/pseudonym", includeFeedbackComments: true } as const

const roundTrip = (data: Dataset.Dataset, extra: Partial<Fhir.BundleOptions> = {}) =>
  Fhir.toDataset(JSON.parse(JSON.stringify(Fhir.bundle(data, { ...options, ...extra }))))

describe("FHIR round trip", () => {
  it(`random datasets come back equal, every entry imported (${runs} runs)`, () => {
    fc.assert(
      fc.property(dataset, fc.boolean(), (data, withMunicipality) => {
        // The arbitrary itself must give valid datasets, or the property proves nothing.
        Schema.decodeUnknownSync(Dataset.Dataset)(data)
        const result = roundTrip(data, withMunicipality ? { municipality: { code: "1108", name: "Sandnes" } } : {})
        expect(result.rejected).toEqual([])
        expect(result.problems).toEqual([])
        expect(result.imported.length).toBe(result.total)
        expect(result.dataset).toStrictEqual(data)
      }),
      { numRuns: runs },
    )
  })

  it("the synthetic year comes back equal", () => {
    const year = generate({ policy, seed: 7, citizens: 300 })
    const result = roundTrip(year, { municipality: { code: "1108", name: "Sandnes" } })
    expect(result.rejected).toEqual([])
    expect(result.municipality).toEqual({ code: "1108", name: "Sandnes" })
    expect(result.dataset).toStrictEqual(year)
  })

  it("the same dataset always gives the same bundle", () => {
    const year = generate({ policy, seed: 3, citizens: 50 })
    expect(JSON.stringify(Fhir.bundle(year, options))).toBe(JSON.stringify(Fhir.bundle(structuredClone(year), options)))
  })

  it("another municipality's pseudonym system gives other fullUrls for the same ids", () => {
    const year = generate({ policy, seed: 3, citizens: 20 })
    const a = Fhir.bundle(year, options).entry.map((e) => e.fullUrl)
    const b = Fhir.bundle(year, { ...options, pseudonymSystem: "https://other.example/fhir/pseudonym" }).entry.map(
      (e) => e.fullUrl,
    )
    const codeSystems = Fhir.codeSystems().length
    // Code systems are the model's own, shared by all; every record's fullUrl differs.
    expect(a.slice(1 + codeSystems).filter((u, i) => u === b[i + 1 + codeSystems])).toEqual([])
  })

  it("two records with one id keep both entries, with distinct fullUrls", () => {
    const year = generate({ policy, seed: 3, citizens: 20 })
    const twice = { ...year, extensions: [...year.extensions, ...year.extensions.slice(0, 1)] } as Dataset.Dataset
    const bundle = Fhir.bundle(twice, options)
    const urls = bundle.entry.map((e) => e.fullUrl)
    expect(new Set(urls).size).toBe(urls.length)
    expect(Fhir.toDataset(bundle).dataset?.extensions).toStrictEqual(twice.extensions)
  })
})
