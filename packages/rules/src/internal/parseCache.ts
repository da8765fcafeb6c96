// Parsed policy files kept from one tree's loading to the next. `impact`
// loads a base and a head that differ in a file or two: every other file is
// the same text at the same path, and parses to the same value. Only the
// files of the last tree loaded are kept, so memory stays bounded by one
// tree, and only files that parsed (a problem is made afresh each time).
import { type Parsed, parse } from "./parse.js"

type Kept = Map<string, { readonly text: string; readonly parsed: Parsed }>

let kept: Kept = new Map()

/** A parser for one tree's files; `done` keeps what it parsed for the next tree. */
export const parsing = (): { readonly parse: (file: string, text: string) => Parsed; readonly done: () => void } => {
  const previous = kept
  const next: Kept = new Map()
  return {
    parse: (file, text) => {
      const hit = previous.get(file)
      const parsed = hit !== undefined && hit.text === text ? hit.parsed : parse(file, text)
      if (parsed.ok) next.set(file, { text, parsed })
      return parsed
    },
    done: () => {
      kept = next
    },
  }
}
