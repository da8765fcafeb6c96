// The audit's own usage error. Audit.run (browser-safe) refuses a range that
// would check nothing and says which range; here the command line says which
// of its options made it so, and the command exits with 2 as for any usage error.
import type * as Audit from "../privacy/Audit.js"
import { type AuditOptions, UsageError } from "./cliArgs.js"

/**
 * The usage error for a `--min` or `--max` that, with the other end from the
 * files' profiles or the policy, leaves a range that checks nothing.
 * @example
 * rangeUsage(new Audit.BadRangeError(6, 4), { min: 6, max: undefined }).text.en // "--min (6) is above 4, …"
 * @category errors
 */
export const rangeUsage = (e: Audit.BadRangeError, args: Pick<AuditOptions, "min" | "max">): UsageError => {
  const [low, high] = e.range
  if (args.min !== undefined && args.max === undefined)
    return new UsageError({
      nb: `--min (${low}) er over ${high}, det høyeste tallet i området filenes skjermingsprofiler og regelverket gir: revisjonen ville ikke sjekke noe tall. Gi en lavere --min, eller en --max på minst ${low}`,
      en: `--min (${low}) is above ${high}, the highest count of the range the files' disclosure profiles and the policy give: the audit would check no count. Give a lower --min, or a --max of at least ${low}`,
    })
  if (args.max !== undefined && args.min === undefined)
    return new UsageError({
      nb: `--max (${high}) er under ${low}, det laveste tallet i området filenes skjermingsprofiler og regelverket gir: revisjonen ville ikke sjekke noe tall. Gi en høyere --max, eller en --min på høyst ${high}`,
      en: `--max (${high}) is below ${low}, the lowest count of the range the files' disclosure profiles and the policy give: the audit would check no count. Give a higher --max, or a --min of at most ${high}`,
    })
  // Both given (parseAuditArgs compares them first) or neither: the range, and both options.
  return new UsageError({
    nb: `Området ${low}–${high} ville ikke sjekke noe tall: gi --min og --max`,
    en: `The range ${low}–${high} would check no count: give --min and --max`,
  })
}
