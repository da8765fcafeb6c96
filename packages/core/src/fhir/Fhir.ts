/**
 * FHIR R4 export and import of a municipality-year.
 *
 * @module
 */
export { bundle, codeSystems } from "./bundle.js"
export {
  CANONICAL,
  codeSystemUrl,
  DNR_SYSTEM,
  extensionUrl,
  FNR_SYSTEM,
  identifierSystem,
  KPR_SERVICE_SYSTEM,
  MUNICIPALITY_CODE_EXTENSION,
  MUNICIPALITY_CODE_SYSTEM,
} from "./canonical.js"
export { EXT as extensions } from "./extensions.js"
export type { BundleOptions } from "./options.js"
export type { TermSystemId } from "./terminology.js"
export { TERMINOLOGY_VERSION, terms } from "./terminology.js"
export type {
  ImportedAs,
  ImportedEntry,
  ImportOptions,
  ImportProblem,
  ImportProblemCode,
  ImportResult,
  RejectedEntry,
} from "./toDataset.js"
export { toDataset } from "./toDataset.js"
export type * from "./types.js"
