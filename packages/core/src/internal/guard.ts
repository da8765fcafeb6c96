// Core's public boundary: errors of our own pass through; anything else (a
// TypeError from deep inside, a throwing getter) becomes a CoreError that
// says what the function expects, without quoting the value.
import * as Boundary from "../Boundary.js"
import { CoreError } from "../CoreError.js"

// Core's own errors: a CoreError, and the loaders' errors that carry their
// text or problems (Batch, Catalogue, Pseudonym …).
const isOurs = (e: unknown): boolean =>
  e instanceof Error &&
  (("en" in e && "nb" in e) ||
    ("text" in e && typeof e.text === "object") ||
    ("problems" in e && Array.isArray(e.problems)))

/** `f` with every foreign exception turned into a {@link CoreError}; promises too. */
export const { guard } = Boundary.make({ error: (text) => new CoreError("invalid-argument", text), isOwn: isOurs })
