// Reading one resource of an incoming bundle back into a record. The reader
// never trusts a shape: every element is looked at as `unknown`, and every
// problem is kept with a FHIRPath-like location (`Patient.extension[2]`) and
// a message in both languages. The record it builds is then decoded by the
// entity's schema, which has the last word on values.
import type { EntityName } from "../Dataset.js"
import { jsonPointer, type Problem } from "../internal/issues.js"
import type { Bilingual } from "../internal/text.js"
import * as Redact from "../Redact.js"
import { codeSystemUrl, identifierSystem } from "./canonical.js"
import type { TermSystemId } from "./terminology.js"

/** What a problem with an entry is about. @category models */
export type ImportProblemCode =
  | "not-a-bundle"
  | "entry-without-resource"
  | "unsupported-resource"
  | "duplicate-full-url"
  | "identifier-missing"
  | "modifier-extension"
  | "code-unknown"
  | "reference-unresolved"
  | "reference-wrong-target"
  | "invalid-value"
  | "dataset-header-missing"

/**
 * One problem, where it is, and what is wrong in both languages: core's
 * `Problems.Problem` with the import's own codes and the place as FHIRPath
 * (`location`). Its `pointer` is the same place as a JSON pointer: into the
 * bundle for a location that starts at `Bundle`, else into the entry's resource.
 * @category models
 */
export interface ImportProblem extends Problem {
  /** The FHIRPath of the element, such as `Bundle.entry[3].resource` or `EpisodeOfCare.period.start`. */
  readonly location: string
  readonly code: ImportProblemCode
}

/**
 * A FHIRPath location as a JSON pointer, without its root:
 * `Bundle.entry[3].resource` → `/entry/3/resource`, `Patient.extension[0]` → `/extension/0`.
 */
export const pointerOf = (location: string): string =>
  jsonPointer(
    location
      .split(".")
      .slice(1)
      .flatMap((segment) => {
        const m = /^([^[\]]+)((?:\[\d+\])*)$/u.exec(segment)
        return m === null ? [segment] : [m[1]!, ...[...(m[2] ?? "").matchAll(/\[(\d+)\]/gu)].map((i) => Number(i[1]))]
      }),
  )

/** An import problem at `location`, with its pointer and the message redacted. */
export const importProblem = (location: string, code: ImportProblemCode, message: Bilingual): ImportProblem => ({
  code,
  pointer: pointerOf(location),
  location,
  message: { en: Redact.text(message.en), nb: Redact.text(message.nb) },
})

/** A record an entry stands for, as far as its fullUrl goes. */
export interface Target {
  readonly entity: EntityName
  readonly id: string
}

export type Json = Record<string, unknown>

export const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)
export const asArray = (u: unknown): ReadonlyArray<unknown> => (Array.isArray(u) ? u : [])

/** What all readers of one bundle share: where each fullUrl points. */
export interface ReadContext {
  readonly targets: ReadonlyMap<string, Target>
  readonly pseudonymSystem: string | undefined
}

const quote = (u: unknown): string => Redact.show(u, 60)

/** The value of an extension, or undefined. */
export interface Found {
  readonly value: Json
  readonly at: string
}

export class ResourceReader {
  readonly problems: Array<ImportProblem> = []

  constructor(
    readonly resource: Json,
    readonly ctx: ReadContext,
  ) {}

  get type(): string {
    return String(this.resource.resourceType)
  }

  problem(location: string, code: ImportProblemCode, message: Bilingual): void {
    this.problems.push(importProblem(location, code, message))
  }

  /** The identifier value with `system` (the record's own id). */
  identifier(system: string): string | undefined {
    const list = asArray(this.resource.identifier)
    const found = list.find((i) => isObject(i) && i.system === system)
    return isObject(found) && typeof found.value === "string" ? found.value : undefined
  }

  recordId(entity: EntityName): string | undefined {
    const id = this.identifier(identifierSystem(entity))
    if (id === undefined) {
      this.problem(`${this.type}.identifier`, "identifier-missing", {
        en: `No identifier with system ${identifierSystem(entity)}: the record's id is missing`,
        nb: `Ingen identifier med system ${identifierSystem(entity)}: postens id mangler`,
      })
    }
    return id
  }

  /** Extensions of `parent` (the resource by default) with `url`, with locations. */
  extensions(url: string, parent: Found = { value: this.resource, at: this.type }): Array<Found> {
    const out: Array<Found> = []
    asArray(parent.value.extension).forEach((e, i) => {
      if (isObject(e) && e.url === url) out.push({ value: e, at: `${parent.at}.extension[${i}]` })
    })
    return out
  }

  extension(url: string, parent?: Found): Found | undefined {
    return this.extensions(url, parent)[0]
  }

  /** A value[x] of an extension found by `url` (on the resource or `parent`). */
  value(url: string, key: string, parent?: Found): unknown {
    const e = this.extension(url, parent)
    return e === undefined ? undefined : e.value[key]
  }

  /** The id of the record an extension's valueReference points to. */
  extensionRef(url: string, entity: EntityName, parent?: Found): string | undefined {
    const e = this.extension(url, parent)
    return e === undefined ? undefined : this.ref(e.value.valueReference, entity, `${e.at}.valueReference`)
  }

  /** The model code in an extension's valueCoding. */
  extensionCode(url: string, system: TermSystemId, parent?: Found): string | undefined {
    const e = this.extension(url, parent)
    return e === undefined ? undefined : this.code(e.value.valueCoding, system, `${e.at}.valueCoding`)
  }

  /** The model code of `system` in a Coding, or in a CodeableConcept's codings. */
  code(codingOrConcept: unknown, system: TermSystemId, at: string): string | undefined {
    if (codingOrConcept === undefined) return undefined
    const url = codeSystemUrl(system)
    const codings =
      isObject(codingOrConcept) && Array.isArray(codingOrConcept.coding) ? codingOrConcept.coding : [codingOrConcept]
    for (const c of codings) if (isObject(c) && c.system === url && typeof c.code === "string") return c.code
    this.problem(at, "code-unknown", {
      en: `Expected a code from ${url}`,
      nb: `Forventet en kode fra ${url}`,
    })
    return undefined
  }

  /** The id of the record a Reference points to, checked to be of `entity`. */
  ref(reference: unknown, entity: EntityName, at: string): string | undefined {
    if (reference === undefined) return undefined
    if (!isObject(reference)) {
      this.problem(at, "invalid-value", { en: "Expected a Reference", nb: "Forventet en Reference" })
      return undefined
    }
    if (typeof reference.reference === "string") {
      const target = this.ctx.targets.get(reference.reference)
      if (target === undefined) {
        this.problem(`${at}.reference`, "reference-unresolved", {
          en: `The reference ${quote(reference.reference)} points to no entry of the bundle`,
          nb: `Referansen ${quote(reference.reference)} peker ikke til noen oppføring i bunten`,
        })
        return undefined
      }
      if (target.entity !== entity) {
        this.problem(`${at}.reference`, "reference-wrong-target", {
          en: `The reference points to a record of ${target.entity}; expected ${entity}`,
          nb: `Referansen peker til en post i ${target.entity}; forventet ${entity}`,
        })
        return undefined
      }
      return target.id
    }
    const system = entity === "citizens" ? this.ctx.pseudonymSystem : identifierSystem(entity)
    const identifier = reference.identifier
    if (isObject(identifier) && identifier.system === system && typeof identifier.value === "string")
      return identifier.value
    this.problem(at, "reference-unresolved", {
      en: `Expected a reference into the bundle or an identifier with system ${system ?? "(the pseudonym system)"}`,
      nb: `Forventet en referanse i bunten eller en identifier med system ${system ?? "(pseudonymsystemet)"}`,
    })
    return undefined
  }
}

/** Sets `key` only when there is a value, so optional fields stay absent. */
export const put = (record: Json, key: string, value: unknown): void => {
  if (value !== undefined) record[key] = value
}

/**
 * Reads the parts of a complex extension into `record[key]`, each by its own
 * reader, when the extension is there: one shape for every nested field.
 */
export const putParts = (
  record: Json,
  key: string,
  parent: Found | undefined,
  parts: Readonly<Record<string, (parent: Found) => unknown>>,
): void => {
  if (parent === undefined) return
  const out: Json = {}
  for (const [k, read] of Object.entries(parts)) put(out, k, read(parent))
  record[key] = out
}
