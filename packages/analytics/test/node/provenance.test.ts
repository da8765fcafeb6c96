import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { readTreeFiles } from "@aktivitetsmodell/rules/node"
import { describe, expect, it } from "vitest"
import { parseArgs } from "../../src/node/cliArgs.js"
import { readDatasetText } from "../../src/node/dataset.js"
import { packageVersions, policyWithHash } from "../../src/node/index.js"
import { sourceOf } from "../../src/node/provenance.js"

const fixture = fileURLToPath(new URL("../../../rules/test/fixtures/trees/sandnes", import.meta.url))
const version = (name: string) =>
  (JSON.parse(readFileSync(new URL(`../../../${name}/package.json`, import.meta.url), "utf8")) as { version: string })
    .version

describe("what aktivitet-report states of a report's provenance", () => {
  it("takes the data source from --source, else the input's own name, else the generator's settings", () => {
    expect(
      sourceOf(
        parseArgs(["--data", "/home/kari/eksport/2024.json", "--source", "Fagsystemet, uttrekk 10.01.2025"]),
        "nb",
      ),
    ).toEqual({ source: "Fagsystemet, uttrekk 10.01.2025", synthetic: false })
    // The file's name, not its path: a path may name a person's home folder.
    expect(sourceOf(parseArgs(["--data", "/home/kari/eksport/2024.json"]), "nb")).toEqual({
      source: "2024.json",
      synthetic: false,
    })
    expect(sourceOf(parseArgs(["--synthetic", "--seed", "7", "--citizens", "200"]), "en")).toEqual({
      source: "generated with seed 7, 200 citizens",
      synthetic: true,
    })
    expect(sourceOf(parseArgs(["--synthetic", "--source", "øvelse"]), "nb")).toEqual({
      source: "øvelse",
      synthetic: true,
    })
  })

  it("takes the source a dataset file names itself, unless --source says otherwise, and refuses one that is not a text", () => {
    const text = JSON.stringify({ year: 2024, source: "årsrapport 2024 fra fagsystemet", citizens: [] })
    const { source } = readDatasetText(text, "/data/2024.json")
    expect(source).toBe("årsrapport 2024 fra fagsystemet")
    expect(sourceOf(parseArgs(["--data", "/data/2024.json"]), "nb", source)).toEqual({
      source: "årsrapport 2024 fra fagsystemet",
      synthetic: false,
    })
    expect(sourceOf(parseArgs(["--data", "/data/2024.json", "--source", "uttrekk"]), "nb", source)).toEqual({
      source: "uttrekk",
      synthetic: false,
    })
    // An identity number in the named source never reaches a report.
    expect(readDatasetText(JSON.stringify({ year: 2024, source: "liste fra 01019012345" }), "d.json").source).toBe(
      "liste fra ***********",
    )
    for (const bad of [5, "", " ", "x".repeat(201), ["a"]])
      expect(() => readDatasetText(JSON.stringify({ year: 2024, source: bad }), "d.json"), JSON.stringify(bad)).toThrow(
        /\/source: expected a text/u,
      )
  })

  it("hashes the tree it reads the policy from, as sha256sum over the rule and parameter files would", () => {
    const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex")
    const files = readTreeFiles(fixture).filter(
      (f) => /^(?:eligibility|duration|escalation|parameters)\//u.test(f.path) && !/\.cases\.ya?ml$/u.test(f.path),
    )
    const manifest = [...files]
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .map((f) => `${sha(f.text)}  ${f.path}\n`)
      .join("")
    const { policy, policyHash } = policyWithHash(fixture)
    expect(policyHash).toBe(sha(manifest))
    expect(policy.parameters.has("citizen.minimum-age")).toBe(true)
  })

  it("names the versions of core and rules as installed", () => {
    expect(packageVersions()).toEqual({
      "@aktivitetsmodell/core": version("core"),
      "@aktivitetsmodell/rules": version("rules"),
    })
  })
})
