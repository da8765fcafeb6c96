// Every function either entry exports, called with wrong-typed arguments:
// anything fast-check can build, objects whose getters throw, cyclic objects,
// lists where objects belong, identity numbers where names belong. Whatever
// a call does, it may only return or throw the package's own RulesError with
// text in both languages, and no message may carry an identity number.
//
// FUZZ_RUNS sets the number of calls (1,000 by default; `npm run fuzz -w
// @aktivitetsmodell/rules` runs 100,000).

import { spawnSync } from "node:child_process"
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Catalogue, Redact } from "@aktivitetsmodell/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Rules from "../../src/index.js"
import * as RulesNode from "../../src/node/index.js"
import { fixture } from "../helpers.js"
import { examples, nationalIdText } from "../nationalIds.js"
import { prototypeKeys } from "./prototype.js"

const runs = Number(process.env.FUZZ_RUNS ?? 1000)
const timeout = Math.max(60_000, runs * 20)

type Fn = (...args: Array<unknown>) => unknown

const isClass = (f: Fn): boolean => /^class\b/u.test(Function.prototype.toString.call(f))

/** Every function of an entry: its top-level exports and each namespace's functions, by name. */
const functionsOf = (entry: Record<string, unknown>): Array<[string, Fn]> =>
  Object.entries(entry).flatMap(([name, value]): Array<[string, Fn]> => {
    if (typeof value === "function") return [[name, value as Fn]]
    if (typeof value !== "object" || value === null) return []
    return Object.entries(value)
      .filter(([, f]) => typeof f === "function")
      .map(([n, f]) => [`${name}.${n}`, f as Fn])
  })

// Keys the package's functions read, each made a getter that throws with an
// identity number in its message, so a leak of the message would show.
const readKeys = [
  "rules",
  "parameters",
  "cases",
  "catalogue",
  "lineOf",
  "offerings",
  "departments",
  "citizen",
  "offering",
  "enrollment",
  "type",
  "params",
  "fact",
  "operator",
  "value",
  "all",
  "any",
  "not",
  "values",
  "path",
  "text",
  "problems",
  "message",
  "severity",
  "pointer",
  "file",
  "id",
  "date",
  "subject",
  "key",
  "kind",
  "versions",
  "conditions",
  "appliesWhen",
  "en",
  "nb",
  "length",
  "0",
  "name",
  "entry",
  "from",
  "mode",
  "decisions",
  "summary",
  "explanation",
  "result",
  "children",
  "left",
  "right",
]

const throwingGetter = (keys: ReadonlyArray<string>, id: string): object => {
  const o = {}
  for (const k of keys) {
    Object.defineProperty(o, k, {
      enumerable: true,
      get() {
        throw new TypeError(`getter ${k} refuses, ${id}`)
      },
    })
  }
  return o
}

// Symbol keys are left alone: fast-check itself probes values with symbols.
const throwingProxy = (id: string): object =>
  new Proxy(
    {},
    {
      get: (_, k) => {
        if (typeof k === "symbol") return undefined
        throw new Error(`proxy ${id}`)
      },
      has: (_, k) => {
        if (typeof k === "symbol") return false
        throw new Error(`proxy ${id}`)
      },
      ownKeys: () => {
        throw new Error(`proxy ${id}`)
      },
    },
  )

const cyclic = (): object => {
  const o: Record<string, unknown> = { type: "eligible", fact: "age", operator: "equal", value: 1 }
  const list: Array<unknown> = [o]
  list.push(list)
  Object.assign(o, {
    all: list,
    any: [o],
    not: o,
    rules: [o],
    conditions: o,
    self: o,
    subject: o,
    citizen: o,
    versions: list,
    problems: list,
    message: o,
    children: list,
    child: o,
  })
  return o
}

const tree = fixture()
const subject = Rules.Subject.make({
  citizen: { birthYear: 1990, departments: ["rpha"] },
  offering: "karategruppe",
  intakeRegistered: true,
})
const ruleSet = Rules.InForce.ruleSetOn(tree, "2024-03-01")

/** Right values, so a call can get past one argument and fail deeper on the next. */
const plausible = fc.constantFrom<unknown>(
  tree,
  subject,
  "2024-03-01",
  ruleSet,
  Catalogue.sandnes(),
  "eligibility",
  "rule-file",
  "nb",
  "en",
  "eligibility/adults-only.json",
  "P2M",
  [],
  {},
  tree.rules[0],
  tree.rules[0]?.versions[0]?.conditions,
  Rules.Decision.decide(tree, subject, "2024-03-01"),
)

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    }),
  },
  { weight: 2, arbitrary: nationalIdText },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.subarray(readKeys, { minLength: 1 }), nationalIdText)
      .map(([keys, id]) => throwingGetter(keys, id)),
  },
  { weight: 1, arbitrary: nationalIdText.map(throwingProxy) },
  { weight: 1, arbitrary: fc.constant(null).map(cyclic) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(Symbol("s"), () => 1, Number.NaN, -0, Number.POSITIVE_INFINITY, 10n ** 30n),
  },
  { weight: 3, arbitrary: plausible },
)

const listsFor = (value: fc.Arbitrary<unknown>) => fc.oneof(value, fc.array(value, { maxLength: 3 }))
const args = fc.array(listsFor(hostile), { maxLength: 4 })

/** Calls `f` (with `new` for a class) and returns what was thrown or rejected, if anything. */
const outcome = async (f: Fn, values: Array<unknown>): Promise<unknown> => {
  try {
    const r = isClass(f) ? Reflect.construct(f, values) : f(...values)
    if (r instanceof Promise) await r
    return undefined
  } catch (e) {
    return e ?? "a nullish throw"
  }
}

const mustBeTyped = (name: string, thrown: unknown): void => {
  if (thrown === undefined) return
  expect(
    thrown,
    `${name} threw ${String((thrown as Error)?.name)}: ${String((thrown as Error)?.message).slice(0, 200)}`,
  ).toBeInstanceOf(Rules.RulesError)
  const e = thrown as Rules.RulesError
  expect(typeof e.en === "string" && e.en.length > 0, `${name}: no English text`).toBe(true)
  expect(typeof e.nb === "string" && e.nb.length > 0, `${name}: no bokmål text`).toBe(true)
  for (const text of [e.message, e.en, e.nb])
    expect(Redact.containsNationalId(text), `${name}: ${text.slice(0, 200)}`).toBe(false)
}

// Functions handed out by other functions are public too.
const handedOut: Array<[string, Fn]> = [
  ["Compile.forTree(tree).outcomes", Rules.Compile.forTree(tree).outcomes as Fn],
  ["Impact.comparer(tree, tree).add", Rules.Impact.comparer(tree, tree).add as Fn],
  ["Impact.comparer(tree, tree).addAll", Rules.Impact.comparer(tree, tree).addAll as Fn],
  ["Engine.runner(set).run", Rules.Engine.runner(ruleSet).run as Fn],
]

describe("the main entry's functions, called with wrong-typed arguments", () => {
  const functions = [...functionsOf(Rules as unknown as Record<string, unknown>), ...handedOut]

  it("lists every namespace's functions", () => {
    // A guard against the list quietly shrinking: these must all be fuzzed.
    for (const name of [
      "Decision.decide",
      "PolicyTree.load",
      "Cases.run",
      "Compile.compile",
      "Subject.decode",
      "InForce.on",
      "Explain.decisions",
      "Impact.compare",
      "Problem.format",
      "Validate.check",
      "RuleFile.decode",
      "Parameters.decode",
      "JsonSchema.of",
      "DatasetSubjects.of",
      "PeriodLength.addTo",
      "RulesError",
      "PolicyError",
    ]) {
      expect(functions.map(([n]) => n)).toContain(name)
    }
  })

  it("throw only the package's typed error, in both languages, with no identity number", { timeout }, async () => {
    const before = prototypeKeys()
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: functions.length - 1 }), args, async (i, values) => {
        const [name, f] = functions[i]!
        mustBeTyped(name, await outcome(f, values))
      }),
      { numRuns: runs },
    )
    expect(prototypeKeys()).toEqual(before)
  })

  it.each(examples)("name the function, never the value %s", async (id) => {
    const thrown = await outcome(Rules.Decision.decide as Fn, [{ rules: id }, subject, "2024-03-01"])
    mustBeTyped("Decision.decide", thrown)
    expect((thrown as Rules.ArgumentError).functionName).toBe("Decision.decide")
    expect((thrown as Error).message).toBe(
      "Decision.decide: expected a policy tree from PolicyTree.load / Decision.decide: forventet et regeltre fra PolicyTree.load",
    )
  })
})

describe("the node entry's functions, called with wrong-typed arguments and unusable paths", () => {
  const functions = functionsOf(RulesNode as unknown as Record<string, unknown>)
  const sandbox = mkdtempSync(join(tmpdir(), "aktivitet-rules-fuzz-"))
  writeFileSync(join(sandbox, "file.json"), "{}")
  symlinkSync("loop-b", join(sandbox, "loop-a"))
  symlinkSync("loop-a", join(sandbox, "loop-b"))
  const paths = ["missing", "file.json", "loop-a", "."].map((p) => join(sandbox, p))
  if (process.platform !== "win32" && spawnSync("mkfifo", [join(sandbox, "fifo")]).status === 0)
    paths.push(join(sandbox, "fifo"))
  const nodeArgs = fc.array(
    fc.oneof(
      hostile,
      fc.constantFrom(...paths),
      fc.string().map((s) => join(sandbox, s)),
    ),
    { maxLength: 3 },
  )

  it("throw only the package's typed error, or return problems", { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: functions.length - 1 }), nodeArgs, async (i, values) => {
        const [name, f] = functions[i]!
        mustBeTyped(name, await outcome(f, values))
      }),
      { numRuns: Math.max(100, Math.round(runs / 5)) },
    )
  })

  it("refuse an empty path instead of reading the current folder", async () => {
    for (const f of [RulesNode.loadTree, RulesNode.readTreeFiles, RulesNode.loadTreeOrThrow] as Array<Fn>) {
      const thrown = await outcome(f, [""])
      expect(thrown).toBeInstanceOf(Rules.ArgumentError)
    }
  })
})
