// The README's example, as written there, must keep working with the shipped
// policy (or the tree AKTIVITET_POLICY_DIR names).
import { describe, expect, it } from "vitest"
import { Decision, Explain, Subject } from "../src/index.js"
import { loadTreeOrThrow } from "../src/node/index.js"
import { policyDirUnderTest } from "./helpers.js"

describe("the README's example", () => {
  it("decides and explains the karate question", () => {
    const tree = loadTreeOrThrow(policyDirUnderTest())
    const question = Subject.decode(
      { citizen: { id: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", birthYear: 1990, departments: ["rpha"] }, offering: "karategruppe" },
      tree.catalogue
    )
    if (!question.ok) throw new Error(question.problems.map((p) => p.message.en).join("\n"))
    const result = Decision.decide(tree, question.subject, "2024-03-01")
    expect(result.summary.eligibility).toEqual({ type: "not-eligible" })
    const text = Explain.decisions(result, tree, "nb")
    for (const line of [
      "Avgjørelser 2024-03-01 (innbygger 0f1e2d3c4b5a69788796a5b4c3d2e1f0)",
      "  Deltagelse: Kan ikke delta",
      "Karate har inntak: Kan ikke delta",
      "  Gjelder fordi:",
      "    ✓ Tilbud (Karategruppe) er Karategruppe",
      "  Begrunnelse:",
      "  Regel: eligibility/karate-needs-intake (eligibility/karate-needs-intake.json), versjon 1, gjelder fra 2023-03-09",
      "    ✗ Påmeldt inntak (nei) er ja",
      "  Kilde: seeds/000_b0fda6026573384c.txt, Hverdagsaktiviteter, linje 102"
    ]) {
      expect(text.split("\n")).toContain(line)
    }
  })
})
