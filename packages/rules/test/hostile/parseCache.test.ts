// The parse cache keeps the last tree's parsed files and reuses one when the
// next load has the same text at the same path. A hostile sequence of loads —
// a file edited, made invalid, filled with `__proto__` keys, moved, deleted,
// added — must each give what a fresh parse gives, and loading the original
// afterwards must give the original tree. A loaded tree's data must not be a
// door into the cache: either it is frozen, or mutating it changes no later load.

import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Decision } from "../../src/index.js"
import { loadTree, shippedPolicyDir } from "../../src/node/index.js"
import type { Tree } from "../../src/PolicyTree.js"
import type { Problem } from "../../src/Problem.js"
import type { Subject } from "../../src/Subject.js"
import { prototypeKeys } from "./prototype.js"

const rule = "eligibility/adults-only.json"
const ruleCases = "eligibility/adults-only.cases.yaml"
const minimumAge = "parameters/citizen/minimum-age.yaml"

let root = ""
const dirs: Array<string> = []

/** A fresh copy of the shipped policy folder. */
const copy = (): string => {
  const dir = join(root, `policy-${dirs.length}`)
  cpSync(shippedPolicyDir(), dir, { recursive: true })
  dirs.push(dir)
  return dir
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8")
const write = (dir: string, path: string, text: string) => writeFileSync(join(dir, path), text)

// A citizen of 24 or 25 in 2024: old enough at 18, too young at 30.
const young: Subject = {
  citizen: { birthYear: 1999, departments: ["psykisk-helse"] },
  offering: "sandneshallen",
} as unknown as Subject

// A tree's data as text: rules, parameters and cases, Maps written as entries.
const dataOf = (tree: Tree): string =>
  JSON.stringify({ rules: tree.rules, parameters: [...tree.parameters], cases: tree.cases }, (_k, v) =>
    v instanceof Map ? [...v] : v,
  )

interface Seen {
  readonly data: string
  readonly problems: string
  readonly eligibility: string
  readonly ruleIds: ReadonlyArray<string>
}

const seen = (dir: string): Seen => {
  const { tree, problems } = loadTree(dir)
  return {
    data: dataOf(tree),
    problems: JSON.stringify(problems),
    eligibility: JSON.stringify(Decision.decide(tree, young, "2024-06-01").summary.eligibility),
    ruleIds: tree.rules.map((r) => r.id).sort(),
  }
}

const problemsOf = (dir: string): ReadonlyArray<Problem> => loadTree(dir).problems
const errorsIn = (dir: string, file: string) => problemsOf(dir).filter((p) => p.file === file && p.severity === "error")

let original: Seen
let originalDir = ""
let protos: ReadonlyArray<string> = []

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "aktivitet-rules-parse-cache-"))
  protos = prototypeKeys()
  originalDir = copy()
  original = seen(originalDir)
})

afterAll(() => {
  rmSync(root, { recursive: true, force: true })
})

/** After each hostile load, the original folder loads as it did, and no prototype changed. */
const originalAgain = () => {
  expect(seen(originalDir)).toEqual(original)
  expect(prototypeKeys()).toEqual(protos)
}

describe("the parse cache, load after load", () => {
  it("loads the original tree without errors, and the same twice in a row", () => {
    expect(JSON.parse(original.problems).filter((p: Problem) => p.severity === "error")).toEqual([])
    expect(original.ruleIds).toContain("eligibility/adults-only")
    expect(JSON.parse(original.eligibility).type).toBe("eligible")
    originalAgain()
  })

  it("reflects a parameter's edit in the decisions, then the original again", () => {
    const dir = copy()
    const text = read(dir, minimumAge)
    expect(text).toContain("value: 18")
    original = seen(originalDir)
    write(dir, minimumAge, text.replace("value: 18", "value: 30"))
    const edited = seen(dir)
    expect(edited.data).not.toBe(original.data)
    expect(JSON.parse(edited.eligibility).type).toBe("not-eligible")
    originalAgain()
    // The edited text again, right after the original: still the edit.
    expect(seen(dir)).toEqual(edited)
  })

  it("reflects a rule's edit (same path, other text)", () => {
    const dir = copy()
    seen(originalDir)
    write(dir, rule, read(dir, rule).replace('"en": "Adults only"', '"en": "Grown-ups only"'))
    const s = seen(dir)
    expect(s.data.includes("Grown-ups only")).toBe(true)
    expect(original.data.includes("Grown-ups only")).toBe(false)
    originalAgain()
  })

  it("reports a file made invalid JSON at its file and line, not the cached good parse", () => {
    const dir = copy()
    // Drop the comma after the title object: line 6 of the file.
    const good = read(dir, rule)
    const bad = good.replace('  },\n  "description"', '  }\n  "description"')
    expect(bad).not.toBe(good)
    expect(errorsIn(dir, rule)).toEqual([])
    seen(originalDir)
    write(dir, rule, bad)
    const after = errorsIn(dir, rule)
    expect(after.map((p) => p.code)).toContain("syntax")
    const syntax = after.find((p) => p.code === "syntax")!
    // At the brace missing its comma, or at the key after it.
    const keyLine = bad.slice(0, bad.indexOf('"description"')).split("\n").length
    expect([keyLine - 1, keyLine]).toContain(syntax.line)
    const { tree } = loadTree(dir)
    expect(tree.rules.map((r) => r.id)).not.toContain("eligibility/adults-only")
    originalAgain()
  })

  it("reports a shape error by file, pointer and line after a good load of the same path", () => {
    const dir = copy()
    seen(originalDir)
    const text = read(dir, rule).replace('"type": "eligible"', '"type": 7')
    write(dir, rule, text)
    const errors = errorsIn(dir, rule)
    expect(errors.length).toBeGreaterThan(0)
    const p = errors.find((e) => e.pointer.startsWith("/versions/0/event"))
    expect(p, JSON.stringify(errors)).toBeDefined()
    expect(p!.line).toBe(text.slice(0, text.indexOf('"type": 7')).split("\n").length)
    originalAgain()
  })

  it("refuses __proto__ and constructor keys in a rule and a parameter, touching no prototype", () => {
    const dir = copy()
    const ruleText = read(dir, rule).replace(
      '"title":',
      '"__proto__": { "polluted": "yes" }, "constructor": { "prototype": { "polluted": "yes" } }, "title":',
    )
    write(dir, rule, ruleText)
    write(dir, minimumAge, `__proto__:\n  polluted: yes\nconstructor:\n  polluted: yes\n${read(dir, minimumAge)}`)
    seen(originalDir)
    const problems = problemsOf(dir)
    const ruleErrors = problems.filter((p) => p.file === rule && p.severity === "error")
    const parameterErrors = problems.filter((p) => p.file === minimumAge && p.severity === "error")
    expect(ruleErrors.map((p) => p.pointer)).toEqual(expect.arrayContaining(["/__proto__", "/constructor"]))
    expect(parameterErrors.map((p) => p.pointer)).toEqual(expect.arrayContaining(["/__proto__", "/constructor"]))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // Twice: the second load may be served from the cache.
    expect(problemsOf(dir)).toEqual(problems)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    originalAgain()
  })

  it("names the new path when the same text moves", () => {
    const a = copy()
    const b = copy()
    const text = read(a, rule).replace('"type": "eligible"', '"type": 7')
    write(a, rule, text)
    const moved = "eligibility/adults-only-moved.json"
    unlinkSync(join(b, rule))
    write(b, moved, text)
    const atA = problemsOf(a).filter((p) => p.severity === "error" && p.file.includes("adults-only"))
    expect(atA.length).toBeGreaterThan(0)
    const atB = problemsOf(b).filter((p) => p.severity === "error" && p.file.includes("adults-only"))
    expect(atB.length).toBe(atA.length)
    for (const p of atB) expect(p.file).toBe(moved)
    // A good file moved: its rule is the same, named by the new file.
    const c = copy()
    unlinkSync(join(c, rule))
    write(c, moved, read(originalDir, rule))
    loadTree(originalDir)
    const { tree } = loadTree(c)
    const r = tree.rules.find((x) => x.id.startsWith("eligibility/adults-only"))
    expect(r?.file).toBe(moved)
    originalAgain()
  })

  it("drops a deleted file, adds an added one", () => {
    const dir = copy()
    unlinkSync(join(dir, rule))
    unlinkSync(join(dir, ruleCases))
    seen(originalDir)
    const deleted = seen(dir)
    expect(deleted.ruleIds).not.toContain("eligibility/adults-only")
    originalAgain()
    const added = "eligibility/adults-only-again.json"
    write(dir, added, read(originalDir, rule))
    const s = seen(dir)
    expect(s.ruleIds).toContain("eligibility/adults-only-again")
    originalAgain()
  })
})

describe("a loaded tree's data", () => {
  // Every object and array reachable from the rules, parameters and cases.
  const reachable = (tree: Tree): Array<object> => {
    const out: Array<object> = []
    const seenObjects = new Set<object>()
    const walk = (v: unknown) => {
      if (typeof v !== "object" || v === null || seenObjects.has(v)) return
      seenObjects.add(v)
      out.push(v)
      const values = v instanceof Map ? [...v.values()] : Object.values(v)
      for (const x of values) walk(x)
    }
    walk(tree.rules)
    walk(tree.parameters)
    walk(tree.cases)
    return out
  }

  it("is frozen, or its mutation reaches no later load", () => {
    const first = loadTree(originalDir).tree
    const second = loadTree(originalDir).tree
    const secondBefore = dataOf(second)
    const objects = reachable(first)
    const unfrozen = objects.filter((o) => !(o instanceof Map) && !Object.isFrozen(o))
    // Mutate everything that can be: strings and numbers changed, arrays emptied.
    for (const o of unfrozen) {
      if (Array.isArray(o)) {
        try {
          o.length = 0
        } catch {}
        continue
      }
      for (const k of Object.keys(o)) {
        const v = (o as Record<string, unknown>)[k]
        try {
          if (typeof v === "string") (o as Record<string, unknown>)[k] = `${v}-mutated`
          else if (typeof v === "number") (o as Record<string, unknown>)[k] = v + 1000
        } catch {}
      }
    }
    // The tree loaded before the mutation, and any loaded after it, are as the original.
    expect(dataOf(second)).toBe(secondBefore)
    originalAgain()
  })

  it("a parameter's value changed in place does not change the next load's decisions", () => {
    const tree = loadTree(originalDir).tree
    const p = tree.parameters.get("citizen.minimum-age") as unknown as { values: Array<{ value: unknown }> }
    expect(p).toBeDefined()
    if (!Object.isFrozen(p.values) && !Object.isFrozen(p.values[0])) {
      try {
        p.values[0]!.value = 99
      } catch {}
    }
    originalAgain()
  })
})
