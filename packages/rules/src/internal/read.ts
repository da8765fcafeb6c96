// A small reader for hand-edited JSON and YAML: it checks shapes and keys and
// collects every finding with its JSON pointer, so one pass reports all
// problems. Files and lines are attached later by the tree loader.
import type { Bilingual } from "@aktivitetsmodell/core"
import { IsoDate } from "@aktivitetsmodell/core"
import type { Code } from "../Problem.js"
import { child } from "./pointer.js"
import { didYouMean } from "./suggest.js"
import { bi, quote } from "./text.js"

/** A problem before it has a file and line. */
export interface Finding {
  readonly pointer: string
  readonly code: Code
  readonly severity: "error" | "warning"
  readonly message: Bilingual
}

export type Json = string | number | boolean | null | ReadonlyArray<Json> | { readonly [k: string]: Json }
export type JsonObject = { readonly [k: string]: Json }

export const isObject = (u: unknown): u is JsonObject => typeof u === "object" && u !== null && !Array.isArray(u)

const kindName = (u: unknown): Bilingual =>
  u === null
    ? bi("null", "null")
    : Array.isArray(u)
      ? bi("a list", "en liste")
      : typeof u === "object"
        ? bi("an object", "et objekt")
        : typeof u === "string"
          ? bi("a text", "en tekst")
          : typeof u === "number"
            ? bi("a number", "et tall")
            : typeof u === "boolean"
              ? bi("true/false", "sann/usann")
              : bi(typeof u, typeof u)

export class Reader {
  readonly findings: Array<Finding> = []

  error(pointer: string, code: Code, en: string, nb: string): void {
    this.findings.push({ pointer, code, severity: "error", message: bi(en, nb) })
  }

  warn(pointer: string, code: Code, en: string, nb: string): void {
    this.findings.push({ pointer, code, severity: "warning", message: bi(en, nb) })
  }

  expected(pointer: string, what: Bilingual, got: unknown): void {
    const k = kindName(got)
    this.error(pointer, "shape", `Expected ${what.en}, got ${k.en}`, `Forventet ${what.nb}, fikk ${k.nb}`)
  }

  /**
   * Checks that `u` is an object with the required keys and no others.
   * `forbidden` keys get their own message saying why they are not allowed.
   */
  object(
    u: unknown,
    pointer: string,
    required: ReadonlyArray<string>,
    optional: ReadonlyArray<string>,
    forbidden: Readonly<Record<string, Bilingual>> = {}
  ): JsonObject | undefined {
    if (!isObject(u)) {
      this.expected(pointer, bi("an object", "et objekt"), u)
      return undefined
    }
    const known = [...required, ...optional]
    for (const key of Object.keys(u)) {
      const why = Object.hasOwn(forbidden, key) ? forbidden[key] : undefined
      // Quoting redacts and escapes: only for a key that is reported.
      if (why !== undefined) {
        const k = quote(key)
        this.error(child(pointer, key), "forbidden", `${k.en} is not allowed: ${why.en}`, `${k.nb} er ikke tillatt: ${why.nb}`)
      } else if (!known.includes(key)) {
        const k = quote(key)
        const dym = didYouMean(key, known)
        this.error(child(pointer, key), "shape", `Unknown key ${k.en}${dym.en}`, `Ukjent felt ${k.nb}${dym.nb}`)
      }
    }
    for (const key of required) {
      if (!Object.hasOwn(u, key)) this.error(pointer, "shape", `Missing "${key}"`, `Mangler «${key}»`)
    }
    return u
  }

  string(u: unknown, pointer: string): string | undefined {
    if (typeof u === "string" && u.trim().length > 0) return u
    if (typeof u === "string") this.error(pointer, "shape", "Expected a non-empty text", "Forventet en tekst som ikke er tom")
    else this.expected(pointer, bi("a text", "en tekst"), u)
    return undefined
  }

  date(u: unknown, pointer: string): IsoDate.IsoDate | undefined {
    if (IsoDate.isIsoDate(u)) return u
    this.error(pointer, "shape", "Expected an existing calendar date as YYYY-MM-DD", "Forventet en gyldig dato på formen ÅÅÅÅ-MM-DD")
    return undefined
  }

  bilingual(u: unknown, pointer: string): Bilingual | undefined {
    const o = this.object(u, pointer, ["nb", "en"], [])
    if (o === undefined) return undefined
    const nb = Object.hasOwn(o, "nb") ? this.string(o["nb"], child(pointer, "nb")) : undefined
    const en = Object.hasOwn(o, "en") ? this.string(o["en"], child(pointer, "en")) : undefined
    return nb === undefined || en === undefined ? undefined : { nb, en }
  }

  array(u: unknown, pointer: string): ReadonlyArray<Json> | undefined {
    if (Array.isArray(u)) return u as ReadonlyArray<Json>
    this.expected(pointer, bi("a list", "en liste"), u)
    return undefined
  }
}
