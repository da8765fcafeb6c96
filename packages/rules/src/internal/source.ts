// Reads a source reference from a rule or parameter file.
import type { Source } from "../Source.js"
import { child } from "./pointer.js"
import type { Reader } from "./read.js"

const linesPattern = /^\d+(?:-\d+)?$/u

export const readSource = (r: Reader, u: unknown, pointer: string): Source | undefined => {
  const o = r.object(u, pointer, [], ["file", "section", "lines", "quote", "url", "note"])
  if (o === undefined) return undefined
  const text = (k: string) => (Object.hasOwn(o, k) ? r.string(o[k], child(pointer, k)) : undefined)
  const file = text("file")
  const section = text("section")
  const lines = text("lines")
  const quote = text("quote")
  const url = text("url")
  const note = Object.hasOwn(o, "note") ? r.bilingual(o["note"], child(pointer, "note")) : undefined
  if (lines !== undefined && !linesPattern.test(lines)) {
    r.error(child(pointer, "lines"), "shape", 'Expected a line or a range of lines, such as "102" or "77-93"', "Forventet en linje eller et linjeområde, som «102» eller «77-93»")
  }
  if (url !== undefined && !/^https:\/\/\S+$/u.test(url)) {
    r.error(child(pointer, "url"), "shape", "Expected a link starting with https://", "Forventet en lenke som starter med https://")
  }
  if (url === undefined && (file === undefined || section === undefined) && !Object.hasOwn(o, "url") && !(Object.hasOwn(o, "file") && Object.hasOwn(o, "section"))) {
    r.error(pointer, "shape", 'A source needs "file" and "section", or "url"', "En kilde trenger «file» og «section», eller «url»")
  }
  return {
    ...(file === undefined ? {} : { file }),
    ...(section === undefined ? {} : { section }),
    ...(lines === undefined ? {} : { lines }),
    ...(quote === undefined ? {} : { quote }),
    ...(url === undefined ? {} : { url }),
    ...(note === undefined ? {} : { note })
  }
}
