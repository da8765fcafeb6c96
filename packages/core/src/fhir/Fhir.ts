/**
 * FHIR R4 export and import of a municipality-year.
 *
 * @module
 */
export { bundle, codeSystems } from "./bundle.js"
export { toDataset } from "./toDataset.js"
export type { ImportResult, ImportedEntry, RejectedEntry, ImportOptions, ImportedAs, ImportProblem, ImportProblemCode } from "./toDataset.js"
export type { BundleOptions } from "./options.js"
export { terms, TERMINOLOGY_VERSION } from "./terminology.js"
export type { TermSystemId } from "./terminology.js"
export { CANONICAL, codeSystemUrl, extensionUrl, identifierSystem, FNR_SYSTEM, DNR_SYSTEM, MUNICIPALITY_CODE_SYSTEM, MUNICIPALITY_CODE_EXTENSION, KPR_SERVICE_SYSTEM } from "./canonical.js"
export { EXT as extensions } from "./extensions.js"
export type * from "./types.js"
