/**
 * The reporting crosswalk: for every offering of the catalogue, whether it is
 * reported to KPR (Kommunalt pasient- og brukerregister) and under which
 * service type of Volven code list 9151, or why not; its KOSTRA function; and
 * the BrukerPlan life areas it works on. Kept as data
 * (`catalogue/crosswalk.json`): every value names its sources (document,
 * section, date) and says whether it is an interpretation and whether the
 * code was found in a published code list.
 *
 * @module
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import crosswalkJson from "../catalogue/crosswalk.json" with { type: "json" }
import * as CoreCitation from "./Citation.js"
import { CoreError } from "./CoreError.js"
import { IsoDate } from "./IsoDate.js"
import { NonEmptyText } from "./internal/checks.js"
import { guard } from "./internal/guard.js"
import { formatPath, jsonPointer, type Problem, problemsOf } from "./internal/issues.js"
import type { Bilingual } from "./internal/text.js"
import { OfferingId } from "./Offering.js"
import { ProblemsError } from "./Problems.js"

/** Volven 9151, the service types KPR receives. */
export const KPR_SYSTEM = "urn:oid:2.16.578.1.12.4.1.1.9151"

const PartialDate = Schema.String.check(
  Schema.isPattern(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/u, {
    message: "Expected a date as YYYY, YYYY-MM or YYYY-MM-DD",
    messageNb: "Forventet en dato som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD",
  }),
)

/**
 * A document a crosswalk value rests on: its title, the date it states (when
 * it states one, as precisely as it does), where to read it, and when we read it.
 * @category schemas
 */
export const Document = Schema.Struct({
  title: NonEmptyText,
  date: Schema.optionalKey(PartialDate),
  url: Schema.optionalKey(NonEmptyText),
  consulted: IsoDate,
}).annotate({ identifier: "CrosswalkDocument" })
/** @category models */
export type Document = typeof Document.Type

/**
 * A citation: core's `Citation.Citation` (section, lines, quote), whose
 * `document` is a key of the file's `documents` rather than a title, since
 * most of a crosswalk's documents are published elsewhere.
 * @category schemas
 */
export const Citation = CoreCitation.Citation
/** @category models */
export type Citation = CoreCitation.Citation

const Sources = Schema.Array(Citation).check(
  Schema.makeFilter((a: ReadonlyArray<unknown>) => a.length > 0, {
    message: "Expected at least one source",
    messageNb: "Forventet minst én kilde",
  }),
)

/**
 * Why an offering is not reported to KPR: it is open to everyone without an
 * individual decision, or citizens get in by referral, intake, application or
 * registration rather than a decision (KPR takes services granted by decision).
 * @category schemas
 */
export const NotReportableReason = Schema.Literals(["open-offering", "no-individual-decision"])

/**
 * The KPR side of an entry: a 9151 service type, or the reason there is none.
 * @category schemas
 */
export const Kpr = Schema.Union([
  Schema.Struct({
    reportable: Schema.Literal(true),
    system: Schema.Literal(KPR_SYSTEM),
    code: Schema.String.check(Schema.isPattern(/^\d{1,3}$/u)),
    display: NonEmptyText,
    verified: Schema.Boolean,
    interpretation: Schema.Boolean,
    note: Schema.optionalKey(NonEmptyText),
    sources: Sources,
  }),
  Schema.Struct({
    reportable: Schema.Literal(false),
    reason: NotReportableReason,
    interpretation: Schema.Boolean,
    note: Schema.optionalKey(NonEmptyText),
    sources: Sources,
  }),
]).annotate({ identifier: "CrosswalkKpr" })
/** @category models */
export type Kpr = typeof Kpr.Type

/**
 * A KOSTRA function (the municipal accounts' three-digit service function).
 * @category schemas
 */
export const Kostra = Schema.Struct({
  function: Schema.String.check(Schema.isPattern(/^\d{3}$/u)),
  name: NonEmptyText,
  verified: Schema.Boolean,
  interpretation: Schema.Boolean,
  note: Schema.optionalKey(NonEmptyText),
  sources: Sources,
}).annotate({ identifier: "CrosswalkKostra" })
/** @category models */
export type Kostra = typeof Kostra.Type

/**
 * BrukerPlan's eight areas of functioning (KORUS): substance use, economy,
 * mental health, physical health, housing, social competence, network, and
 * work/activity — the last is "meaningful activity".
 * @category schemas
 */
export const LifeArea = Schema.Literals([
  "rusmiddelbruk",
  "okonomi",
  "psykisk-helse",
  "fysisk-helse",
  "bolig",
  "sosial-kompetanse",
  "nettverk",
  "arbeid-aktivitet",
])
/** @category models */
export type LifeArea = typeof LifeArea.Type

/**
 * The life areas' names in bokmål and English.
 * @example
 * Crosswalk.lifeAreas["arbeid-aktivitet"].en // "Work and activity (meaningful activity)"
 * @category models
 */
export const lifeAreas: Readonly<Record<LifeArea, Bilingual>> = {
  rusmiddelbruk: { nb: "Rusmiddelbruk", en: "Substance use" },
  okonomi: { nb: "Økonomi", en: "Economy" },
  "psykisk-helse": { nb: "Psykisk helse", en: "Mental health" },
  "fysisk-helse": { nb: "Fysisk helse", en: "Physical health" },
  bolig: { nb: "Bolig", en: "Housing" },
  "sosial-kompetanse": { nb: "Sosial kompetanse", en: "Social competence" },
  nettverk: { nb: "Nettverk", en: "Network" },
  "arbeid-aktivitet": { nb: "Arbeid/aktivitet (meningsfull aktivitet)", en: "Work and activity (meaningful activity)" },
}

/**
 * BrukerPlan life areas an offering works on, the first one named.
 * @category schemas
 */
export const Brukerplan = Schema.Struct({
  primary: LifeArea,
  areas: Schema.Array(LifeArea),
  interpretation: Schema.Boolean,
  note: Schema.optionalKey(NonEmptyText),
  sources: Sources,
}).annotate({ identifier: "CrosswalkBrukerplan" })
/** @category models */
export type Brukerplan = typeof Brukerplan.Type

/**
 * One offering's reporting values.
 * @category schemas
 */
export const Entry = Schema.Struct({
  offeringId: OfferingId,
  kpr: Kpr,
  kostra: Kostra,
  brukerplan: Schema.optionalKey(Brukerplan),
}).annotate({ identifier: "CrosswalkEntry" })
/** @category models */
export type Entry = typeof Entry.Type

/**
 * The crosswalk file.
 * @category schemas
 */
export const Crosswalk = Schema.Struct({
  $comment: Schema.optionalKey(Schema.String),
  version: IsoDate,
  catalogueVersion: IsoDate,
  documents: Schema.Record(Schema.String, Document),
  entries: Schema.Array(Entry),
}).annotate({ identifier: "Crosswalk", title: "Reporting crosswalk (rapporteringsnøkkel)" })
/** @category models */
export type Crosswalk = typeof Crosswalk.Type

/**
 * A problem in a crosswalk: core's `Problems.Problem` with the place as text
 * (`entries[3].kpr.sources[0].document`, in `path`).
 * @category models
 */
export interface CrosswalkProblem extends Omit<Problem, "path"> {
  readonly path: string
}

/**
 * A crosswalk that did not decode, or cites a document it does not list.
 * @category models
 */
export class CrosswalkError extends ProblemsError<CrosswalkProblem> {
  override readonly name: string = "CrosswalkError"
  constructor(problems: ReadonlyArray<CrosswalkProblem>) {
    super(problems, { en: "The reporting crosswalk has problems", nb: "Rapporteringsnøkkelen har feil" })
  }
}

const citationProblems = (c: Crosswalk) => {
  const problems: Array<CrosswalkProblem> = []
  c.entries.forEach((e, i) => {
    const values = [
      ["kpr", e.kpr],
      ["kostra", e.kostra],
      ...(e.brukerplan === undefined ? [] : [["brukerplan", e.brukerplan] as const]),
    ] as const
    for (const [name, value] of values) {
      value.sources.forEach((s, j) => {
        if (!Object.hasOwn(c.documents, s.document)) {
          const path = ["entries", i, name, "sources", j, "document"]
          problems.push({
            code: "unknown-document",
            pointer: jsonPointer(path),
            path: formatPath(path),
            message: {
              en: `Unknown document "${s.document}"; list it under documents`,
              nb: `Ukjent dokument "${s.document}"; før det opp under documents`,
            },
          })
        }
      })
    }
  })
  return problems
}

/**
 * Decodes a crosswalk (such as a municipality's own copy of the file) and
 * checks that every citation names a listed document. Throws a
 * {@link CrosswalkError} with every problem.
 * @example
 * const mine = Crosswalk.decode(JSON.parse(text))
 * @category constructors
 */
export const decode = guard(
  "Crosswalk.decode",
  { en: "a crosswalk as parsed JSON", nb: "en rapporteringsnøkkel som tolket JSON" },
  (input: unknown): Crosswalk => {
    const r = Schema.decodeUnknownResult(Crosswalk)(input, { errors: "all", onExcessProperty: "error" })
    if (Result.isFailure(r)) {
      throw new CrosswalkError(
        problemsOf(r.failure.issue).map((p) => ({
          code: p.code,
          pointer: p.pointer,
          path: formatPath(p.path),
          message: p.message,
        })),
      )
    }
    const problems = citationProblems(r.success)
    if (problems.length > 0) throw new CrosswalkError(problems)
    return r.success
  },
)

let shipped: Crosswalk | undefined

/**
 * The crosswalk shipped with the package, for Sandnes' catalogue.
 * @example
 * Crosswalk.sandnes().entries.length // 31
 * @category constructors
 */
export const sandnes = (): Crosswalk => (shipped ??= decode(crosswalkJson))

/**
 * The entry for an offering, or undefined when the crosswalk has none.
 * @example
 * Crosswalk.entryFor("aktivitetskontakt")?.kpr.reportable // true
 * @category constructors
 */
export const entryFor = guard(
  "Crosswalk.entryFor",
  { en: "an offering id and optionally a crosswalk", nb: "en tilbuds-id og eventuelt en rapporteringsnøkkel" },
  (offeringId: string, crosswalk: Crosswalk = sandnes()): Entry | undefined =>
    crosswalk.entries.find((e) => e.offeringId === offeringId),
)

/**
 * A citation with its document resolved: title, date, url and when it was read.
 * @example
 * Crosswalk.sourcesOf(Crosswalk.entryFor("aktivitetskontakt")!.kpr)[0]?.title
 * @category constructors
 */
export const sourcesOf = guard(
  "Crosswalk.sourcesOf",
  { en: "a crosswalk value with sources", nb: "en verdi fra rapporteringsnøkkelen med kilder" },
  (
    value: { readonly sources: ReadonlyArray<Citation> },
    crosswalk: Crosswalk = sandnes(),
  ): ReadonlyArray<Document & { readonly section: string }> =>
    value.sources.map((s) => {
      const document = crosswalk.documents[s.document]
      if (document === undefined) {
        throw new CoreError("unknown-name", {
          en: `Crosswalk.sourcesOf: unknown document "${s.document}"`,
          nb: `Crosswalk.sourcesOf: ukjent dokument "${s.document}"`,
        })
      }
      return { ...document, section: s.section }
    }),
)

/**
 * A KPR service type: its code in Volven 9151 and the list's name for it.
 * @category models
 */
export interface KprService {
  readonly code: string
  readonly display: string
}

/**
 * The offerings a crosswalk reports to KPR, each with its service type. Read
 * this rather than the codes: what is reportable is the crosswalk's to say.
 * @example
 * Crosswalk.reportable().get("aktivitetskontakt")?.code // "9"
 * @category constructors
 */
export const reportable = guard(
  "Crosswalk.reportable",
  { en: "optionally a crosswalk", nb: "eventuelt en rapporteringsnøkkel" },
  (crosswalk: Crosswalk = sandnes()): ReadonlyMap<string, KprService> => {
    const out = new Map<string, KprService>()
    for (const e of crosswalk.entries)
      if (e.kpr.reportable) out.set(e.offeringId, { code: e.kpr.code, display: e.kpr.display })
    return out
  },
)
