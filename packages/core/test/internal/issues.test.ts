// Norwegian messages name codes with their bokmål labels; English ones stay
// as Effect writes them.

import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { problemsOf, translateGeneric } from "../../src/internal/issues.js"

const problems = (schema: Schema.Top & { readonly DecodingServices: never }, input: unknown) => {
  const r = Schema.decodeUnknownResult(schema as unknown as Schema.Codec<unknown, unknown>)(input, { errors: "all" })
  if (Result.isSuccess(r)) throw new Error("expected a failure")
  return problemsOf(r.failure.issue)
}

describe("literal choices in Norwegian", () => {
  it("gives each code its label from the code system with exactly those codes", () => {
    expect(problems(Schema.Literals(["yes", "partly", "no"]), "maybe")[0]!.message).toEqual({
      en: 'Expected "yes" | "partly" | "no"',
      nb: "Forventet én av «yes» (ja), «partly» (delvis) eller «no» (nei)",
    })
    // "completed" means "avsluttes" among the decisions after an evaluation.
    expect(translateGeneric('Expected "completed" | "extend" | "other-measures"')).toBe(
      "Forventet én av «completed» (avsluttes), «extend» (forlenges med én periode) eller «other-measures» (andre tiltak prøves)",
    )
  })

  it("quotes codes without a code system, and leaves numbers bare", () => {
    expect(translateGeneric('Expected "a" | "b" | "c"')).toBe("Forventet én av «a», «b» eller «c»")
    expect(translateGeneric("Expected 1 | 2")).toBe("Forventet én av 1 eller 2")
    expect(translateGeneric('Expected "true" | "false"')).toBe("Forventet én av «true» (sann) eller «false» (usann)")
  })

  it("keeps a code that holds the separator whole, and the English untouched", () => {
    expect(translateGeneric('Expected "a | b" | "c"')).toBe("Forventet én av «a | b» eller «c»")
    expect(problems(Schema.Literals(["a | b", "c"]), "x")[0]!.message.en).toBe('Expected "a | b" | "c"')
  })
})
