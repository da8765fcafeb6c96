// One helper per idea: no two packages export a function of the same name,
// and no exported function builds bilingual text from two positional strings.
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { exportedFunctions, positionalBilingual } from "./exports.js"
import { root, sourceFiles } from "./imports.js"

// A helper lives in an internal folder or a lower-case file; PascalCase files
// are public modules, whose functions are read with their module's name
// (Batch.decode, Cases.decode) and may share a name on purpose.
const isHelperFile = (file: string): boolean => {
  const base = file.split("/").at(-1)!
  return file.includes("/internal/") || (base !== "index.ts" && /^[a-z]/u.test(base))
}

// Names each package is meant to have its own of.
const ownByDesign = new Set([
  // Each command line's entry point: run(argv, io).
  "run",
])

describe("exported helpers", () => {
  it("reads exported arrow functions and function declarations", () => {
    expect(exportedFunctions("packages/core/src/Collections.ts")).toEqual([
      "groupBy",
      "countBy",
      "indexBy",
      "deepFreeze",
    ])
  })

  it("no two packages export a helper of the same name", () => {
    const owners = new Map<string, Set<string>>()
    for (const file of sourceFiles())
      for (const name of exportedFunctions(file)) {
        const set = owners.get(name) ?? new Set<string>()
        set.add(file)
        owners.set(name, set)
      }
    const twice = [...owners]
      .filter(
        ([name, files]) =>
          !ownByDesign.has(name) && new Set([...files].filter(isHelperFile).map((f) => f.split("/")[1])).size > 1,
      )
      .map(([name, files]) => `${name}: ${[...files].join(", ")}`)
    expect(twice).toEqual([])
  })

  it("finds a function that builds bilingual text from two positional strings", () => {
    const planted = "export const bi = (nb: string, en: string): Bilingual => ({ nb, en })"
    expect(positionalBilingual("planted.ts", planted)).toEqual(["planted.ts: bi"])
    expect(positionalBilingual("fine.ts", "export const t = (s: string): Bilingual => ({ nb: s, en: s })")).toEqual([])
    const swapped = "const fail: (nb: string, en: string) => never = (nb, en) => { throw new Error(en) }"
    expect(positionalBilingual("type.ts", swapped)).toEqual(["type.ts: fail", "type.ts: fail"])
    const ctor = "class E extends Error { constructor(readonly file: string, en: string, nb: string) { super(en) } }"
    expect(positionalBilingual("ctor.ts", ctor)).toEqual(["ctor.ts: E.constructor"])
    const labels = "const fact = (type: string, en: string, nb: string, descEn: string, descNb: string) => type"
    expect(positionalBilingual("labels.ts", labels)).toEqual(["labels.ts: fact"])
    expect(
      positionalBilingual("named.ts", "const f = ({ nb, en }: Bilingual, token: string, isOpen: boolean) => nb"),
    ).toEqual([])
  })

  it("no function builds bilingual text from two positional strings", () => {
    const found = sourceFiles().flatMap((f) => positionalBilingual(f, readFileSync(join(root, f), "utf8")))
    expect(found).toEqual([])
  })
})
