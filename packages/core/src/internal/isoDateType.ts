// The IsoDate type alone, so that Calendar (which has no schemas) and IsoDate
// (the schema) share it without importing each other. IsoDate.test holds the
// two equal.
import type { Brand } from "effect/Brand"

/** An existing calendar date as `YYYY-MM-DD`, checked by the IsoDate schema or `Calendar.isIsoDate`. */
export type IsoDate = string & Brand<"IsoDate">
