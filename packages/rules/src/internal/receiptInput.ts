// Where the receipt is in what a person saved: `evaluate --receipt` writes a
// decision result with the receipt under "receipt", and a receipt itself
// holds its format number there. Either is read as a receipt; the pointer
// `at` leads from the file's root to it, so each problem names its own line.
import type { Bilingual } from "@aktivitetsmodell/core"
import { own } from "./own.js"

const isRecord = (v: unknown): v is object => typeof v === "object" && v !== null && !Array.isArray(v)

/** The receipt in `input` and the pointer to it, or why a list is not one. */
export const receiptIn = (
  input: unknown,
): { readonly receipt: unknown; readonly at: string } | { readonly list: Bilingual } => {
  if (Array.isArray(input))
    // evaluate writes a list for a list of situations: each has its own receipt.
    return {
      list: {
        nb: `Forventet én avgjørelse med kvittering, slik evaluate --receipt skriver den for én situasjon, fikk en liste med ${input.length}; spill av én situasjon om gangen`,
        en: `Expected one decision with its receipt, as evaluate --receipt writes it for one situation, got a list of ${input.length}; replay one situation at a time`,
      },
    }
  const inner = isRecord(input) ? own(input, "receipt") : undefined
  return isRecord(inner) ? { receipt: inner, at: "/receipt" } : { receipt: input, at: "" }
}
