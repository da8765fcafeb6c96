import { describe, expect, it } from "vitest"
import { ArgumentError, Facts, PolicyTree, Snapshot, Source } from "../src/index.js"
import { fixture } from "./helpers.js"

describe("Snapshot.of", () => {
  const tree = fixture()
  const snapshot = Snapshot.of(tree)

  it("is plain JSON: nothing is lost through JSON.stringify", () => {
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot)
    expect(snapshot.format).toBe(Snapshot.format)
    expect(snapshot.policyHash).toBe(PolicyTree.hash(tree))
  })

  it("carries every rule's dated versions and every parameter's dated values with its dating rule", () => {
    expect(snapshot.rules.map((r) => r.id)).toEqual(tree.rules.map((r) => r.id))
    const karate = snapshot.rules.find((r) => r.id === "eligibility/karate-needs-intake")!
    const original = tree.rules.find((r) => r.id === karate.id)!
    expect(karate.versions).toHaveLength(original.versions.length)
    expect(karate.versions[0]).toMatchObject({
      number: 1,
      effective: original.versions[0]!.effective,
      conditions: original.versions[0]!.conditions,
      event: original.versions[0]!.event,
    })
    expect(karate.sourceText).toEqual({
      en: Source.format(original.source, "en"),
      nb: Source.format(original.source, "nb"),
    })
    expect(snapshot.parameters.map((p) => p.name).sort()).toEqual([...tree.parameters.keys()].sort())
    expect(snapshot.parameters.find((p) => p.name === "offerings.mindfull-restorative-yoga.sessions")).toMatchObject({
      datedBy: "enrollment-start",
      type: "number",
      values: [{ from: "2023-03-09", value: 4 }],
    })
  })

  it("carries the words explanations use: names of codes and labels of the facts the rules read", () => {
    expect(snapshot.offerings.find((o) => o.id === "karategruppe")).toEqual({
      id: "karategruppe",
      name: { nb: "Karategruppe", en: expect.any(String) },
      category: "everyday",
      operator: { department: "rpha" },
      status: { kind: "active" },
      priceNok: 0,
    })
    expect(snapshot.categories.everyday).toEqual(Facts.codeLabel("category", "everyday", tree.catalogue))
    expect(snapshot.facts.intakeRegistered).toEqual({
      label: Facts.all.intakeRegistered.label,
      type: { kind: "boolean" },
    })
    // A parameter is named by its own label, never as the fact "parameter".
    expect(Object.keys(snapshot.facts)).not.toContain("parameter")
  })

  it("keeps only the rules of the kinds asked for, and the facts they read", () => {
    const eligibility = Snapshot.of(tree, { kinds: ["eligibility"] })
    expect(eligibility.rules.length).toBeGreaterThan(0)
    expect(eligibility.rules.every((r) => r.kind === "eligibility")).toBe(true)
    expect(Object.keys(eligibility.facts)).not.toContain("ors")
    expect(eligibility.parameters).toEqual(snapshot.parameters)
  })

  it("refuses what is not a policy tree", () => {
    expect(() => Snapshot.of({} as never)).toThrow(ArgumentError)
  })
})
