import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { Identifiers, Provenance } from "../src/index.js"

const period = { from: "2024-01-01", to: "2024-12-31" }
const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
// A policy hash that starts with eleven digits written like a national identity number (01018512345).
const risky = `01018512345${"a".repeat(53)}`

describe("Provenance.make", () => {
  it("takes the generation time given, as an instant in UTC, and defaults to now", () => {
    expect(Provenance.make(period, { generatedAt: "2025-01-10T09:00:00+01:00" }).generatedAt).toBe(
      "2025-01-10T08:00:00.000Z",
    )
    expect(Provenance.make(period, { generatedAt: new Date(Date.UTC(2025, 0, 10, 8)) }).generatedAt).toBe(
      "2025-01-10T08:00:00.000Z",
    )
    const before = Date.now()
    const now = Date.parse(Provenance.make(period).generatedAt)
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })

  it("states this package's version, as package.json gives it, before the versions given", () => {
    const p = Provenance.make(period, {
      versions: { "@aktivitetsmodell/rules": "0.2.0", "@aktivitetsmodell/core": "0.3.0" },
    })
    expect(p.versions).toEqual({
      "@aktivitetsmodell/analytics": manifest.version,
      "@aktivitetsmodell/core": "0.3.0",
      "@aktivitetsmodell/rules": "0.2.0",
    })
    expect(Object.keys(p.versions)).toEqual([
      "@aktivitetsmodell/analytics",
      "@aktivitetsmodell/core",
      "@aktivitetsmodell/rules",
    ])
  })

  it("writes the policy hash in groups, so that no run of digits reads as an identity number", () => {
    const p = Provenance.make(period, { policyHash: risky.toUpperCase() })
    // At most eight digits in a row, where an identity number needs eleven.
    expect(p.policyHash!.match(/\d+/gu)!.every((run) => run.length <= 8)).toBe(true)
    expect(p.policyHash).toBe(`01018512:345aaaaa:${Array(6).fill("aaaaaaaa").join(":")}`)
    expect(Identifiers.find(Provenance.line(p, "nb"))).toEqual([])
    // Grouped or not, the same hash.
    expect(Provenance.make(period, { policyHash: p.policyHash! }).policyHash).toBe(p.policyHash)
  })

  it("keeps a source to one line, and refuses what is not a provenance", () => {
    expect(Provenance.make(period, { source: "  Fagsystemet,\n uttrekk  10.01.2025 " }).source).toBe(
      "Fagsystemet, uttrekk 10.01.2025",
    )
    expect(Provenance.make(period, { source: " " }).source).toBeNull()
    expect(() => Provenance.make(period, { generatedAt: "i går" })).toThrow(
      /generatedAt must be a Date or an ISO 8601/u,
    )
    expect(() => Provenance.make(period, { policyHash: "abc" })).toThrow(/policyHash must be a SHA-256/u)
    expect(() => Provenance.make(period, { synthetic: "yes" as unknown as boolean })).toThrow(
      /synthetic must be true or false/u,
    )
    expect(() => Provenance.make({ from: "2024", to: "2024-12-31" })).toThrow(/YYYY-MM-DD/u)
  })
})

describe("Provenance.fields and Provenance.line", () => {
  const p = Provenance.make(period, {
    source: "årsrapport",
    generatedAt: "2025-01-10T08:00:00Z",
    policyHash: "ab".repeat(32),
  })

  it("name source, period, time on Norwegian time, software and policy, in bokmål and English", () => {
    expect(Provenance.fields(p, "nb").map((f) => [f.label, f.value])).toEqual([
      ["Datakilde", "årsrapport"],
      ["Periode", "1. januar 2024–31. desember 2024"],
      ["Generert", "10. januar 2025 kl. 09:00"],
      ["Programvare", `@aktivitetsmodell/analytics ${manifest.version}`],
      ["Regelverk (SHA-256)", "abababab:abababab:abababab:abababab:abababab:abababab:abababab:abababab"],
    ])
    expect(Provenance.line(p, "en")).toBe(
      `Data source: årsrapport · Period: 1 January 2024–31 December 2024 · Generated: 10 January 2025 at 09:00 · Software: @aktivitetsmodell/analytics ${manifest.version} · Policy (SHA-256): abababab:abababab:abababab:abababab:abababab:abababab:abababab:abababab`,
    )
  })

  it("say synthetic data first in the data source, and what was not given", () => {
    const synthetic = Provenance.make(period, { synthetic: true, source: "frø 1", generatedAt: "2025-01-10T08:00:00Z" })
    expect(Provenance.fields(synthetic, "nb")[0]!.value).toBe("Syntetiske data (frø 1)")
    expect(Provenance.fields(Provenance.make(period, { synthetic: true }), "en")[0]!.value).toBe("Synthetic data")
    const bare = Provenance.line(Provenance.make(period), "nb")
    expect(bare).toContain("Datakilde: ikke oppgitt")
    expect(bare).toContain("Regelverk (SHA-256): ikke oppgitt")
  })
})
