// The municipality number's pattern, apart from the schema so that the
// schema-free paths (the synthetic generator, the lean bundles) check it
// without pulling in Effect.

/** Four digits, kept as text: a leading zero (`0301`) is part of the number. */
export const municipalityPattern = /^[0-9]{4}$/u

/** Whether a value is a municipality number. */
export const isMunicipalityNumber = (u: unknown): u is string => typeof u === "string" && municipalityPattern.test(u)
