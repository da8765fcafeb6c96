import { createHash } from "node:crypto"
import { Redact } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { DatasetSubjects, Decision, PolicyTree, Receipt, Subject } from "../src/index.js"
import { adult, editJson, filesWith, fileText, fixture, fixturePolicy, type Loose } from "./helpers.js"

const yogaFile = "parameters/offerings/mindfull-restorative-yoga/sessions.json"
const yoga = Subject.make({
  citizen: adult,
  offering: "mindfull-restorative-yoga",
  enrollment: { start: "2024-07-01", sessionsUsed: 4 },
})
const sha = (path: string) => createHash("sha256").update(fileText(path), "utf8").digest("hex")
// Through JSON, as a receipt is stored and read back.
const stored = (r: Receipt.Receipt): unknown => JSON.parse(JSON.stringify(r))

describe("Decision.decide with a receipt", () => {
  const { receipt } = Decision.decide(fixture(), yoga, "2024-07-15", { receipt: true })
  const limit = receipt.decisions.find((d) => d.rule === "duration/session-limit")!

  it("carries each file's SHA-256, the version and period, parameter values with their dates, the seed and every condition", () => {
    expect(receipt.files.find((f) => f.file === yogaFile)?.sha256).toBe(sha(yogaFile))
    expect(receipt.files.find((f) => f.file === "duration/session-limit.json")?.sha256).toBe(
      sha("duration/session-limit.json"),
    )
    expect(limit).toMatchObject({
      version: 1,
      effective: { from: "2023-03-09" },
      outcome: { type: "ends" },
      branch: "otherwise",
    })
    expect(limit.parameters).toEqual([
      { name: "offerings.mindfull-restorative-yoga.sessions", value: 4, from: "2023-03-09", file: yogaFile },
    ])
    expect(limit.source.document).toBe("Mestringsenhetens modell for aktivitet")
    expect(limit.conditions).toEqual([
      {
        pointer: "/versions/0/appliesWhen/all/0",
        fact: "enrolled",
        value: true,
        operator: "equal",
        against: true,
        result: true,
      },
      {
        pointer: "/versions/0/appliesWhen/all/1",
        fact: "sessionLimit",
        value: 4,
        operator: "greaterThan",
        against: 0,
        result: true,
      },
      {
        pointer: "/versions/0/conditions/all/0",
        fact: "sessionsUsed",
        value: 4,
        operator: "lessThan",
        against: 4,
        result: false,
      },
    ])
    expect(receipt.notApplicable.length).toBeGreaterThan(0)
  })

  it("replays as the same against the same tree", () => {
    const decoded = Receipt.decode(stored(receipt), fixture().catalogue)
    expect(decoded.ok).toBe(true)
    if (decoded.ok) expect(Receipt.replay(fixture(), decoded.receipt)).toMatchObject({ same: true, changes: [] })
  })

  it("says exactly what changed: outcome, condition, parameter value and file hash", () => {
    const six = PolicyTree.loadOrThrow(
      filesWith({ [yogaFile]: editJson(yogaFile, (v) => v.values.push({ from: "2024-07-01", value: 6 })) }),
    )
    const r = Receipt.replay(six, receipt)
    expect(r.same).toBe(false)
    expect(r.changes.map((c) => Receipt.describe(c).en)).toEqual([
      "duration/session-limit: outcome ends → continues",
      "duration/session-limit /versions/0/appliesWhen/all/1: sessionLimit (4) greaterThan 0: true → sessionLimit (6) greaterThan 0: true",
      "duration/session-limit /versions/0/conditions/all/0: sessionsUsed (4) lessThan 4: false → sessionsUsed (4) lessThan 6: true",
      "parameter offerings.mindfull-restorative-yoga.sessions: 4 from 2023-03-09 → 6 from 2024-07-01",
      `file ${yogaFile}: sha256 ${sha(yogaFile).slice(0, 12)}… → ${r.now.files.find((f) => f.file === yogaFile)!.sha256.slice(0, 12)}…`,
      'summary, duration: {"type":"ends"} → {"type":"continues"}',
    ])
    expect(Receipt.describe(r.changes[0]!).nb).toBe("duration/session-limit: utfall ends → continues")
  })

  it("refuses a receipt that is not one, with a pointer for each problem and nothing inherited", () => {
    const bad = stored(receipt) as Loose
    bad.receipt = 2
    bad.decisions[0].branch = "maybe"
    // Read from a file, "__proto__" is an own key like any other.
    const text = JSON.stringify(bad).replace(/^\{/u, '{"__proto__":{"polluted":true},')
    const r = Receipt.decode(JSON.parse(text), fixture().catalogue)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problems.map((p) => p.pointer)).toEqual(["/__proto__", "/receipt", "/decisions/0/branch"])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it("reads any change to a stored receipt as a receipt or as problems, never throwing, and no message echoes an identity number (property)", () => {
    const { receipt } = Decision.decide(fixture(), yoga, "2024-07-15", { receipt: true })
    // Every place in the stored receipt, as a path of keys.
    const paths: Array<Array<string | number>> = []
    const walk = (v: unknown, path: Array<string | number>) => {
      paths.push(path)
      if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, [...path, i])
      else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...path, k])
    }
    walk(stored(receipt), [])
    const hostile = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom("01019012345", "010190 12345", "__proto__", "constructor", "", -1, 1e308, null),
    )
    fc.assert(
      fc.property(fc.constantFrom(...paths), hostile, fc.boolean(), (path, value, asKey) => {
        const r = stored(receipt) as Loose
        if (path.length === 0) return
        const parent = path.slice(0, -1).reduce((o: Loose, k) => o[k], r)
        const last = path[path.length - 1]!
        // Either the value at that place changes, or the key there is renamed to the value as text.
        if (asKey && !Array.isArray(parent) && typeof value === "string") {
          const kept = parent[last]
          delete parent[last]
          parent[value] = kept
        } else parent[last] = value
        const decoded = Receipt.decode(JSON.parse(JSON.stringify(r)), fixture().catalogue)
        if (decoded.ok) {
          expect(Receipt.replay(fixture(), decoded.receipt).changes.every((c) => typeof c.kind === "string")).toBe(true)
          return
        }
        expect(decoded.problems.length).toBeGreaterThan(0)
        for (const p of decoded.problems) {
          expect(p.pointer.startsWith("/") || p.pointer === "").toBe(true)
          expect(p.message.nb.length * p.message.en.length).toBeGreaterThan(0)
          // The pointer locates the place in the caller's own file (the CLI masks it as it prints); the message is shown as it is.
          expect(Redact.containsNationalId(JSON.stringify(p.message))).toBe(false)
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      }),
      { numRuns: 300 },
    )
  })

  it("reads the decision result evaluate --receipt writes as its receipt; a change outside the receipt changes nothing, one inside gives the bare receipt's problems under /receipt (property)", () => {
    const result = JSON.parse(JSON.stringify(Decision.decide(fixture(), yoga, "2024-07-15", { receipt: true })))
    const bare = Receipt.decode(result.receipt, fixture().catalogue)
    expect(bare.ok).toBe(true)
    expect(Receipt.decode(result, fixture().catalogue)).toEqual(bare)
    const paths: Array<Array<string | number>> = []
    const walk = (v: unknown, path: Array<string | number>) => {
      paths.push(path)
      if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, [...path, i])
      else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...path, k])
    }
    walk(result, [])
    fc.assert(
      fc.property(
        fc.constantFrom(...paths.filter((p) => p.length > 1 || (p.length === 1 && p[0] !== "receipt"))),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom("__proto__", "", -1, null)),
        (path, value) => {
          const changed = JSON.parse(JSON.stringify(result)) as Loose
          const parent = path.slice(0, -1).reduce((o: Loose, k) => o[k], changed)
          parent[path[path.length - 1]!] = value
          const decoded = Receipt.decode(changed, fixture().catalogue)
          if (path[0] !== "receipt") {
            expect(decoded).toEqual(bare)
            return
          }
          // A receipt's own "receipt" is its format number: an object there is no receipt, never unwrapped again.
          if (path.length === 2 && path[1] === "receipt") {
            expect(decoded.ok).toBe(false)
            return
          }
          const alone = Receipt.decode(changed.receipt, fixture().catalogue)
          expect(decoded.ok).toBe(alone.ok)
          if (!decoded.ok && !alone.ok)
            expect(decoded.problems).toEqual(alone.problems.map((p) => ({ ...p, pointer: `/receipt${p.pointer}` })))
        },
      ),
      { numRuns: 300 },
    )
  })

  it("refuses a list of decisions with one problem saying to replay one situation at a time", () => {
    const result = JSON.parse(JSON.stringify(Decision.decide(fixture(), yoga, "2024-07-15", { receipt: true })))
    const r = Receipt.decode([result, result], fixture().catalogue)
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.problems).toEqual([
        {
          code: "shape",
          pointer: "",
          message: {
            nb: "Forventet én avgjørelse med kvittering, slik evaluate --receipt skriver den for én situasjon, fikk en liste med 2; spill av én situasjon om gangen",
            en: "Expected one decision with its receipt, as evaluate --receipt writes it for one situation, got a list of 2; replay one situation at a time",
          },
        },
      ])
  })

  it("replays 10,000 decisions of a synthetic year as the same", { timeout: 60_000 }, () => {
    const tree = fixture()
    let decisions = 0
    let replayed = 0
    for (const item of DatasetSubjects.of(
      generate({ policy: fixturePolicy(), seed: 1, year: 2024 }),
      fixturePolicy(),
    )) {
      if (decisions >= 10_000) break
      const { receipt } = Decision.decide(tree, item.subject, item.date, { receipt: true })
      const decoded = Receipt.decode(stored(receipt), tree.catalogue)
      expect(decoded.ok && Receipt.replay(tree, decoded.receipt).changes).toEqual([])
      decisions += receipt.decisions.length
      replayed++
    }
    expect(decisions).toBeGreaterThanOrEqual(10_000)
    expect(replayed).toBeGreaterThan(1000)
  })
})
