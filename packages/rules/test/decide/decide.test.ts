// The browser entry decides exactly as Decision.decide: every subject and
// question of a synthetic year, with the same decisions, summaries,
// explanation trees and explanation text, in both languages, from a
// snapshot that has been through JSON as a page would load it.
import type { IsoDate } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import * as Decide from "../../src/decide/index.js"
import {
  decide,
  describe as describeOutcome,
  explainDecision,
  explainDecisions,
  explainNode,
  formatSource,
  policyOf,
} from "../../src/decide/index.js"
import {
  ArgumentError,
  DatasetSubjects,
  Decision,
  Explain,
  InForce,
  Outcome,
  type Parameters,
  Snapshot,
  Source,
  Subject,
} from "../../src/index.js"
import { loadTreeOrThrow } from "../../src/node/index.js"
import type { Tree } from "../../src/PolicyTree.js"
import { adult, fixture, policyDirUnderTest } from "../helpers.js"

/** Through JSON, as a page loads it. */
const loaded = (tree: Tree, options?: Snapshot.Options): Snapshot.Snapshot =>
  JSON.parse(JSON.stringify(Snapshot.of(tree, options)))

/** Decides every question of a synthetic year both ways; returns how many there were. */
const agreeOnYear = (tree: Tree, snapshot: Snapshot.Snapshot, year: number): number => {
  const policy = InForce.policy(tree)
  const items = DatasetSubjects.of(generate({ policy, seed: 7, year, citizens: 250 }), policy)
  for (const { key, subject, date } of items) {
    const full = Decision.decide(tree, subject, date)
    const lean = decide(snapshot, subject, date)
    expect(lean, key).toEqual(full)
    for (const lang of ["nb", "en"] as const)
      expect(explainDecisions(lean, snapshot, lang), key).toBe(Explain.decisions(full, tree, lang))
  }
  return items.length
}

describe("decide", () => {
  const shipped = loadTreeOrThrow(policyDirUnderTest())

  it("gives the decisions, summary and explanations Decision.decide gives, for every question of a synthetic year", () => {
    expect(agreeOnYear(shipped, loaded(shipped), 2024)).toBeGreaterThan(1000)
  })

  it("follows a policy change: a new rule version with its own source, a new limit, and the enrollment's first day keeping the old one", () => {
    const tree = changedPolicy(fixture())
    const snapshot = loaded(tree)
    expect(agreeOnYear(tree, snapshot, 2024)).toBeGreaterThan(1000)
    const young = Subject.make({
      citizen: { ...adult, birthYear: 2005, birthDate: "2005-01-15" },
      offering: "lopegruppe",
    })
    expect(decide(snapshot, young, "2024-06-30").summary.eligibility).toEqual({ type: "eligible" })
    const after = decide(snapshot, young, "2024-07-01")
    expect(after.summary.eligibility).toEqual({ type: "not-eligible" })
    const adults = after.decisions.find((d) => d.rule === "eligibility/adults-only")!
    expect(adults).toMatchObject({
      version: 2,
      parameters: [{ name: "citizen.minimum-age", value: 20, from: "2024-07-01" }],
    })
    expect(formatSource(adults.source, snapshot, "en")).toBe(Source.format(adults.source, "en"))
    expect(formatSource(adults.source, snapshot, "en")).toContain("Changed on 1 July 2024")
    const yoga = Subject.make({
      citizen: adult,
      offering: "mindfull-restorative-yoga",
      enrollment: { start: "2024-06-03", sessionsUsed: 5 },
    })
    expect(
      decide(snapshot, yoga, "2024-07-15").decisions.find((d) => d.rule === "duration/session-limit")?.parameters,
    ).toEqual([
      {
        name: "offerings.mindfull-restorative-yoga.sessions",
        value: 4,
        from: "2023-03-09",
        file: "parameters/offerings/mindfull-restorative-yoga/sessions.json",
      },
    ])
  })

  it("words outcomes, reasons and sources as Outcome, Explain and Source do", () => {
    const snapshot = loaded(fixture())
    const subject = Subject.make({ citizen: adult, offering: "karategruppe" })
    const full = Decision.decide(fixture(), subject, "2024-03-01")
    const lean = decide(snapshot, subject, "2024-03-01")
    expect(describeOutcome("eligibility", lean.summary.eligibility!, snapshot)).toEqual(
      Outcome.describe("eligibility", full.summary.eligibility!, fixture().catalogue),
    )
    expect(
      describeOutcome("eligibility", { type: "granted-as", params: { offering: "recoveryhjelpa" } }, snapshot).nb,
    ).toBe("Innvilges som Recoveryhjelpa")
    const karate = lean.decisions.find((d) => d.rule === "eligibility/karate-needs-intake")!
    expect(explainNode(karate.explanation.conditions, snapshot, "nb")).toEqual(["✗ Påmeldt inntak (nei) er ja"])
    expect(explainDecision(karate, snapshot, "nb")).toBe(
      Explain.decision(full.decisions.find((d) => d.rule === karate.rule)!, fixture(), "nb"),
    )
  })

  it("with a snapshot of eligibility rules only, gives those rules' decisions", () => {
    const snapshot = loaded(fixture(), { kinds: ["eligibility"] })
    const subject = Subject.make({
      citizen: adult,
      offering: "mindfull-restorative-yoga",
      enrollment: { start: "2024-02-05", sessionsUsed: 4 },
    })
    const full = Decision.decide(fixture(), subject, "2024-03-01")
    const lean = decide(snapshot, subject, "2024-03-01")
    expect(lean.decisions).toEqual(full.decisions.filter((d) => d.kind === "eligibility"))
    expect(lean.summary).toEqual({ eligibility: full.summary.eligibility, escalations: [] })
  })

  it("hands core the snapshot's parameters as a Policy", () => {
    const snapshot = loaded(fixture())
    const policy = policyOf(snapshot)
    expect([...policy.parameters.keys()].sort()).toEqual([...fixture().parameters.keys()].sort())
    expect(policy.parameters.get("citizen.minimum-age")).toMatchObject({
      datedBy: "question-date",
      values: [{ from: "2023-03-09", value: 18 }],
    })
  })

  it("answers any argument with a result or an ArgumentError naming the function, never a TypeError from inside", () => {
    const snapshot = loaded(fixture())
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    const throwing = {
      get citizen(): never {
        throw new Error("boom")
      },
      get outcome(): never {
        throw new Error("boom")
      },
    }
    const junk = [
      undefined,
      null,
      0,
      "x",
      [],
      {},
      cyclic,
      throwing,
      { citizen: 5 },
      { type: 1 },
      { kind: "comparison" },
    ]
    const functions = Object.entries(Decide as Record<string, unknown>).flatMap(([name, f]) =>
      typeof f === "function" ? [[name, f as (...args: Array<unknown>) => unknown] as const] : [],
    )
    expect(functions.map(([name]) => name).sort()).toEqual([
      "decide",
      "decodeSubject",
      "describe",
      "explainDecision",
      "explainDecisions",
      "explainNode",
      "formatSource",
      "policyOf",
    ])
    for (const [name, f] of functions) {
      for (const a of junk) {
        for (const args of [
          [a, snapshot, "nb"],
          [snapshot, a, "2024-03-01"],
          ["eligibility", a, snapshot],
          [a, a, a],
        ]) {
          try {
            f(...args)
          } catch (e) {
            expect(e, name).toBeInstanceOf(ArgumentError)
            // describe words outcomes with Outcome.describe, whose own check may answer first.
            expect([name, name === "describe" ? "Outcome.describe" : name], name).toContain(
              (e as ArgumentError).functionName,
            )
            expect((e as ArgumentError).text.nb, name).not.toBe("")
          }
        }
      }
    }
  })

  it("refuses a date that is not YYYY-MM-DD and anything that is not a snapshot, in both languages", () => {
    const snapshot = loaded(fixture())
    const subject = Subject.make({ citizen: adult })
    expect(() => decide(snapshot, subject, "1. mars 2024")).toThrow(ArgumentError)
    expect(() => decide(snapshot, subject, "1. mars 2024")).toThrow(
      /Expected a date as YYYY-MM-DD.*Forventet en dato på formen ÅÅÅÅ-MM-DD/su,
    )
    for (const bad of [null, {}, fixture(), { ...snapshot, format: 1 }, { ...snapshot, rules: "x" }]) {
      expect(() => decide(bad as never, subject, "2024-03-01")).toThrow(
        /expected a snapshot from Snapshot\.of.*forventet et øyeblikksbilde/su,
      )
    }
  })
})

// The fixture tree after a policy change on 2024-07-01: adults-only gets a
// second version with its own source and the minimum age rises to 20, and
// yoga allows 6 sessions (a limit dated by the enrollment's first day).
const changedPolicy = (tree: Tree): Tree => {
  const change = "2024-07-01" as IsoDate.IsoDate
  const rules = tree.rules.map((r) => {
    if (r.id !== "eligibility/adults-only") return r
    const v1 = r.versions[0]!
    return {
      ...r,
      versions: [
        { ...v1, effective: { from: v1.effective.from, to: "2024-06-30" as IsoDate.IsoDate } },
        { ...v1, number: 2, effective: { from: change }, source: { ...r.source, section: "Changed on 1 July 2024" } },
      ],
    } as typeof r
  })
  const raised = (name: string, value: number) => {
    const p = tree.parameters.get(name)!
    return [name, { ...p, values: [...p.values, { from: change, value }] }] as const
  }
  const parameters = new Map<string, Parameters.Parameter>([
    ...tree.parameters,
    raised("citizen.minimum-age", 20),
    raised("offerings.mindfull-restorative-yoga.sessions", 6),
  ])
  return { ...tree, rules, parameters } as Tree
}
