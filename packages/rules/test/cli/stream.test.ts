// JSON Lines in and out: evaluate and impact read subjects or items one line
// at a time and write one JSON line per subject or changed decision, so the
// input's size does not decide the memory used. The older formats still work.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { type Line, lines } from "../../src/cli/lines.js"
import { run } from "../../src/cli/main.js"
import { fixtureDir } from "../helpers.js"

const cli = async (
  argv: Array<string>,
  options: { cwd?: string; stdin?: string; chunks?: () => AsyncIterable<string | Uint8Array> } = {},
) => {
  const out: Array<string> = []
  const err: Array<string> = []
  let drained = 0
  const code = await run(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stdin: () => options.stdin ?? "",
    ...(options.chunks === undefined ? {} : { stdinStream: options.chunks }),
    drain: async () => {
      drained++
    },
    cwd: options.cwd ?? tmpdir(),
  })
  return { code, out, err, drained }
}

const subject = (offering: string) => ({
  citizen: { birthYear: 1990, departments: ["rpha"] },
  offering,
  intakeRegistered: true,
})
const good = [subject("karategruppe"), subject("turgruppe"), subject("padelgruppe")]

async function* chunked(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size)
}

const collect = async (source: AsyncIterable<Line>) => {
  const out: Array<Line> = []
  for await (const l of source) out.push(l)
  return out
}

describe("reading JSON Lines", () => {
  it("splits lines across chunk boundaries, multi-byte letters and CRLF included", async () => {
    const text = '{"a":"æøå"}\r\n{"b":"Ærlig"}\n\n{"c":1}'
    for (const size of [1, 2, 3, 7, 100]) {
      expect(await collect(lines(chunked(text, size)))).toEqual([
        { line: 1, text: '{"a":"æøå"}' },
        { line: 2, text: '{"b":"Ærlig"}' },
        { line: 3, text: "" },
        { line: 4, text: '{"c":1}' },
      ])
    }
  })

  it("skips a line over the cap without holding it, and goes on", async () => {
    const text = `short\n${"x".repeat(50)}\nafter\n${"y".repeat(50)}`
    for (const size of [4, 1000]) {
      expect(await collect(lines(chunked(text, size), 20))).toEqual([
        { line: 1, text: "short" },
        { line: 2, tooLong: true },
        { line: 3, text: "after" },
        { line: 4, tooLong: true },
      ])
    }
  })
})

describe("aktivitet-rules evaluate with JSON Lines", () => {
  it("writes one line of decisions per subject, reports bad lines by number, and exits 1", async () => {
    const input = [
      JSON.stringify(good[0]),
      "",
      "not json",
      JSON.stringify(subject("karatgruppe")),
      JSON.stringify(good[1]),
      "[1, 2]",
    ].join("\n")
    const r = await cli(["evaluate", "--date", "2024-03-01", "--jsonl", "--lang", "en", "-"], {
      chunks: () => chunked(input, 5),
    })
    expect(r.code).toBe(1)
    expect(r.out.map((l) => JSON.parse(l).decisions[0].rule)).toEqual([
      "eligibility/adults-only",
      "eligibility/adults-only",
    ])
    expect(
      r.out.map((l) =>
        JSON.parse(l).decisions.some((d: { rule: string }) => d.rule === "eligibility/karate-needs-intake"),
      ),
    ).toEqual([true, false])
    expect(r.out.every((l) => !l.includes("\n"))).toBe(true)
    expect(r.err.slice(0, 2)).toEqual([
      "<stdin>:3: Not JSON: each line must hold one JSON value",
      '<stdin>:4: Unknown offering "karatgruppe"; did you mean "karategruppe"? (at /offering)',
    ])
    expect(r.err.slice(2).every((l) => l.startsWith("<stdin>:6: "))).toBe(true)
    expect(r.err.length).toBeGreaterThan(2)
  })

  it("gives the same decisions from a .jsonl file as from a JSON list, which keeps its old format", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aktivitet-rules-stream-"))
    writeFileSync(join(dir, "subjects.jsonl"), `${good.map((s) => JSON.stringify(s)).join("\n")}\n`)
    writeFileSync(join(dir, "subjects.json"), JSON.stringify(good))
    const lines = await cli(["evaluate", "--date", "2024-03-01", "subjects.jsonl"], { cwd: dir })
    const list = await cli(["evaluate", "--date", "2024-03-01", "subjects.json"], { cwd: dir })
    expect([lines.code, list.code]).toEqual([0, 0])
    const parsed = JSON.parse(list.out.join("\n"))
    expect(lines.out.map((l) => JSON.parse(l))).toEqual(parsed)
    // The list is printed element by element, yet reads exactly as one JSON.stringify.
    expect(list.out.join("\n")).toBe(JSON.stringify(parsed, null, 2))
    // And a JSON list can be asked for as lines.
    expect((await cli(["evaluate", "--date", "2024-03-01", "--jsonl", "subjects.json"], { cwd: dir })).out).toEqual(
      lines.out,
    )
  })

  it("waits for the reader between lines", async () => {
    const input = Array.from({ length: 600 }, () => JSON.stringify(good[2])).join("\n")
    const r = await cli(["evaluate", "--date", "2024-03-01", "--jsonl", "-"], { stdin: input })
    expect(r.out).toHaveLength(600)
    expect(r.drained).toBeGreaterThanOrEqual(2)
  })

  it("explains JSON Lines subject by subject", async () => {
    const r = await cli(["explain", "--date", "2024-03-01", "--lang", "en", "--jsonl", "-"], {
      stdin: good.map((s) => JSON.stringify(s)).join("\n"),
    })
    expect(r.code).toBe(0)
    expect(r.out.join("\n").match(/^Decisions 2024-03-01$/gmu)).toHaveLength(3)
  })
})

describe("aktivitet-rules impact with JSON Lines", () => {
  it("writes each changed decision as a line and the totals last, agreeing with --json", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aktivitet-rules-stream-"))
    const items = good.map((s, i) => ({ key: `row ${i}`, date: "2024-03-01", subject: s }))
    writeFileSync(join(dir, "items.jsonl"), items.map((i) => JSON.stringify(i)).join("\n"))
    writeFileSync(join(dir, "items.json"), JSON.stringify(items))
    const base = fixtureDir
    // The head drops padel's binding registration, so the padel subject's decision changes.
    const head = join(dir, "head")
    cpSync(base, head, { recursive: true })
    rmSync(join(head, "eligibility/padel-needs-binding-registration.json"))
    rmSync(join(head, "eligibility/padel-needs-binding-registration.cases.yaml"))
    const jsonl = await cli(["impact", "--base", base, "--head", head, "--data", "items.jsonl", "--jsonl"], {
      cwd: dir,
    })
    const json = await cli(["impact", "--base", base, "--head", head, "--data", "items.json", "--json"], { cwd: dir })
    expect([jsonl.code, json.code]).toEqual([0, 0])
    const whole = JSON.parse(json.out.join("\n"))
    const streamed = jsonl.out.map((l) => JSON.parse(l))
    expect(streamed.at(-1)).toEqual({ summary: { subjects: 3, decisions: whole.decisions, byRule: whole.byRule } })
    expect(whole.changes.length).toBeGreaterThan(0)
    expect(streamed.slice(0, -1)).toEqual(whole.changes)
  })

  it("reports a bad item line by its number and still counts the rest", async () => {
    const input = [
      JSON.stringify({ date: "2024-03-01", subject: good[0] }),
      JSON.stringify({ date: "1 March", subject: good[1] }),
    ].join("\n")
    const r = await cli(
      ["impact", "--base", fixtureDir, "--head", fixtureDir, "--data", "-", "--jsonl", "--lang", "en"],
      { stdin: input },
    )
    expect(r.code).toBe(1)
    expect(r.err).toEqual(['<stdin>:2: Each item needs "date" as YYYY-MM-DD and "subject"'])
    expect(JSON.parse(r.out.at(-1)!).summary.subjects).toBe(1)
  })

  it("refuses a synthetic year or seed the generator cannot make, exit 2", async () => {
    const base = fixtureDir
    for (const data of ["synthetic:1999", "synthetic:9999:1", `synthetic:2024:${"9".repeat(400)}`]) {
      const r = await cli(["impact", "--base", base, "--head", base, "--data", data, "--lang", "en"])
      expect(r.code).toBe(2)
      expect(r.err[0]).toMatch(/^synthetic:YEAR/u)
    }
  })

  it("refuses --json with --jsonl", async () => {
    expect((await cli(["impact", "--base", "x", "--head", "y", "--data", "synthetic", "--json", "--jsonl"])).code).toBe(
      2,
    )
  })
})
