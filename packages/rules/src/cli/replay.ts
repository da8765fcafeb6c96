// `aktivitet-rules replay RECEIPT [--policy DIR]`: re-decide a receipt's
// question against a policy tree and say "same", or exactly what changed.
// Exit code 0 when the answer and everything it rested on are the same, 1
// when something changed or the receipt cannot be read.

import { decode, describe, replay as replayReceipt } from "../Receipt.js"
import { type Io, type OutputLang, readJson, say, shown } from "./io.js"
import { loadOrReport } from "./load.js"
import { report } from "./subjects.js"

export interface ReplayOptions {
  readonly policy: string
  readonly file: string
  readonly lang: OutputLang
}

export const replay = (io: Io, o: ReplayOptions): number => {
  const tree = loadOrReport(io, o.policy, o.lang)
  if (typeof tree === "number") return tree
  const input = readJson(io, o.file)
  const decoded = decode(input.value, tree.catalogue)
  if (!decoded.ok) {
    for (const p of decoded.problems) report(io, input.name, input.lineOf(p.pointer), p.message, o.lang, p.pointer)
    return 1
  }
  const r = replayReceipt(tree, decoded.receipt)
  const where = { nb: `${input.name} mot ${shown(io, o.policy)}`, en: `${input.name} against ${shown(io, o.policy)}` }
  if (r.same) {
    io.stdout(
      say(
        {
          nb: `samme: ${where.nb} gir samme avgjørelse på samme grunnlag`,
          en: `same: ${where.en} gives the same decision on the same grounds`,
        },
        o.lang,
      ),
    )
    return 0
  }
  io.stdout(
    say(
      {
        nb: `endret: ${where.nb}, ${r.changes.length} forskjell(er)`,
        en: `changed: ${where.en}, ${r.changes.length} difference(s)`,
      },
      o.lang,
    ),
  )
  for (const c of r.changes) io.stdout(say(describe(c), o.lang, "  "))
  return 1
}
