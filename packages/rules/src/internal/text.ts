// Small helpers for bilingual messages, and for putting a name a person
// typed into one: redacted, cut short and escaped, so a message stays one
// short line whatever the input holds.
import type { Bilingual } from "@aktivitetsmodell/core"
import { Redact } from "@aktivitetsmodell/core"

/** Alternatives joined the way each language does: "a, b or c" / "a, b eller c". */
export const alternatives = (items: ReadonlyArray<Bilingual>): Bilingual => {
  const join = (lang: "nb" | "en", or: string): string =>
    items.length <= 1
      ? (items[0]?.[lang] ?? "")
      : `${items
          .slice(0, -1)
          .map((i) => i[lang])
          .join(", ")} ${or} ${items[items.length - 1]![lang]}`
  return { nb: join("nb", "eller"), en: join("en", "or") }
}

/**
 * A user-supplied name quoted for a message: `"name"` in English, `«name»` in
 * bokmål. Identity numbers are masked, control characters escaped (JSON
 * style), and anything longer than `max` characters is cut with "…".
 */
export const quote = (name: string, max = 80): Bilingual => {
  const shown = Redact.show(name, max)
  return { en: shown, nb: `«${shown.slice(1, -1)}»` }
}

// C0 and C1 controls and the two JavaScript line terminators: none of them
// may split or rewrite a line of output.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this pattern is for.
const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu

/** `s` on one line: control characters written as \uXXXX. */
export const oneLine = (s: string): string =>
  s.replace(control, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)

/** `s` redacted, on one line, and at most `max` characters (cut with "…"). */
export const shortLine = (s: string, max: number): string => {
  const t = oneLine(Redact.text(s))
  return t.length > max ? `${t.slice(0, max)}…` : t
}
