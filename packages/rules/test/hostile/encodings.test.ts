// Policy files as editors on Windows save them. A UTF-8 byte order mark says
// nothing: a JSON or YAML file with one loads exactly as without. A file
// saved as UTF-16 (Notepad's "Unicode") is named as such, in both languages,
// with what to do, whichever way its bytes reach the parser; nothing throws.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { run } from "../../src/cli/main.js"
import { PolicyTree, Problem } from "../../src/index.js"
import { fixtureFiles } from "../helpers.js"

const bom = "\uFEFF"
const utf16Message = {
  nb: "Filen er lagret som UTF-16 (i Notisblokk kalt «Unicode»); lagre den som UTF-8 (i Notisblokk: Lagre som, Koding: UTF-8)",
  en: 'The file is saved as UTF-16 (which Notepad calls "Unicode"); save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)',
}

/** What a load gives that a reader sees: the tree's contents (not its hashes, which are of the bytes) and the problems. */
const seen = (files: ReadonlyArray<{ path: string; text: string }>) => {
  const { tree, problems } = PolicyTree.load(files)
  const lines = files.map((f) => tree.lineOf(f.path, "/versions/0/conditions"))
  return { rules: tree.rules, parameters: [...tree.parameters], cases: tree.cases, problems, lines }
}

const withText = (path: string, text: (t: string) => string) =>
  fixtureFiles.map((f) => (f.path === path ? { ...f, text: text(f.text) } : f))

// The bytes of `text` in UTF-16, as Notepad's "Unicode" (little-endian, with its mark) or another form writes them.
const utf16 = (text: string, form: "le" | "be" | "le-bare" | "be-bare"): Uint8Array => {
  const little = Buffer.from(text, "utf16le")
  const body = form.startsWith("be") ? Buffer.from(little).swap16() : little
  const mark = form === "le" ? [0xff, 0xfe] : form === "be" ? [0xfe, 0xff] : []
  return Buffer.concat([Buffer.from(mark), body])
}
// How a folder's file reaches the parser: its bytes read as UTF-8.
const readAsUtf8 = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)

const forms = ["le", "be", "le-bare", "be-bare"] as const
const policyFiles = fixtureFiles.map((f) => f.path)

describe("a byte order mark", () => {
  it("before a JSON rule or parameter file, or a YAML file, loads as without it (property)", () => {
    const without = seen(fixtureFiles)
    fc.assert(
      fc.property(fc.constantFrom(...policyFiles), (path) => {
        expect(seen(withText(path, (t) => `${bom}${t}`))).toEqual(without)
      }),
      { numRuns: 60 },
    )
  })

  it("before a broken file gives the same problems, at the same lines and columns, as without it (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...policyFiles), fc.nat(), fc.string({ maxLength: 3 }), (path, at, junk) => {
        const breakIt = (t: string) => `${t.slice(0, at % t.length)}${junk}${t.slice(at % t.length)}`
        const a = PolicyTree.load(withText(path, breakIt)).problems
        const b = PolicyTree.load(withText(path, (t) => `${bom}${breakIt(t)}`)).problems
        expect(b).toEqual(a)
      }),
      { numRuns: 100 },
    )
  })
})

describe("a file saved as UTF-16", () => {
  it.each(forms)("(%s) is one problem at that file saying to save it as UTF-8", (form) => {
    for (const path of ["duration/session-limit.json", "parameters/citizen/minimum-age.yaml"]) {
      const { problems } = PolicyTree.load(withText(path, (t) => readAsUtf8(utf16(t, form))))
      expect(problems.filter((p) => p.file === path)).toEqual([
        { file: path, pointer: "", line: 1, code: "syntax", severity: "error", message: utf16Message },
      ])
      expect(Problem.hasErrors(problems.filter((p) => p.file !== path))).toBe(false)
    }
  })

  it("in any form, for any file of the tree, is named and nothing else is said about it (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...policyFiles), fc.constantFrom(...forms), (path, form) => {
        const { problems } = PolicyTree.load(withText(path, (t) => readAsUtf8(utf16(t, form))))
        expect(problems.filter((p) => p.file === path).map((p) => p.message)).toEqual([utf16Message])
      }),
      { numRuns: 60 },
    )
  })

  it("in a folder is named by check with its path, and a BOM beside it is no error", async () => {
    const root = mkdtempSync(join(tmpdir(), "aktivitet-rules-utf16-"))
    for (const f of fixtureFiles) {
      const full = join(root, "policy", f.path)
      mkdirSync(join(full, ".."), { recursive: true })
      if (f.path === "duration/session-limit.json") writeFileSync(full, utf16(f.text, "le"))
      else if (f.path === "duration/week-limit.json") writeFileSync(full, `${bom}${f.text}`)
      else writeFileSync(full, f.text)
    }
    const out: Array<string> = []
    const code = await run(["check", "policy", "--lang", "en"], {
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
      stdin: () => "",
      cwd: root,
    })
    expect(code).toBe(1)
    expect(out.filter((l) => l.startsWith("policy/"))).toEqual([
      `policy/duration/session-limit.json:1: ${utf16Message.en}`,
    ])
  })
})
