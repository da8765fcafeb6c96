/**
 * Feedback themes as a closed, bilingual code list (`data/feedback-themes.json`).
 * A theme is free text in the records (`Feedback.theme`) and may hold a name,
 * a phone number or anything else; it is published only when it is one of
 * the codes, matched without regard to case against the code and its labels
 * in both languages. Anything else becomes "other" (`annet`), whose count is
 * protected like any other count.
 *
 * @module
 */
import themesJson from "../../data/feedback-themes.json" with { type: "json" }
import { guard } from "../internal/boundary.js"
import { requireLang } from "../internal/checks.js"
import type { Bilingual, Lang } from "../internal/text.js"

/**
 * One theme of the code list.
 * @category models
 */
export interface Theme {
  readonly code: string
  readonly label: Bilingual
}

const data = themesJson as {
  readonly other: { code: string; nb: string; en: string }
  readonly codes: ReadonlyArray<{ code: string; nb: string; en: string }>
}

/**
 * The code of free text that is no theme of the list.
 * @example
 * Themes.OTHER // "annet"
 * @category models
 */
export const OTHER: string = data.other.code

/**
 * Every theme of the list, "other" last.
 * @example
 * Themes.all.map((t) => t.code).includes("kapasitet") // true
 * @category models
 */
export const all: ReadonlyArray<Theme> = [...data.codes, data.other].map((t) => ({
  code: t.code,
  label: { nb: t.nb, en: t.en },
}))

const normal = (s: string) => s.normalize("NFC").trim().replace(/\s+/gu, " ").toLocaleLowerCase("nb")
const byText = new Map<string, string>()
for (const t of all) for (const s of [t.code, t.label.nb, t.label.en]) byText.set(normal(s), t.code)
const byCode = new Map(all.map((t) => [t.code, t] as const))

/**
 * The code of a theme as written in a record: a code or a label of the list
 * (any case, surrounding and repeated spaces ignored), else {@link OTHER}.
 * @example
 * Themes.code("Overgang til lokalmiljøet") // "overgang-til-lokalmiljoet"
 * Themes.code("Kari ringte meg") // "annet"
 * @category constructors
 */
export const code = guard("Themes.code", { nb: "en tekst", en: "a text" }, (text: string): string => codeOf(text))

/** {@link code} without the boundary, for the tables' inner loop. */
export const codeOf = (text: unknown): string =>
  typeof text === "string" ? (byText.get(normal(text)) ?? OTHER) : OTHER

/**
 * The label of a theme code in a language; an unknown code reads as "other".
 * @example
 * Themes.label("kapasitet", "en") // "capacity"
 * @category outputs
 */
export const label = guard(
  "Themes.label",
  { nb: "en temakode og et språk (nb eller en)", en: "a theme code and a language (nb or en)" },
  (themeCode: string, lang: Lang): string => {
    requireLang("Themes.label", lang)
    return (byCode.get(themeCode) ?? byCode.get(OTHER)!).label[lang]
  },
)
