// One error class: every error the packages throw is a core ProblemsError,
// so `instanceof Problems.ProblemsError` catches whatever the library throws,
// and each carries `text` ({ nb, en }) and `problems` of the one Problem shape.
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Batch, CoreError, Problems } from "@aktivitetsmodell/core"
import { FileError } from "@aktivitetsmodell/core/node"
import { describe, expect, it } from "vitest"
import { classBases, outsideRoot } from "./errors.js"
import { root, sourceFiles } from "./imports.js"

describe("one error class", () => {
  it("finds an error class that does not descend from the root", () => {
    const planted = [
      ...classBases(
        "a.ts",
        "export class Root extends Error {}\nclass Fine extends Root {}\nclass Deep extends Fine {}",
      ),
      ...classBases("b.ts", "export class Stray extends Error {}\nclass Child extends Stray {}\nclass Plain {}"),
      ...classBases(
        "c.ts",
        "class Wrapped extends Problems.Root<P> {}\nclass Schemaish extends Schema.Class<X>('x')({}) {}",
      ),
    ]
    expect(outsideRoot(planted, "Root")).toEqual(["b.ts: Stray", "b.ts: Child"])
  })

  it("every error class in the packages is a ProblemsError", () => {
    const classes = sourceFiles()
      .filter((f) => f.startsWith("packages/"))
      .flatMap((f) => classBases(f, readFileSync(join(root, f), "utf8")))
    expect(classes.some((c) => c.name === "PolicyError" && c.base === "RulesError")).toBe(true)
    expect(outsideRoot(classes, "ProblemsError")).toEqual([])
  })

  it("core's errors carry the same fields", () => {
    const errors = [
      new CoreError("invalid-argument", { en: "Expected text", nb: "Forventet tekst" }),
      new Batch.BatchError({ en: "Unknown entity", nb: "Ukjent entitet" }),
      new FileError("data/01019012345.csv", { en: "Not a regular file", nb: "Ikke en vanlig fil" }, 3),
    ]
    for (const e of errors) {
      expect(e).toBeInstanceOf(Problems.ProblemsError)
      expect(e._tag).toBe(e.name)
      expect(e.text).toEqual({ en: e.en, nb: e.nb })
      expect(e.message).not.toMatch(/01019012345/u)
    }
    const file = errors[2] as FileError
    expect(file.problems).toEqual([
      {
        code: "unreadable-file",
        pointer: "",
        file: "data/***********.csv",
        line: 3,
        message: { en: "Not a regular file", nb: "Ikke en vanlig fil" },
      },
    ])
    expect(file.message).toBe("data/***********.csv:3: Not a regular file / Ikke en vanlig fil")
  })

  it("never throws while being built, whatever it is given", () => {
    const hostile = [
      null,
      7,
      { en: 7, nb: null },
      {
        get en(): string {
          throw new Error("x")
        },
      },
      "01019012345",
    ]
    for (const text of hostile) {
      const e = new Problems.ProblemsError([null as never, { code: "x" } as never], text as never)
      expect(e.problems).toHaveLength(2)
      expect(e.message).not.toMatch(/01019012345/u)
    }
  })
})
