// The policy editing guides (docs/policy-editing.md, bokmål, and
// docs/policy-editing.en.md), held to what the program does:
// - their table lists common messages from `check` exactly as printed: each
//   broken example below is run through the checker, and the table must hold
//   what it prints, in order — change a message or the guide alone and this fails;
// - their walkthrough (yoga from 4 to 6 sessions), applied as written to a
//   copy of the shipped policy, keeps everything that reads the shipped tree
//   green: `check` passes and the shipped-policy tests pass against the copy.
import { spawnSync } from "node:child_process"
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { Invariants } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import { describe, expect, it } from "vitest"
import YAML from "yaml"
import { run } from "../../src/cli/main.js"
import { DatasetSubjects, Decision, Impact, InForce, PolicyTree, Subject } from "../../src/index.js"
import { readTreeFiles, shippedPolicyDir } from "../../src/node/index.js"
import { fixtureDir, type Loose } from "../helpers.js"

const repo = fileURLToPath(new URL("../../../..", import.meta.url))
const guide = (lang: "nb" | "en") =>
  readFileSync(join(repo, lang === "nb" ? "docs/policy-editing.md" : "docs/policy-editing.en.md"), "utf8")

/** The first column of the table under the guide's heading on `check`'s messages: the code span of each row. */
export const tableMessages = (text: string): Array<string> => {
  const start = text.search(/^## (?:Vanlige meldinger fra|Common messages from) `check`$/mu)
  if (start < 0) throw new Error("the guide has no section on check's messages")
  const rows = text
    .slice(start)
    .split("\n")
    .filter((l) => l.startsWith("| `"))
  return rows.map((l) => /^\| `([^`]+)` \|/u.exec(l)?.[1] ?? `unreadable row: ${l}`)
}

interface Example {
  /** The file the example breaks, under the policy folder. */
  readonly file: string
  /** The file's new text, or its bytes when the example is about how the file is saved. */
  readonly edit: (text: string) => string | Uint8Array
  /** The file the message names, when another than the one broken. */
  readonly reported?: string
  /** The fixture's JSON file that `file` stands in for, written as YAML as the shipped policy writes it. */
  readonly asYaml?: string
}

const json = (edit: (v: Loose) => void) => (text: string) => {
  const v = JSON.parse(text)
  edit(v)
  return `${JSON.stringify(v, null, 2)}\n`
}
const replace = (from: string | RegExp, to: string) => (text: string) => {
  const out = text.replace(from, to)
  if (out === text) throw new Error(`the example's edit found nothing to change: ${String(from)}`)
  return out
}

const sessionLimit = "duration/session-limit.json"
const yogaSessions = "parameters/offerings/mindfull-restorative-yoga/sessions"
const adults = "eligibility/adults-only.json"

// In the order of the guide's table.
const examples: ReadonlyArray<Example> = [
  { file: sessionLimit, edit: replace(/("value": 0\n {10}\})\n/u, "$1,\n") },
  { file: sessionLimit, edit: replace('"operator": "greaterThan",', '"operator": "greaterThan"') },
  { file: sessionLimit, edit: replace(/\n {10}\}\n {8}\]/u, "\n        ]") },
  { file: "duration/session-limit.cases.yaml", edit: replace("    date: 2023-04-24", "   date: 2023-04-24") },
  { file: "duration/session-limit.cases.yaml", edit: replace("    date: 2023-04-24", "\tdate: 2023-04-24") },
  // Saved as Notepad's "Unicode": UTF-16, little-endian, with its byte order mark.
  { file: sessionLimit, edit: (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]) },
  { file: "duration/session-limit.cases.yaml", edit: replace("expect: continues", "expect: fortsetter") },
  {
    file: "eligibility/karate-needs-intake.json",
    edit: replace('"fact": "intakeRegistered"', '"fact": "intakeRegistred"'),
  },
  {
    file: "escalation/fit-ors-below-cutoff.json",
    edit: replace('"name": "fit.ors-cutoff"', '"name": "fit.ors-cutof"'),
  },
  { file: "eligibility/karate-needs-intake.cases.yaml", edit: replace("offering: karategruppe", "offering: karate") },
  {
    file: `${yogaSessions}.yaml`,
    asYaml: `${yogaSessions}.json`,
    edit: (text) => `${text}  - from: 2024-07-01\n    value: -6\n`,
  },
  { file: adults, edit: json((v) => v.versions.push({ ...v.versions[0], effective: { from: "2025-01-01" } })) },
  {
    file: adults,
    edit: json((v) => {
      v.versions.push({ ...v.versions[0], effective: { from: "2025-02-01" } })
      v.versions[0].effective.to = "2024-12-31"
    }),
  },
  { file: adults, edit: json((v) => (v.versions[0].effective.from = "2023-01-01")) },
  { file: adults, edit: json((v) => (v.versions[0].conditions.all[0].path = "$.age")) },
  { file: "eligibility/karate-needs-intake.cases.yaml", edit: replace("expect: not-eligible", "expect: eligible") },
  {
    file: "escalation/discontinued-participants-not-moved.cases.yaml",
    edit: replace(/ {2}- name: "A Sykkelgruppe participant[\s\S]*?expect: no-escalation\n/u, ""),
    reported: "escalation/discontinued-participants-not-moved.json",
  },
]

/** What `check` prints about the example's file in each language, run as the guide runs it: from the repository's root, on packages/rules/policy. */
const printed = async (example: Example): Promise<{ nb: string; en: string }> => {
  const root = mkdtempSync(join(tmpdir(), "aktivitet-rules-guide-"))
  const dir = join(root, "packages/rules/policy")
  cpSync(fixtureDir, dir, { recursive: true })
  const path = join(dir, example.file)
  if (example.asYaml !== undefined) {
    const json = join(dir, example.asYaml)
    writeFileSync(path, YAML.stringify(JSON.parse(readFileSync(json, "utf8"))))
    rmSync(json)
  }
  writeFileSync(path, example.edit(readFileSync(path, "utf8")))
  const prefix = `packages/rules/policy/${example.reported ?? example.file}:`
  const line = async (lang: "nb" | "en") => {
    const lines: Array<string> = []
    await run(["check", "packages/rules/policy", "--lang", lang], {
      stdout: (t) => lines.push(t),
      stderr: (t) => lines.unshift(t),
      stdin: () => "",
      cwd: root,
    })
    return lines.find((l) => l.startsWith(prefix)) ?? `nothing about ${prefix}:\n${lines.join("\n")}`
  }
  return { nb: await line("nb"), en: await line("en") }
}

describe("the guides' tables of messages", () => {
  it("list each message exactly as check prints it for its example, in bokmål and in English", async () => {
    const messages = []
    for (const example of examples) messages.push(await printed(example))
    expect(tableMessages(guide("nb"))).toEqual(messages.map((m) => m.nb))
    expect(tableMessages(guide("en"))).toEqual(messages.map((m) => m.en))
  })
})

/** The code blocks of one language under the guide's heading that starts with `heading`. */
const blocks = (text: string, heading: string, lang: string): Array<string> => {
  const start = text.indexOf(`\n${heading}`)
  if (start < 0) throw new Error(`the guide has no heading ${heading}`)
  const end = text.indexOf("\n### ", start + 1)
  const section = text.slice(start, end < 0 ? undefined : end)
  return [...section.matchAll(new RegExp(`\`\`\`${lang}\\n([^]*?)\`\`\``, "gu"))].map((m) => m[1]!)
}

/** The dated value the guide's step 2 adds at the bottom of the parameter file, and the case its step 3 adds. */
const walkthrough = (lang: "nb" | "en") => {
  const text = guide(lang)
  const value = blocks(
    text,
    lang === "nb" ? "### 2. Legg til en ny datert verdi" : "### 2. Add a new dated value",
    "yaml",
  ).at(-1)!
  const yaml = blocks(text, lang === "nb" ? "### 3. Legg til et tilfelle" : "### 3. Add a case", "yaml")[0]!
  return { value, yaml }
}

const yogaFile = "parameters/offerings/mindfull-restorative-yoga/sessions.yaml"
/** The parameter file's text with the guide's new value added at the bottom, as step 2 says. */
const withValue = (text: string, value: string) => `${text}${text.endsWith("\n") ? "" : "\n"}${value}`

describe("the guide's walkthrough", () => {
  it("gives the same edits in both languages", () => {
    expect(walkthrough("en")).toEqual(walkthrough("nb"))
  })

  it("keeps check and every test of the shipped policy green when applied to a copy of it", {
    timeout: 120_000,
  }, async () => {
    const root = mkdtempSync(join(tmpdir(), "aktivitet-rules-walkthrough-"))
    const dir = join(root, "packages/rules/policy")
    cpSync(shippedPolicyDir(), dir, { recursive: true })
    const { value, yaml } = walkthrough("nb")
    // Step 2: the new dated value at the bottom of the parameter file.
    const file = join(dir, yogaFile)
    writeFileSync(file, withValue(readFileSync(file, "utf8"), value))
    // Step 3: the case, at the bottom of the rule's case file.
    const cases = join(dir, "duration/session-limit.cases.yaml")
    appendFileSync(cases, readFileSync(cases, "utf8").endsWith("\n") ? yaml : `\n${yaml}`)
    // Step 4: check, as the guide runs it.
    const out: Array<string> = []
    const code = await run(["check", "packages/rules/policy", "--lang", "nb"], {
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
      stdin: () => "",
      cwd: root,
    })
    const total = readTreeFiles(dir)
      .filter((f) => f.path.endsWith(".cases.yaml"))
      .reduce((n, f) => n + (f.text.match(/^ {2}- name:/gmu) ?? []).length, 0)
    expect(out).toContain(`Tilfeller: ${total} besto, 0 feilet`)
    expect(out.at(-1)).toBe("OK: regeltreet er gyldig, alle tilfeller består og dekningen er nådd")
    expect(code).toBe(0)
    // Everything else that reads the shipped tree, pointed at the copy, in a process of its own.
    const vitest = join(repo, "node_modules/vitest/vitest.mjs")
    const r = spawnSync(
      process.execPath,
      [vitest, "run", "--root", repo, "packages/rules/test/policy/", "packages/rules/test/readme.test.ts"],
      {
        cwd: repo,
        encoding: "utf8",
        // A fresh run: none of this run's own vitest settings, no colours in the summary read below.
        env: {
          ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST"))),
          AKTIVITET_POLICY_DIR: dir,
          TZ: "Europe/Oslo",
          NO_COLOR: "1",
          FORCE_COLOR: "0",
        },
      },
    )
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0)
    expect(r.stdout).toMatch(/Test Files {2}\S*3 passed/u)
  })

  it("prints step 5's impact exactly as the guide shows it, in both languages", { timeout: 120_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), "aktivitet-rules-impact-"))
    const head = join(root, "packages/rules/policy")
    cpSync(shippedPolicyDir(), head, { recursive: true })
    const file = join(head, yogaFile)
    writeFileSync(file, withValue(readFileSync(file, "utf8"), walkthrough("nb").value))
    const base = join(root, "regelverk-for")
    cpSync(shippedPolicyDir(), base, { recursive: true })
    for (const lang of ["nb", "en"] as const) {
      const heading =
        lang === "nb" ? "### 5. Se virkningen på det syntetiske året" : "### 5. See the impact on the synthetic year"
      const command = blocks(guide(lang), heading, "sh")[0]!
      // The plain block right after the command: what it prints.
      const shown = guide(lang).split(`\`\`\`sh\n${command}\`\`\`\n\n\`\`\`\n`)[1]!.split("```")[0]!
      const argv = command
        .trim()
        .split(/\s+/u)
        .slice(2)
        .map((a) => (a === "/tmp/regelverk-for" ? base : a))
      const out: Array<string> = []
      const code = await run(argv, {
        stdout: (t) => out.push(t),
        stderr: (t) => out.push(t),
        stdin: () => "",
        cwd: root,
      })
      expect(code).toBe(0)
      // The base's folder is the guide's /tmp/regelverk-for.
      expect(out.join("\n").replaceAll(relative(root, base), "/tmp/regelverk-for")).toBe(shown.trimEnd())
    }
  })

  it("saves a receipt as step 6 says, and replay reads that file back as the same decision", async () => {
    for (const lang of ["nb", "en"] as const) {
      const root = mkdtempSync(join(tmpdir(), "aktivitet-rules-receipt-"))
      const [question, save] = blocks(
        guide(lang),
        lang === "nb" ? "### 6. Forklar én avgjørelse" : "### 6. Explain one decision",
        "sh",
      )
      writeFileSync(join(root, "yoga.json"), question!.split("<<'EOF'\n")[1]!.split("\nEOF")[0]!)
      // `npx aktivitet-rules evaluate … > FILE`, run in process with the question where the guide wrote it.
      const [command, file] = save!.trim().split(" > ")
      const argv = command!
        .split(" ")
        .slice(2)
        .map((a) => (a === "/tmp/yoga.json" ? "yoga.json" : a))
      const lines: Array<string> = []
      const io = {
        stdout: (t: string) => lines.push(t),
        stderr: (t: string) => lines.push(t),
        stdin: () => "",
        cwd: root,
      }
      expect(await run(argv, io)).toBe(0)
      writeFileSync(join(root, file!), `${lines.join("\n")}\n`)
      lines.length = 0
      expect(await run(["replay", file!, "--lang", lang], io)).toBe(0)
      expect(lines).toEqual([
        lang === "nb"
          ? `samme: ${file} mot ${shippedPolicyDir()} gir samme avgjørelse på samme grunnlag`
          : `same: ${file} against ${shippedPolicyDir()} gives the same decision on the same grounds`,
      ])
    }
  })

  it("gives the same answer from explain, the invariants and impact on the guide's example", () => {
    const { value } = walkthrough("nb")
    const files = readTreeFiles(shippedPolicyDir())
    const head = PolicyTree.loadOrThrow(
      files.map((f) => (f.path === yogaFile ? { ...f, text: withValue(f.text, value) } : f)),
    )
    expect(
      head.parameters.get("offerings.mindfull-restorative-yoga.sessions")?.values.map((v) => [v.from, v.value]),
    ).toEqual([
      ["2023-03-09", 4],
      ["2024-07-01", 6],
    ])
    const base = PolicyTree.loadOrThrow(files)
    // Step 6's question, as the guide writes it, and the same enrollment started before the change.
    const example = JSON.parse(
      blocks(guide("nb"), "### 6. Forklar én avgjørelse", "sh")[0]!.split("<<'EOF'\n")[1]!.split("\nEOF")[0]!,
    ) as Subject.Input
    const sessionLimit = (start: string) =>
      Decision.decide(
        head,
        Subject.make({ ...example, enrollment: { start, sessionsUsed: 4 } }),
        "2024-07-15",
      ).decisions.find((d) => d.rule === "duration/session-limit")?.outcome.type
    expect(example.enrollment?.start).toBe("2024-07-01")
    expect(sessionLimit("2024-07-01")).toBe("continues")
    expect(sessionLimit("2024-06-03")).toBe("ends")
    // On a synthetic year: every yoga enrollment whose first period had 4 sessions gets a fifth.
    const year = generate({ policy: InForce.policy(base), seed: 1, year: 2024, citizens: 1500 })
    const yoga = year.enrollments.filter((e) => e.offeringId === "mindfull-restorative-yoga")
    const firstPeriod = new Map(
      yoga.map((e) => [
        e.id,
        year.attendance.filter((a) => a.enrollmentId === e.id && (e.end === undefined || a.date <= e.end)),
      ]),
    )
    const four = yoga.filter((e) => firstPeriod.get(e.id)!.length === 4)
    expect(four.some((e) => e.start < "2024-07-01") && four.some((e) => e.start >= "2024-07-01")).toBe(true)
    const fifth = four.map((e) => ({ ...firstPeriod.get(e.id)![3]!, id: `a-fifth-${e.id}` }))
    const flagged = new Set(
      Invariants.check({ ...year, attendance: [...year.attendance, ...fifth] }, { policy: InForce.policy(head) })
        .filter((v) => v.code === "session-limit-exceeded")
        .map((v) => v.recordId),
    )
    const changed = new Set(
      Impact.compare(base, head, DatasetSubjects.of(year, InForce.policy(base)))
        .changes.filter((c) => c.rule === "duration/session-limit" && c.key.endsWith(" period 1"))
        .map((c) => c.key.split(" ")[1]),
    )
    for (const e of four) {
      const last = firstPeriod.get(e.id)![3]!
      const decided = Decision.decide(
        head,
        Subject.make({
          citizen: example.citizen!,
          offering: e.offeringId,
          enrollment: { start: e.start, sessionsUsed: 4 },
        }),
        last.date,
      ).decisions.find((d) => d.rule === "duration/session-limit")?.outcome.type
      // explain lets a fifth session exactly when the invariants accept one and impact reports the change.
      expect({
        id: e.id,
        continues: decided === "continues",
        fifthAccepted: !flagged.has(e.id),
        changed: changed.has(e.id),
      }).toEqual({
        id: e.id,
        continues: e.start >= "2024-07-01",
        fifthAccepted: e.start >= "2024-07-01",
        changed: e.start >= "2024-07-01",
      })
    }
  })
})
