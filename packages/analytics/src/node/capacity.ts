// A capacity file: JSON, one key per offering id, places per session as a
// whole number above 0, such as { "sandneshallen": 25 }. It is parsed with
// core's JsonText, which keeps a "__proto__" key as a plain key and knows the
// line of every value, and read into a Map, so no key can reach a prototype.
import { JsonText, Redact } from "@aktivitetsmodell/core"
import { FileError, fileName } from "../internal/text.js"

const pointer = (key: string) => `/${key.replace(/~/gu, "~0").replace(/\//gu, "~1")}`

/** Places per session by offering id, from the text of a capacity file; throws a FileError naming file, line and key. */
export const parseCapacity = (text: string, file: string): ReadonlyMap<string, number> => {
  const name = fileName(file)
  const parsed = JsonText.parse(text)
  if (!parsed.ok) {
    throw new FileError(file, {
      nb: `${name}:${parsed.line}: ikke gyldig JSON: ${parsed.message.nb} (kolonne ${parsed.column})`,
      en: `${name}:${parsed.line}: not valid JSON: ${parsed.message.en} (column ${parsed.column})`,
    })
  }
  const value = parsed.value
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new FileError(file, {
      nb: `${name}:1: forventet et objekt med tilbuds-id → plasser per samling, som { "sandneshallen": 25 }`,
      en: `${name}:1: expected an object of offering id → places per session, such as { "sandneshallen": 25 }`,
    })
  }
  const places = new Map<string, number>()
  // Own keys only (JsonText defines each key on the object itself).
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key]
    if (typeof v !== "number" || !Number.isInteger(v) || v <= 0) {
      const at = `${name}:${JsonText.nearestLine(parsed, pointer(key))}: ${Redact.text(pointer(key))}`
      throw new FileError(file, {
        nb: `${at}: forventet et helt antall plasser over 0, fant ${Redact.show(v)}`,
        en: `${at}: expected a whole number of places above 0, found ${Redact.show(v)}`,
      })
    }
    places.set(key, v)
  }
  return places
}
