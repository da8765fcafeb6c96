// One record entity ↔ one kind of FHIR resource: how to write a record and
// how to read it back, and where each model field lives in the resource, so a
// value the schema rejects is reported at its FHIR location.
import type { EntityName } from "../Dataset.js"
import type { ExportContext } from "./context.js"
import type { Json, ResourceReader } from "./reader.js"
import type { Resource } from "./types.js"

export interface Mapping<R> {
  readonly entity: EntityName
  readonly resourceType: Resource["resourceType"]
  /** `index` is the record's position in its entity's array, for messages. */
  readonly write: (record: R, ctx: ExportContext, index: number) => Resource
  /** The record as far as the resource tells it; undefined when it cannot be read at all. */
  readonly read: (r: ResourceReader) => Json | undefined
  /** Model field → FHIRPath of the element that carries it. */
  readonly locations: Readonly<Record<string, string>>
}

export const mapping = <R>(m: Mapping<R>): Mapping<R> => m
