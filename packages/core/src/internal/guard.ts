// The public boundary: a function called from plain JavaScript may get
// anything. Errors of our own pass through; anything else (a TypeError from
// deep inside, a throwing getter) becomes a CoreError that says what the
// function expects, without quoting the value, which may be personal data.
import { CoreError } from "../CoreError.js"
import type { Bilingual } from "./text.js"

const isOurs = (e: unknown): boolean =>
  e instanceof Error &&
  (("en" in e && "nb" in e) ||
    ("text" in e && typeof e.text === "object") ||
    ("problems" in e && Array.isArray(e.problems)))

const wrap = (name: string, expects: Bilingual, e: unknown): unknown =>
  isOurs(e)
    ? e
    : new CoreError("invalid-argument", {
        en: `${name} could not use its arguments: expected ${expects.en}`,
        nb: `${name} kunne ikke bruke argumentene: forventet ${expects.nb}`,
      })

/** `f` with every foreign exception turned into a {@link CoreError}; promises too. */
export const guard =
  <A extends ReadonlyArray<unknown>, R>(name: string, expects: Bilingual, f: (...args: A) => R): ((...args: A) => R) =>
  (...args: A): R => {
    try {
      const out = f(...args)
      return (out instanceof Promise ? out.catch((e: unknown) => Promise.reject(wrap(name, expects, e))) : out) as R
    } catch (e) {
      throw wrap(name, expects, e)
    }
  }
