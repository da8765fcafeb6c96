import { describe, expect, it } from "vitest"
import { PolicyTree, Problem } from "../../src/index.js"
import { parse } from "../../src/internal/parse.js"
import { parsing } from "../../src/internal/parseCache.js"
import { editJson, filesWith, fixtureFiles } from "../helpers.js"

const yoga = "parameters/offerings/mindfull-restorative-yoga/sessions.json"
const rule = fixtureFiles.find((f) => f.path.startsWith("duration/") && f.path.endsWith(".json"))!.path

// What a load gives, as plain data: every rule, parameter, problem, line and hash.
const seen = (files: ReadonlyArray<{ path: string; text: string }>) => {
  const { tree, problems } = PolicyTree.load(files)
  return JSON.stringify({
    rules: tree.rules,
    parameters: [...tree.parameters],
    problems: problems.map((p) => Problem.format(p, "en")),
    lines: files.map((f) => [f.path, tree.lineOf(f.path, "/versions/0"), tree.lineOf(f.path, "/values/0/value")]),
    hashes: files.map((f) => tree.hashOf?.(f.path) ?? null),
  })
}

// The straightforward path: every file parsed afresh (a load of nothing first leaves nothing kept).
const fresh = (files: ReadonlyArray<{ path: string; text: string }>) => {
  PolicyTree.load([])
  return seen(files)
}

describe("parsed files kept from the tree loaded before", () => {
  const edited = filesWith({ [yoga]: editJson(yoga, (v) => v.values.push({ from: "2024-07-01", value: 6 })) })

  it("gives a head loaded after its base the tree it gives on its own", () => {
    const alone = fresh(edited)
    const base = fresh(fixtureFiles)
    expect(seen(edited)).toBe(alone)
    // And back: the base after the head.
    expect(seen(fixtureFiles)).toBe(base)
    expect(alone).not.toBe(base)
  })

  it("gives each tree objects of its own, so a change to one tree cannot reach the next", () => {
    const a = PolicyTree.load(fixtureFiles).tree
    const b = PolicyTree.load(fixtureFiles).tree
    const shared: Array<string> = []
    const walk = (x: unknown, y: unknown, at: string): void => {
      if (x === null || typeof x !== "object") return
      if (x === y) shared.push(at)
      for (const k of Object.keys(x))
        walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)?.[k], `${at}/${k}`)
    }
    walk([a.rules, [...a.parameters.values()], a.cases], [b.rules, [...b.parameters.values()], b.cases], "")
    expect(shared).toEqual([])
  })

  it("parses an edited file again, and reports a file broken since", () => {
    PolicyTree.load(fixtureFiles)
    const after = PolicyTree.load(edited).tree.parameters.get("offerings.mindfull-restorative-yoga.sessions")
    expect(after?.values.at(-1)).toMatchObject({ from: "2024-07-01", value: 6 })
    const broken = filesWith({ [rule]: "{ not json" })
    expect(seen(broken)).toBe(fresh(broken))
    expect(PolicyTree.load(broken).problems.some((p) => p.file === rule && p.code === "syntax")).toBe(true)
  })

  it("hands out a kept parse only for the same path and text, and only to the next tree", () => {
    const text = fixtureFiles.find((f) => f.path === yoga)!.text
    const first = parsing()
    const once = first.parse(yoga, text)
    const straight = parse(yoga, text)
    expect(once.ok && straight.ok && once.value).toEqual(straight.ok && straight.value)
    first.done()
    const second = parsing()
    expect(second.parse(yoga, text)).toBe(once)
    expect(second.parse(yoga, `${text}\n`)).not.toBe(once)
    expect(second.parse("parameters/other.json", text)).not.toBe(once)
    second.done()
    // The second tree kept the edited text, not the first.
    expect(parsing().parse(yoga, text)).not.toBe(once)
  })
})
