// The compiled path must agree with json-rules-engine on every outcome. The
// differential tests generate random rule sets over every operator and
// random facts, and also random subjects against the shipped policy.
import fc from "fast-check"
import { describe, expect, it, vi } from "vitest"
import type { ParameterInForce, RuleSet } from "../src/InForce.js"
import { Compile, Decision, Engine, Evaluate, InForce, Subject, SubjectFacts } from "../src/index.js"
import { sourcePerFunction } from "../src/internal/generate.js"
import { names as operatorNames } from "../src/Operators.js"
import { facts, ruleSet, subjectOnDate } from "./arbitraries.js"
import { fixture } from "./helpers.js"

// Every combination of the values the subject's open facts may take.
const variantsOf = (derived: SubjectFacts.Derived): Array<Record<string, unknown>> => {
  let out: Array<Record<string, unknown>> = [{ ...derived.facts }]
  for (const o of derived.open) out = out.flatMap((f) => o.options.map((option) => ({ ...f, ...option })))
  return out
}

const codes = (program: Compile.Program, f: Record<string, unknown>) => {
  const out = new Uint8Array(program.ids.length)
  program.run(f, out)
  return [...out]
}

// The explaining evaluator, as a third opinion.
const interpreted = (set: RuleSet, f: Record<string, unknown>) => {
  const parameters = new Map<string, ParameterInForce>(
    [...set.parameters].map(([name, value]) => [
      name,
      { parameter: {} as ParameterInForce["parameter"], entry: { from: "2023-03-09", value } } as ParameterInForce,
    ]),
  )
  const inputs = { facts: f as Evaluate.Inputs["facts"], parameters }
  return set.rules.map((r) =>
    r.appliesWhen !== undefined && !Evaluate.condition(r.appliesWhen, inputs).result
      ? 0
      : Evaluate.condition(r.conditions, inputs).result
        ? 1
        : 2,
  )
}

describe("the compiled path agrees with json-rules-engine", () => {
  it("on random rules over every operator and random facts, both back ends", async () => {
    const seen = new Set<string>()
    await fc.assert(
      fc.asyncProperty(ruleSet, facts, async (set, f) => {
        JSON.stringify(set.rules, (k, v) => {
          if (k === "operator") seen.add(v as string)
          return v
        })
        const engine = [...(await Engine.runner(set).run(f))]
        expect(codes(Compile.compile(set, { mode: "source" }), f)).toEqual(engine)
        expect(codes(Compile.compile(set, { mode: "closures" }), f)).toEqual(engine)
        expect(interpreted(set, f)).toEqual(engine)
      }),
      { numRuns: 400 },
    )
    // The generator did reach every operator.
    expect([...seen].sort()).toEqual([...operatorNames].sort())
  })

  it("on random subjects against a policy tree, for every value an open fact may take", async () => {
    const tree = fixture()
    const fast = Compile.forTree(tree)
    await fc.assert(
      fc.asyncProperty(subjectOnDate, async ({ subject, date }) => {
        const now = InForce.on(tree, date)
        const set = InForce.ruleSetOn(tree, date)
        const derived = SubjectFacts.of(subject, date, now)
        // Each combination of the open facts' values is an ordinary set of facts.
        const perVariant: Array<Array<number>> = []
        const runner = Engine.runner(set)
        const source = Compile.compile(set, { mode: "source" })
        const closures = Compile.compile(set, { mode: "closures" })
        for (const v of variantsOf(derived)) {
          const engine = [...(await runner.run(v))]
          expect(codes(source, v)).toEqual(engine)
          expect(codes(closures, v)).toEqual(engine)
          perVariant.push(engine)
        }
        // A decision is definite exactly when every combination gives the same code.
        const decided = Decision.decide(tree, subject, date)
        set.rules.forEach((r, i) => {
          const seen = new Set(perVariant.map((c) => c[i]))
          const d = decided.decisions.find((x) => x.rule === r.id)
          if (seen.size > 1) expect(d?.branch).toBe("unknown")
          else expect(d === undefined ? 0 : d.branch === "event" ? 1 : 2).toBe([...seen][0])
        })
        // The compiled tree gives the same outcomes, unknown included.
        const outcomes = new Map(fast.outcomes(subject, date).map((o) => [o.rule, o.outcome]))
        for (const d of decided.decisions) expect(outcomes.get(d.rule)).toEqual(d.outcome)
        for (const id of decided.notApplicable) expect(outcomes.get(id)).toBeUndefined()
      }),
      { numRuns: 150 },
    )
  })
})

describe("the batch path gives Decision.decide's outcomes", () => {
  const branchCode = { event: 1, otherwise: 2, unknown: 3 } as const
  const expected = (
    tree: ReturnType<typeof fixture>,
    subject: Subject.Subject,
    date: string,
    ids: ReadonlyArray<string>,
  ) => {
    const decided = Decision.decide(tree, subject, date)
    const byRule = new Map(decided.decisions.map((d) => [d.rule, branchCode[d.branch]]))
    return ids.map((id) => byRule.get(id) ?? 0)
  }

  it("for batches of random subjects on a date, unknown included, both back ends (property)", () => {
    const tree = fixture()
    const fast = {
      source: Compile.forTree(tree, { mode: "source" }),
      closures: Compile.forTree(tree, { mode: "closures" }),
    }
    const batch = fc.array(subjectOnDate, { minLength: 1, maxLength: 8 })
    let unknowns = 0
    fc.assert(
      fc.property(batch, (items) => {
        const date = items[0]!.date
        const subjects = items.map((i) => i.subject)
        for (const program of [fast.source, fast.closures]) {
          const { ids, versions, codes } = program.codes(subjects, date)
          expect(versions).toEqual(InForce.on(tree, date).rules.map((r) => r.version.number))
          expect(codes).toHaveLength(subjects.length * ids.length)
          unknowns += codes.filter((c) => c === 3).length
          subjects.forEach((subject, s) => {
            expect([...codes.subarray(s * ids.length, (s + 1) * ids.length)]).toEqual(
              expected(tree, subject, date, ids),
            )
          })
        }
      }),
      { numRuns: 150 },
    )
    // The generator did leave some answers open.
    expect(unknowns).toBeGreaterThan(0)
  })

  it("gives each subject its own answer when a subject's getter starts another batch", () => {
    const fast = Compile.forTree(fixture())
    const plain = Subject.make({ citizen: { birthYear: 1990, departments: ["rpha"] }, offering: "karategruppe" })
    const other = Subject.make({ citizen: { birthYear: 2010, departments: [] }, offering: "sandneshallen" })
    const crafted = {
      ...plain,
      get intakeRegistered() {
        fast.codes([other, other], "2024-01-01")
        return true
      },
    } as Subject.Subject
    const want = fast.codes([{ ...plain, intakeRegistered: true }], "2024-01-01").codes
    expect(fast.codes([crafted], "2024-01-01").codes).toEqual(want)
  })

  it("rejects what is not a list of subjects or a date", () => {
    const fast = Compile.forTree(fixture())
    expect(() => fast.codes(null as never, "2024-01-01")).toThrow(/TreeProgram.codes/u)
    expect(() => fast.codes([], "2024-13-01")).toThrow(/TreeProgram.codes/u)
    expect(() => fast.codes([null as never], "2024-01-01")).toThrow(/TreeProgram.codes/u)
    expect(fast.codes([], "2024-01-01").codes).toHaveLength(0)
  })
})

describe("Compile", () => {
  it("treats an empty all or any as passing, as json-rules-engine does", () => {
    const set: RuleSet = {
      rules: [
        { id: "a", conditions: { all: [] } },
        { id: "b", conditions: { any: [] } },
        { id: "c", appliesWhen: { not: { any: [] } }, conditions: { all: [] } },
      ],
      parameters: new Map(),
    }
    for (const mode of ["source", "closures"] as const)
      expect(codes(Compile.compile(set, { mode }), {})).toEqual([1, 1, 0])
  })

  it("splits a large rule set into functions of about 40,000 characters that give the same outcomes (property)", () => {
    // Rule sets of 400–600 random rules: the generated source has several
    // functions, each closed by the rule that takes it past the budget of
    // rule code, and every rule's outcome lands in its own place across
    // the functions' boundaries.
    const large = fc.tuple(fc.array(ruleSet, { minLength: 400, maxLength: 600 }), facts).map(([sets, f]) => {
      const rules = sets.map((set, i) => ({ ...set.rules[0]!, id: `r${i}` }))
      return { set: { rules, parameters: sets[0]!.parameters } as RuleSet, f }
    })
    fc.assert(
      fc.property(large, ({ set, f }) => {
        const source = Compile.compile(set, { mode: "source" })
        const groups = source.source!.split(/^function g\d+\(f, o, a\) \{$/mu).slice(1)
        expect(groups.length).toBeGreaterThan(1)
        const ruleLines = groups.map((g) => g.split("\n").filter((l) => l.startsWith("  o[")))
        expect(ruleLines.flat()).toHaveLength(set.rules.length)
        for (const lines of ruleLines.slice(0, -1)) {
          const before = lines.slice(0, -1).reduce((n, l) => n + l.length, 0)
          expect(before).toBeLessThan(sourcePerFunction)
          expect(before + lines.at(-1)!.length).toBeGreaterThanOrEqual(sourcePerFunction)
        }
        expect(codes(source, f)).toEqual(codes(Compile.compile(set, { mode: "closures" }), f))
        expect(codes(source, f)).toEqual(interpreted(set, f))
      }),
      { numRuns: 15 },
    )
  })

  it("writes a rule set that fits one function into the program itself, with the same outcomes (property)", () => {
    fc.assert(
      fc.property(ruleSet, facts, (set, f) => {
        const source = Compile.compile(set, { mode: "source" })
        expect(source.source).not.toMatch(/^function g\d+/mu)
        expect(source.source!.split("\n").filter((l) => l.startsWith("  o["))).toHaveLength(set.rules.length)
        expect(codes(source, f)).toEqual(interpreted(set, f))
      }),
      { numRuns: 200 },
    )
  })

  it("compiles a whole tree once per period between policy changes", () => {
    const fast = Compile.forTree(fixture())
    const subject = Subject.make({
      citizen: { birthYear: 1990, departments: ["rpha"] },
      offering: "karategruppe",
      intakeRegistered: true,
    })
    expect(fast.outcomes(subject, "2024-01-01").filter((o) => o.outcome !== undefined)).toEqual([
      { rule: "eligibility/adults-only", version: 1, outcome: { type: "eligible" } },
      { rule: "eligibility/everyday-open-to-healthy-life-centre", version: 1, outcome: { type: "eligible" } },
      { rule: "eligibility/karate-needs-intake", version: 1, outcome: { type: "eligible" } },
      { rule: "eligibility/offerings-are-free", version: 1, outcome: { type: "eligible" } },
    ])
    expect(fast.outcomes(subject, "2020-01-01")).toEqual([])
  })

  it("falls back to closures where a Content-Security-Policy forbids eval", async () => {
    vi.resetModules()
    const fresh = await import("../src/Compile.js")
    const original = globalThis.Function
    globalThis.Function = function refused() {
      throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not an allowed source")
    } as unknown as FunctionConstructor
    try {
      expect(fresh.canGenerate()).toBe(false)
      const program = fresh.compile(InForce.ruleSetOn(fixture(), "2024-01-01"))
      expect(program.mode).toBe("closures")
      expect(program.source).toBeUndefined()
      expect(
        codes(
          program,
          SubjectFacts.of(
            Subject.make({ citizen: { birthYear: 2010, departments: [] }, offering: "sandneshallen" }),
            "2024-01-01",
            InForce.on(fixture(), "2024-01-01"),
          ).facts,
        ).filter((c) => c !== 0),
      ).toEqual([2, 2, 1])
    } finally {
      globalThis.Function = original
    }
  })
})
