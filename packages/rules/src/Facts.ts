/**
 * The fact catalogue: every name a rule file may test, with its type, its
 * plain-language label and, for names and codes, the values it can take.
 * A rule that names any other fact is rejected when the tree loads.
 *
 * @module
 */
import type { Bilingual, Catalogue } from "@aktivitetsmodell/core"
import { Category, Codes } from "@aktivitetsmodell/core"
import { guard } from "./internal/boundary.js"
import { type Domain, labelOf, type Names } from "./internal/codes.js"

/**
 * A fact's value: facts are plain JSON scalars or lists of them. Unknown
 * values are `null`, never undefined, so every rule can always be evaluated.
 * @category models
 */
export type Value = string | number | boolean | null | ReadonlyArray<string | number | boolean | null>

/**
 * Sets of codes a text fact takes, checked when a rule compares against them.
 * @category models
 */
export type { Domain } from "./internal/codes.js"

/**
 * A fact's type. `text` and `list` facts hold codes from a {@link Domain}.
 * @category models
 */
export type FactType =
  | { readonly kind: "number" }
  | { readonly kind: "boolean" }
  | { readonly kind: "date" }
  | { readonly kind: "text"; readonly domain: Domain }
  | { readonly kind: "list"; readonly domain: Domain }

/**
 * What the catalogue knows about one fact.
 * @category models
 */
export interface FactInfo {
  readonly type: FactType
  /** Whether the fact can be unknown (`null`) for some subjects. */
  readonly nullable: boolean
  readonly label: Bilingual
  readonly description: Bilingual
  /** Parameters the fact is computed from, `{offering}` standing for the subject's offering. */
  readonly parameters?: ReadonlyArray<string>
}

const number = { kind: "number" } as const
const boolean = { kind: "boolean" } as const
const date = { kind: "date" } as const
const text = (domain: Domain) => ({ kind: "text", domain }) as const
const list = (domain: Domain) => ({ kind: "list", domain }) as const

const fact = (
  type: FactType,
  nullable: boolean,
  label: Bilingual,
  description: Bilingual,
  parameters?: ReadonlyArray<string>,
): FactInfo => ({
  type,
  nullable,
  label,
  description,
  ...(parameters === undefined ? {} : { parameters }),
})

/**
 * Every fact by name. The special fact `parameter` reads a dated parameter:
 * `{ "fact": "parameter", "params": { "name": "citizen.minimum-age" } }`.
 * @example
 * Facts.all.age.label.nb // "Alder"
 * @category models
 */
export const all = {
  date: fact(
    date,
    false,
    { nb: "Dato", en: "Date" },
    { nb: "Dagen avgjørelsen gjelder", en: "The day the decision is made for" },
  ),
  age: fact(
    number,
    true,
    { nb: "Alder", en: "Age" },
    {
      nb: "Innbyggerens alder i hele år på datoen; med bare fødselsår er den én av to aldre, og en regel der svaret avhenger av hvilken, gir ukjent",
      en: "The citizen's age in whole years on the date; with only a birth year it is one of two ages, and a rule whose answer depends on which gives unknown",
    },
  ),
  citizenDepartments: fact(
    list("department"),
    false,
    { nb: "Innbyggerens avdelinger", en: "The citizen's departments" },
    {
      nb: "Avdelingene i mestringsenheten som gir innbyggeren hjelp",
      en: "The unit's departments that help the citizen",
    },
  ),
  getsHelpFromUnit: fact(
    boolean,
    false,
    { nb: "Får hjelp fra mestringsenheten", en: "Gets help from the unit" },
    {
      nb: "Minst én avdeling i mestringsenheten gir innbyggeren hjelp",
      en: "At least one of the unit's departments helps the citizen",
    },
  ),
  healthyLifeCentre: fact(
    boolean,
    false,
    { nb: "Får hjelp fra frisklivssentralen", en: "Gets help from the healthy-life centre" },
    { nb: "Frisklivssentralen gir innbyggeren hjelp", en: "The healthy-life centre helps the citizen" },
  ),
  offering: fact(
    text("offering"),
    true,
    { nb: "Tilbud", en: "Offering" },
    { nb: "Tilbudet spørsmålet gjelder", en: "The offering the question is about" },
  ),
  offeringCategory: fact(
    text("category"),
    true,
    { nb: "Tilbudets kategori", en: "The offering's category" },
    {
      nb: "Hvilken av modellens fire kategorier tilbudet hører til",
      en: "Which of the model's four categories the offering is in",
    },
  ),
  offeringDepartment: fact(
    text("department"),
    true,
    { nb: "Avdelingen som driver tilbudet", en: "The department that runs the offering" },
    {
      nb: "Avdelingen katalogen oppgir som driver av tilbudet",
      en: "The department the catalogue names as the offering's operator",
    },
  ),
  offeringStatus: fact(
    text("offering-status"),
    true,
    { nb: "Tilbudets status", en: "The offering's status" },
    {
      nb: "aktivt, overført til aktivitetsteamet, eller avviklet",
      en: "active, transferred to the activity team, or discontinued",
    },
  ),
  offeringPriceNok: fact(
    number,
    true,
    { nb: "Pris for innbyggeren i kroner", en: "Price to the citizen in NOK" },
    { nb: "Hva tilbudet koster innbyggeren", en: "What the offering costs the citizen" },
  ),
  transitionEnd: fact(
    date,
    true,
    { nb: "Siste dag i overgangsperioden", en: "Last day of the transition period" },
    {
      nb: "For et avviklet tilbud: overgangens start pluss overgangsperioden, minus én dag",
      en: "For a discontinued offering: the transition start plus the transition period, less one day",
    },
    ["model.start", "transition.duration"],
  ),
  hasReferral: fact(
    boolean,
    false,
    { nb: "Henvendelse fra behandler", en: "Referral from the therapist" },
    {
      nb: "Behandler har sendt henvendelse til fagleder aktivitet om dette tilbudet",
      en: "The therapist has sent a referral to the activity lead for this offering",
    },
  ),
  jointMeetingHeld: fact(
    boolean,
    true,
    { nb: "Felles møte med mål er holdt", en: "Joint meeting with a goal held" },
    {
      nb: "Innbygger, behandler og en fra aktivitetsteamet har hatt felles møte og satt et spesifikt mål for aktiviteten; ukjent når situasjonen ikke sier det",
      en: "Citizen, therapist and an activity-team member have met and set a specific goal for the activity; unknown when the subject does not say",
    },
  ),
  intakeRegistered: fact(
    boolean,
    false,
    { nb: "Påmeldt inntak", en: "Registered for intake" },
    {
      nb: "Innbyggeren er påmeldt nybegynnergruppe hos kontaktpersonen",
      en: "The citizen has registered with the contact person for a beginners' group",
    },
  ),
  applied: fact(
    boolean,
    false,
    { nb: "Har søkt", en: "Has applied" },
    { nb: "Innbyggeren har søkt om plass", en: "The citizen has applied for a place" },
  ),
  individualDecision: fact(
    boolean,
    false,
    { nb: "Har enkeltvedtak", en: "Has an individual decision" },
    { nb: "Et enkeltvedtak tildeler tjenesten", en: "An individual decision (enkeltvedtak) grants the service" },
  ),
  newApplication: fact(
    boolean,
    false,
    { nb: "Ny søknad", en: "New application" },
    {
      nb: "Spørsmålet gjelder en ny søknad, ikke en tjeneste som alt er tildelt",
      en: "The question is a new application, not a service already granted",
    },
  ),
  bindingRegistration: fact(
    boolean,
    false,
    { nb: "Bindende påmelding", en: "Binding registration" },
    { nb: "Innbyggeren har meldt seg på bindende i forkant", en: "The citizen has registered bindingly in advance" },
  ),
  enrolled: fact(
    boolean,
    false,
    { nb: "Deltar i tilbudet", en: "Takes part in the offering" },
    { nb: "Innbyggeren har en deltagelse i tilbudet", en: "The subject has an enrollment in the offering" },
  ),
  sessionsUsed: fact(
    number,
    true,
    { nb: "Samlinger brukt i perioden", en: "Sessions used in the period" },
    {
      nb: "Samlinger i deltagelsens nåværende periode, også de innbyggeren ikke møtte til",
      en: "Sessions held for the enrollment in its current period, missed ones included",
    },
  ),
  sessionsThisWeek: fact(
    number,
    true,
    { nb: "Økter denne uka", en: "Sessions this week" },
    { nb: "Økter i deltagelsen i datoens uke", en: "Sessions held for the enrollment in the date's ISO week" },
  ),
  periodWeek: fact(
    number,
    true,
    { nb: "Uke i perioden", en: "Week of the period" },
    {
      nb: "Hvilken uke i nåværende periode datoen er i, regnet fra 1",
      en: "Which week of the current period the date falls in, counting from 1",
    },
  ),
  extensionsUsed: fact(
    number,
    true,
    { nb: "Forlengelser brukt", en: "Extensions used" },
    { nb: "Forlengelser deltagelsen har fått", en: "Extension periods the enrollment has had" },
  ),
  extensionRequested: fact(
    boolean,
    false,
    { nb: "Ber om forlengelse", en: "Asks for an extension" },
    {
      nb: "Spørsmålet er om deltagelsen kan få en periode til",
      en: "The question is whether the enrollment may have one more period",
    },
  ),
  sessionLimit: fact(
    number,
    true,
    { nb: "Samlinger per periode", en: "Sessions per period" },
    {
      nb: "Tilbudets grense for samlinger, eller null når det ikke har noen",
      en: "The offering's session limit in force, or null when it has none",
    },
    ["offerings.{offering}.sessions"],
  ),
  weekLimit: fact(
    number,
    true,
    { nb: "Uker per periode", en: "Weeks per period" },
    {
      nb: "Tilbudets lengde i uker, eller null når det ikke har noen",
      en: "The offering's length in weeks in force, or null when it has none",
    },
    ["offerings.{offering}.weeks"],
  ),
  sessionsPerWeekLimit: fact(
    number,
    true,
    { nb: "Tillatte økter per uke", en: "Sessions per week allowed" },
    {
      nb: "Tilbudets grense for økter per uke, eller null når det ikke har noen",
      en: "The offering's weekly session limit in force, or null when it has none",
    },
    ["offerings.{offering}.sessions-per-week"],
  ),
  extensionLimit: fact(
    number,
    true,
    { nb: "Flest forlengelser", en: "Most extension periods" },
    {
      nb: "Hvor mange perioder en behandling kan forlenges med, eller null for andre kategorier",
      en: "How many more periods a treatment may be extended by, or null for other categories",
    },
    ["treatment.max-extensions"],
  ),
  cohortEnd: fact(
    date,
    true,
    { nb: "Siste dag for gruppa", en: "Last day of the cohort" },
    {
      nb: "For et tilbud som starter ny gruppe hver måned: siste dag for gruppa deltagelsen hører til",
      en: "For an offering that starts a new group every month: the last day of the enrollment's group",
    },
    ["offerings.{offering}.cohort-length"],
  ),
  activityStarted: fact(
    boolean,
    true,
    { nb: "Har kommet i gang med en aktivitet", en: "Has started an activity" },
    {
      nb: "Innbyggeren har kommet i gang med en aktivitet i samfunnet",
      en: "The citizen has started an activity in the community",
    },
  ),
  stillNeeded: fact(
    boolean,
    true,
    { nb: "Ønsker eller trenger fortsatt hjelpen", en: "Still wants or needs the help" },
    { nb: "Innbyggeren ønsker eller trenger fortsatt hjelpen", en: "The citizen still wants or needs the help" },
  ),
  movedToCommunity: fact(
    boolean,
    false,
    { nb: "Hjulpet over i et tilbud i lokalmiljøet", en: "Helped over to a community offering" },
    {
      nb: "Deltakeren er hjulpet over i et tilbud i lokalmiljøet",
      en: "The participant has been helped over to an offering in the local community",
    },
  ),
  consecutiveNoShows: fact(
    number,
    false,
    { nb: "Uteblivelser på rad", en: "No-shows in a row" },
    {
      nb: "Samlinger på rad, fram til datoen, innbyggeren uteble fra uten å melde fra",
      en: "Sessions in a row, up to the date, the citizen did not come to without notice",
    },
  ),
  hasGoalEvaluation: fact(
    boolean,
    false,
    { nb: "Behandlingen er evaluert", en: "The treatment has been evaluated" },
    { nb: "Behandler har undersøkt om målet er nådd", en: "The therapist has examined whether the goal was reached" },
  ),
  goalReached: fact(
    text("goal-reached"),
    true,
    { nb: "Målet er nådd", en: "Goal reached" },
    { nb: "Behandlers vurdering: ja, delvis eller nei", en: "The therapist's finding: yes, partly or no" },
  ),
  hasFitScore: fact(
    boolean,
    false,
    { nb: "FIT-tilbakemelding gitt", en: "FIT feedback given" },
    {
      nb: "Innbyggeren har gitt FIT-tilbakemelding (ORS, SRS eller utviklingen)",
      en: "The subject carries FIT feedback (ORS, SRS or the course)",
    },
  ),
  ors: fact(
    number,
    true,
    { nb: "ORS-skår", en: "ORS score" },
    { nb: "Outcome Rating Scale, sum 0–40", en: "Outcome Rating Scale total, 0–40" },
  ),
  srs: fact(
    number,
    true,
    { nb: "SRS-skår", en: "SRS score" },
    { nb: "Session Rating Scale, sum 0–40", en: "Session Rating Scale total, 0–40" },
  ),
  offTrack: fact(
    boolean,
    false,
    { nb: "Ikke i forventet utvikling", en: "Off track" },
    {
      nb: "FIT viser at innbyggeren ikke er i forventet utvikling",
      en: "FIT shows the citizen off the expected course",
    },
  ),
  hasProposal: fact(
    boolean,
    false,
    { nb: "Forslag om et tilbud", en: "A proposal for an offering" },
    {
      nb: "Spørsmålet gjelder et foreslått eller startet tilbud",
      en: "The question is about a proposed or started group",
    },
  ),
  proposalRequested: fact(
    boolean,
    true,
    { nb: "Tilbudet er etterspurt", en: "The offering is asked for" },
    { nb: "Innbyggere eller ansatte etterspør tilbudet", en: "Citizens or staff ask for the offering" },
  ),
  proposalDecision: fact(
    text("proposal-decision"),
    true,
    { nb: "Aktivitetsteamets beslutning", en: "The activity team's decision" },
    { nb: "godkjent, avslått eller ikke avgjort", en: "approved, declined or pending" },
  ),
  proposalByDepartment: fact(
    text("department"),
    true,
    { nb: "Startet av avdeling", en: "Started by department" },
    {
      nb: "Avdelingen som foreslår eller starter gruppen selv, eller null for aktivitetsteamet",
      en: "The department that proposes or starts the group itself, or null for the activity team",
    },
  ),
  proposalCategory: fact(
    text("category"),
    true,
    { nb: "Forslagets kategori", en: "The proposal's category" },
    { nb: "Hvilken kategori den foreslåtte gruppen hører til", en: "Which category the proposed group falls in" },
  ),
  parameter: fact(
    number,
    false,
    { nb: "Parameter", en: "Parameter" },
    {
      nb: "En datert parameter som gjelder på datoen, navngitt i params.name",
      en: "A dated parameter in force on the date, named in params.name",
    },
  ),
} as const satisfies Record<string, FactInfo>

/** @category models */
export type FactName = keyof typeof all

/**
 * The facts a subject supplies values for: every fact except `parameter`.
 * @category models
 */
export type Facts = { readonly [K in Exclude<FactName, "parameter">]: Value }

/**
 * All fact names, in catalogue order.
 * @example
 * Facts.names.length
 * @category models
 */
export const names = Object.keys(all) as ReadonlyArray<FactName>

/**
 * True for a name in the catalogue.
 * @example
 * Facts.isFact("age") // true
 * @category predicates
 */
export const isFact = (s: string): s is FactName => typeof s === "string" && Object.hasOwn(all, s)

/**
 * The codes a domain allows, given the offering catalogue.
 * @example
 * Facts.domainValues("category", Catalogue.sandnes()) // ["treatment", "everyday", "participation", "department"]
 * @category models
 */
export const domainValues = guard(
  "Facts.domainValues",
  { en: "(domain: Domain, catalogue: Catalogue)", nb: "(domain: Domain, catalogue: Catalogue)" },
  (domain: Domain, catalogue: Catalogue.Catalogue): ReadonlyArray<string> => {
    switch (domain) {
      case "offering":
        return catalogue.offerings.map((o) => o.id)
      case "category":
        return Category.all
      case "department":
        return catalogue.departments.map((d) => d.id)
      case "offering-status":
        return Codes.offeringStatus
      case "goal-reached":
        return Codes.goalReached
      case "proposal-decision":
        return Codes.proposalOutcome
      default:
        throw new TypeError("unknown domain")
    }
  },
)

// Core's category labels, by category.
const categories: Names["categories"] = Object.fromEntries(Category.all.map((c) => [c, Category.info[c].label]))

/**
 * A code's name for a person: an offering's name, a category's label, a
 * department's name, or the code itself when it is unknown.
 * @example
 * Facts.codeLabel("category", "everyday", Catalogue.sandnes()).nb // "Hverdagsaktivitet"
 * @category models
 */
export const codeLabel = guard(
  "Facts.codeLabel",
  {
    en: "(domain: Domain, code: string, catalogue: Catalogue)",
    nb: "(domain: Domain, code: string, catalogue: Catalogue)",
  },
  (domain: Domain, code: string, catalogue: Pick<Names, "offerings" | "departments">): Bilingual =>
    labelOf(domain, code, { offerings: catalogue.offerings, departments: catalogue.departments, categories }),
)
