// An outcome as one short, stable string: `type`, or `type(key=value,…)`
// with the keys sorted; `not applicable` for no outcome. Impact.show is the
// public, guarded form.
import type { Outcome } from "../Outcome.js"

export const showOutcome = (o: Outcome | undefined): string =>
  o === undefined
    ? "not applicable"
    : o.params === undefined || Object.keys(o.params).length === 0
      ? o.type
      : `${o.type}(${Object.entries(o.params)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => `${k}=${v}`)
          .join(",")})`
