// `aktivitet-rules check [dir] [--coverage N]`: validate the tree, run its
// cases, and report for every rule version which outcomes and condition
// sides the cases reach; below N % (100 by default) the check fails.
import { run as runCases } from "../Cases.js"
import type { VersionCoverage } from "../Coverage.js"

import { format, hasErrors } from "../Problem.js"
import { type Io, type OutputLang, say, shown } from "./io.js"
import { loadChecked, requireFolder } from "./load.js"

/** The coverage a tree needs unless `--coverage` says otherwise. */
export const defaultCoverage = 100

const versionLine = (v: VersionCoverage) => {
  const sides = v.conditions.length * 2
  const reached = v.conditions.reduce(
    (n, c) => n + Number(c.whenTrue || c.exempt.whenTrue) + Number(c.whenFalse || c.exempt.whenFalse),
    0,
  )
  const branch = (name: string, got: boolean, declared: boolean) =>
    got ? `${name} ✓` : declared ? `${name} –` : `${name} ✗`
  const branches = `${branch("event", v.event, v.unreachable.event !== undefined)}, ${branch("otherwise", v.otherwise, v.unreachable.otherwise !== undefined)}`
  const mark = v.covered === v.total ? "✓" : "✗"
  return {
    nb: `${mark} ${v.rule}, versjon ${v.version}: ${branches}, betingelser ${reached} av ${sides} sider`,
    en: `${mark} ${v.rule}, version ${v.version}: ${branches}, conditions ${reached} of ${sides} sides`,
  }
}

export const check = (io: Io, dir: string, lang: OutputLang, threshold = defaultCoverage): number => {
  // An unusable path is one line on its own, before anything else.
  requireFolder(io, dir)
  const root = shown(io, dir)
  io.stdout(say({ nb: `Sjekker regeltreet i ${root}`, en: `Checking the policy tree in ${root}` }, lang))
  const loaded = loadChecked(io, dir, lang)
  if (typeof loaded === "number") return loaded
  const { tree, problems } = loaded
  for (const p of problems.filter((x) => x.severity === "error")) io.stderr(format(p, lang, root))
  for (const p of problems.filter((x) => x.severity === "warning")) io.stdout(format(p, lang, root))
  const count = tree.cases.reduce((n, c) => n + c.cases.length, 0)
  io.stdout(
    say(
      {
        nb: `${tree.rules.length} regler, ${tree.parameters.size} parametere, ${count} tilfeller`,
        en: `${tree.rules.length} rules, ${tree.parameters.size} parameters, ${count} cases`,
      },
      lang,
    ),
  )
  if (hasErrors(problems)) {
    // A file that did not load would make cases fail for the wrong reason.
    const errors = problems.filter((p) => p.severity === "error").length
    io.stdout(
      say(
        {
          nb: "Tilfellene ble ikke kjørt: rett feilene over først",
          en: "The cases were not run: correct the errors above first",
        },
        lang,
      ),
    )
    io.stdout(say({ nb: `Feilet: ${errors} feil`, en: `Failed: ${errors} error(s)` }, lang))
    return 1
  }
  const { results, problems: failures, coverage } = runCases(tree)
  for (const p of failures) io.stderr(format(p, lang, root))
  const failed = results.filter((r) => !r.ok).length
  io.stdout(
    say(
      {
        nb: `Tilfeller: ${results.length - failed} besto, ${failed} feilet`,
        en: `Cases: ${results.length - failed} passed, ${failed} failed`,
      },
      lang,
    ),
  )
  io.stdout(
    say(
      {
        nb: `Dekning: ${coverage.percent} % (${coverage.covered} av ${coverage.total} utfall og betingelsessider nådd av et tilfelle; krav ${threshold} %)`,
        en: `Coverage: ${coverage.percent} % (${coverage.covered} of ${coverage.total} outcomes and condition sides reached by a case; required ${threshold} %)`,
      },
      lang,
    ),
  )
  for (const v of coverage.versions) io.stdout(say(versionLine(v), lang, "  "))
  for (const p of coverage.problems) (p.severity === "error" ? io.stderr : io.stdout)(format(p, lang, root))
  const errors = [...failures, ...coverage.problems].filter((p) => p.severity === "error").length
  const short = coverage.percent < threshold
  if (failed === 0 && errors === 0 && !short) {
    io.stdout(
      say(
        {
          nb: "OK: regeltreet er gyldig, alle tilfeller består og dekningen er nådd",
          en: "OK: the policy tree is valid, every case passes and the coverage is met",
        },
        lang,
      ),
    )
    return 0
  }
  if (short) {
    io.stdout(
      say(
        {
          nb: `Dekningen er ${coverage.percent} %, under kravet på ${threshold} %: legg til tilfeller for utfallene og betingelsene over`,
          en: `The coverage is ${coverage.percent} %, below the required ${threshold} %: add cases for the outcomes and conditions listed above`,
        },
        lang,
      ),
    )
  }
  io.stdout(
    say(
      {
        nb: `Feilet: ${errors} feil${short ? ", for lav dekning" : ""}`,
        en: `Failed: ${errors} error(s)${short ? ", coverage too low" : ""}`,
      },
      lang,
    ),
  )
  return 1
}
