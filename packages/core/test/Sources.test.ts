// Every citation in the repository resolves against the source documents it
// ships under docs/sources/: the document is named by its title, the cited
// lines exist, and quoted words stand on the cited lines. No citation names a
// file users do not have.
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import YAML from "yaml"
import crosswalk from "../catalogue/crosswalk.json" with { type: "json" }
import catalogue from "../catalogue/offerings.json" with { type: "json" }
import { Sources } from "../src/index.js"
import { seedFacts } from "../src/invariants/seeds.js"

const repo = fileURLToPath(new URL("../../..", import.meta.url))
const sourcesDir = join(repo, "docs/sources")
const lines = new Map(
  Sources.documents.map((d) => [d.title, readFileSync(join(sourcesDir, d.file), "utf8").split("\n")]),
)

// Quotes are compared as words: line breaks, repeated spaces and typographic dashes vary.
const words = (s: string) =>
  s
    .replace(/[\u2010-\u2015]/gu, "-")
    .replace(/\s+/gu, " ")
    .trim()

/** Why a citation does not resolve, or undefined when it does. */
const unresolved = (c: {
  readonly document?: unknown
  readonly lines?: unknown
  readonly quote?: unknown
}): string | undefined => {
  if (typeof c.document !== "string") return "no document"
  const text = lines.get(c.document)
  if (text === undefined) return `unknown document ${JSON.stringify(c.document)}`
  if (c.lines === undefined) return c.quote === undefined ? undefined : "a quote without lines"
  const m = /^(\d+)(?:-(\d+))?$/u.exec(String(c.lines))
  if (m === null) return `unreadable lines ${JSON.stringify(c.lines)}`
  const from = Number(m[1])
  const to = Number(m[2] ?? m[1])
  if (from < 1 || to > text.length || to < from) return `lines ${c.lines} outside the document's ${text.length}`
  if (c.quote === undefined) return undefined
  const cited = words(text.slice(from - 1, to).join(" "))
  // "…" or "[…]" leaves words out; each part stands on the cited lines, in order.
  let at = 0
  for (const part of words(String(c.quote))
    .split(/\[…\]|…/u)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)) {
    const i = cited.indexOf(part, at)
    if (i < 0) return `the words ${JSON.stringify(part)} are not on lines ${c.lines}`
    at = i + part.length
  }
  return undefined
}

/** Every file of the repository that people read: source, docs, data, policy. */
const repoFiles = (dir: string, out: Array<string> = []): Array<string> => {
  for (const name of readdirSync(dir)) {
    if (
      ["node_modules", "dist", ".git", "out", "coverage", "api", ".scratch"].includes(name) ||
      name.startsWith(".readme-example")
    )
      continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) repoFiles(path, out)
    else if (/\.(?:ts|mts|mjs|js|json|ya?ml|md|ipynb|html|csv|txt)$/u.test(name)) out.push(path)
  }
  return out
}

/** Every `source` object in a parsed policy file, with its JSON pointer. */
const citations = (u: unknown, pointer = ""): Array<[string, Record<string, unknown>]> => {
  if (typeof u !== "object" || u === null) return []
  const own = Object.entries(u).flatMap(([k, v]) => citations(v, `${pointer}/${k}`))
  const source = (u as Record<string, unknown>).source
  return typeof source === "object" && source !== null && !Array.isArray(source)
    ? [[`${pointer}/source`, source as Record<string, unknown>], ...own]
    : own
}

describe("Sources", () => {
  it("lists the documents of docs/sources/README.md, by the title it says to cite", () => {
    const readme = readFileSync(join(sourcesDir, "README.md"), "utf8")
    const rows = readme.split("\n").filter((l) => l.startsWith("| ") && l.includes(".txt]("))
    const table = rows.map((l) => {
      const cells = l.split("|").map((c) => c.trim())
      return { title: cells[1], file: /\[([^\]]+)\]/u.exec(l)?.[1] }
    })
    expect(table).toEqual(Sources.documents.map((d) => ({ title: d.title, file: d.file })))
    expect(Sources.byTitle("Mestringsenhetens modell for aktivitet")?.file).toBe(
      "mestringsenhetens-modell-for-aktivitet.txt",
    )
    expect(Sources.byTitle("seeds/000_b0fda6026573384c.txt")).toBeUndefined()
  })

  it("resolves a quote only on the lines it stands on", () => {
    const title = "Mestringsenhetens modell for aktivitet"
    expect(
      unresolved({ document: title, lines: "7", quote: "Endelig modell besluttet 09.03.2023 i utvida ledergruppe." }),
    ).toBeUndefined()
    expect(
      unresolved({ document: title, lines: "8", quote: "Endelig modell besluttet 09.03.2023 i utvida ledergruppe." }),
    ).toMatch(/not on lines 8/u)
    expect(unresolved({ document: title, lines: "999" })).toMatch(/outside/u)
    expect(unresolved({ document: "Modell for aktivitet" })).toMatch(/unknown document/u)
  })
})

describe("every citation in the repository", () => {
  const files = repoFiles(repo)

  it("names a source document by its title, never by a file users do not have", () => {
    const offending = files
      .filter((f) => !f.includes(`${join("packages", "core", "test", "Sources.test.ts")}`) && !f.includes("CHANGELOG"))
      .flatMap((f) => {
        const text = readFileSync(f, "utf8")
        return [...text.matchAll(/seeds\/\d{3}_|\b[Ss]eed 00\d\b|shared\/seeds|\b00\d_[0-9a-f]{16}\.txt/gu)].map(
          (m) => `${relative(repo, f)}: ${m[0]}`,
        )
      })
    expect(offending).toEqual([])
  })

  it("in the policy trees resolves: a known title, lines that exist, and the quoted words on them", () => {
    const trees = files.filter(
      (f) =>
        /packages\/rules\/(?:policy|test\/fixtures\/trees\/sandnes)\/.*\.(?:json|ya?ml)$/u.test(f) &&
        !/\.cases\.ya?ml$/u.test(f),
    )
    expect(trees.length).toBeGreaterThan(90)
    const problems: Array<string> = []
    let resolved = 0
    for (const f of trees) {
      const text = readFileSync(f, "utf8")
      const doc: unknown = f.endsWith(".json") ? JSON.parse(text) : YAML.parse(text)
      for (const [pointer, c] of citations(doc)) {
        // A link, or a decision of the municipality's own that is not shipped, is not resolved here.
        if (c.document === undefined) continue
        const why = unresolved(c)
        if (why === undefined) resolved++
        else problems.push(`${relative(repo, f)} ${pointer}: ${why}`)
      }
    }
    expect(problems).toEqual([])
    expect(resolved).toBeGreaterThan(80)
  })

  it("in the catalogue resolves, with the line numbers in `lines`, not in the section's text", () => {
    const cited = [
      ["/source", catalogue.source] as const,
      ...catalogue.offerings.map((o, i) => [`/offerings/${i}/seed`, o.seed] as const),
    ]
    const problems = cited.flatMap(([pointer, c]) => {
      const why = /\bline/u.test(c.section)
        ? "a line number in the section"
        : (unresolved(c) ?? (c.lines === undefined ? "no lines" : undefined))
      return why === undefined ? [] : [`${pointer}: ${why}`]
    })
    expect(problems).toEqual([])
    expect(cited.length).toBe(32)
  })

  it("in the crosswalk resolves where it cites a shipped document, with lines in `lines`", () => {
    // The crosswalk names documents by key; a shipped one's title begins with the title to cite.
    const titleOf = (key: string): string | undefined => {
      const title = (crosswalk.documents as Record<string, { title: string }>)[key]?.title ?? ""
      return Sources.titles.find((t) => title.startsWith(t))
    }
    const cited: Array<[string, { document: string; section: string; lines?: string; quote?: string }]> = []
    crosswalk.entries.forEach((e, i) => {
      for (const [name, value] of Object.entries(e)) {
        const sources = (value as { sources?: ReadonlyArray<(typeof cited)[number][1]> } | null)?.sources ?? []
        for (const [j, c] of sources.entries()) cited.push([`/entries/${i}/${name}/sources/${j}`, c])
      }
    })
    const shipped = cited.filter(([, c]) => titleOf(c.document) !== undefined)
    const problems = cited.flatMap(([pointer, c]) => {
      const document = titleOf(c.document)
      const why = /\(line/u.test(c.section)
        ? "a line number in the section"
        : document === undefined
          ? undefined
          : (unresolved({ ...c, document }) ?? (c.lines === undefined ? "no lines" : undefined))
      return why === undefined ? [] : [`${pointer}: ${why}`]
    })
    expect(problems).toEqual([])
    expect(shipped.length).toBeGreaterThan(100)
  })

  it("of the invariants resolves: every seed fact quotes its own lines", () => {
    const problems = Object.entries(seedFacts).flatMap(([code, c]) => {
      const why = c.lines === undefined ? "no lines" : unresolved(c)
      return why === undefined ? [] : [`${code}: ${why}`]
    })
    expect(problems).toEqual([])
  })

  it("in prose names lines that exist in the document it names", () => {
    const titles = Sources.titles.map((t) => t.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")).join("|")
    // "<title>, <section>, line 72" or "<title> line 72" or "… lines 33 and 38-45".
    const cite = new RegExp(`(${titles})[^\\n]{0,120}?\\blines? (\\d+)(?:[-–](\\d+))?`, "gu")
    const problems: Array<string> = []
    let seen = 0
    for (const f of files) {
      const text = readFileSync(f, "utf8")
      for (const m of text.matchAll(cite)) {
        seen++
        const doc = lines.get(m[1]!)!
        const last = Number(m[3] ?? m[2])
        if (Number(m[2]) < 1 || last > doc.length)
          problems.push(`${relative(repo, f)}: ${m[0]} (the document has ${doc.length} lines)`)
      }
    }
    expect(problems).toEqual([])
    expect(seen).toBeGreaterThan(10)
  })
})
