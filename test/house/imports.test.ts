// The packages' import graph: no loops, even through `import type`, and one
// direction between packages (core ← rules ← analytics).
import { describe, expect, it } from "vitest"
import { cycles, fileGraph, packageOf, resolveRelative, sourceFiles, specifiers } from "./imports.js"

const allowed: Record<string, ReadonlyArray<string>> = {
  core: ["core"],
  rules: ["core", "rules"],
  analytics: ["core", "rules", "analytics"],
}

describe("imports", () => {
  it("finds a planted loop and a module that imports itself", () => {
    const found = cycles(
      new Map([
        ["a", ["b"]],
        ["b", ["c"]],
        ["c", ["a", "d"]],
        ["d", []],
        ["e", ["e"]],
      ]),
    )
    expect(found).toEqual([["a", "b", "c"], ["e"]])
  })

  it("reads the whole source tree and resolves every relative import", () => {
    const files = sourceFiles()
    expect(files.length).toBeGreaterThan(250)
    // An import the reader could not resolve would hide a loop.
    const unresolved = files.flatMap((file) =>
      specifiers(file)
        .filter((s) => s.startsWith(".") && resolveRelative(file, s) === undefined)
        .map((s) => `${file}: ${s}`),
    )
    expect(unresolved).toEqual([])
  })

  it("has no import loop in any package, type-only imports included", () => {
    expect(cycles(fileGraph())).toEqual([])
  })

  it("depends one way between packages: core on none, rules on core, analytics on both", () => {
    const wrong = sourceFiles().flatMap((file) => {
      const own = file.split("/")[1]!
      return specifiers(file)
        .map(packageOf)
        .filter((p): p is NonNullable<typeof p> => p !== undefined && !allowed[own]!.includes(p))
        .map((p) => `${file} imports @aktivitetsmodell/${p}`)
    })
    expect(wrong).toEqual([])
  })
})
