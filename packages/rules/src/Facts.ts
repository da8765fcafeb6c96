/**
 * The fact catalogue: every name a rule file may test, with its type, its
 * plain-language label and, for names and codes, the values it can take.
 * A rule that names any other fact is rejected when the tree loads.
 *
 * @module
 */
import type { Bilingual, Catalogue } from "@aktivitetsmodell/core"
import { Category, GoalEvaluation } from "@aktivitetsmodell/core"
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
  en: string,
  nb: string,
  descEn: string,
  descNb: string,
  parameters?: ReadonlyArray<string>,
): FactInfo => ({
  type,
  nullable,
  label: { en, nb },
  description: { en: descEn, nb: descNb },
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
  date: fact(date, false, "Date", "Dato", "The day the decision is made for", "Dagen avgjørelsen gjelder"),
  age: fact(
    number,
    true,
    "Age",
    "Alder",
    "The citizen's age in whole years on the date; with only a birth year it is one of two ages, and a rule whose answer depends on which gives unknown",
    "Innbyggerens alder i hele år på datoen; med bare fødselsår er den én av to aldre, og en regel der svaret avhenger av hvilken, gir ukjent",
  ),
  citizenDepartments: fact(
    list("department"),
    false,
    "The citizen's departments",
    "Innbyggerens avdelinger",
    "The unit's departments that help the citizen",
    "Avdelingene i mestringsenheten som gir innbyggeren hjelp",
  ),
  getsHelpFromUnit: fact(
    boolean,
    false,
    "Gets help from the unit",
    "Får hjelp fra mestringsenheten",
    "At least one of the unit's departments helps the citizen",
    "Minst én avdeling i mestringsenheten gir innbyggeren hjelp",
  ),
  healthyLifeCentre: fact(
    boolean,
    false,
    "Gets help from the healthy-life centre",
    "Får hjelp fra frisklivssentralen",
    "The healthy-life centre helps the citizen",
    "Frisklivssentralen gir innbyggeren hjelp",
  ),
  offering: fact(
    text("offering"),
    true,
    "Offering",
    "Tilbud",
    "The offering the question is about",
    "Tilbudet spørsmålet gjelder",
  ),
  offeringCategory: fact(
    text("category"),
    true,
    "The offering's category",
    "Tilbudets kategori",
    "Which of the model's four categories the offering is in",
    "Hvilken av modellens fire kategorier tilbudet hører til",
  ),
  offeringDepartment: fact(
    text("department"),
    true,
    "The department that runs the offering",
    "Avdelingen som driver tilbudet",
    "The department the catalogue names as the offering's operator",
    "Avdelingen katalogen oppgir som driver av tilbudet",
  ),
  offeringStatus: fact(
    text("offering-status"),
    true,
    "The offering's status",
    "Tilbudets status",
    "active, transferred to the activity team, or discontinued",
    "aktivt, overført til aktivitetsteamet, eller avviklet",
  ),
  offeringPriceNok: fact(
    number,
    true,
    "Price to the citizen in NOK",
    "Pris for innbyggeren i kroner",
    "What the offering costs the citizen",
    "Hva tilbudet koster innbyggeren",
  ),
  transitionEnd: fact(
    date,
    true,
    "Last day of the transition period",
    "Siste dag i overgangsperioden",
    "For a discontinued offering: the transition start plus the transition period, less one day",
    "For et avviklet tilbud: overgangens start pluss overgangsperioden, minus én dag",
    ["model.start", "transition.duration"],
  ),
  hasReferral: fact(
    boolean,
    false,
    "Referral from the therapist",
    "Henvendelse fra behandler",
    "The therapist has sent a referral to the activity lead for this offering",
    "Behandler har sendt henvendelse til fagleder aktivitet om dette tilbudet",
  ),
  jointMeetingHeld: fact(
    boolean,
    true,
    "Joint meeting with a goal held",
    "Felles møte med mål er holdt",
    "Citizen, therapist and an activity-team member have met and set a specific goal for the activity; unknown when the subject does not say",
    "Innbygger, behandler og en fra aktivitetsteamet har hatt felles møte og satt et spesifikt mål for aktiviteten; ukjent når situasjonen ikke sier det",
  ),
  intakeRegistered: fact(
    boolean,
    false,
    "Registered for intake",
    "Påmeldt inntak",
    "The citizen has registered with the contact person for a beginners' group",
    "Innbyggeren er påmeldt nybegynnergruppe hos kontaktpersonen",
  ),
  applied: fact(
    boolean,
    false,
    "Has applied",
    "Har søkt",
    "The citizen has applied for a place",
    "Innbyggeren har søkt om plass",
  ),
  individualDecision: fact(
    boolean,
    false,
    "Has an individual decision",
    "Har enkeltvedtak",
    "An individual decision (enkeltvedtak) grants the service",
    "Et enkeltvedtak tildeler tjenesten",
  ),
  newApplication: fact(
    boolean,
    false,
    "New application",
    "Ny søknad",
    "The question is a new application, not a service already granted",
    "Spørsmålet gjelder en ny søknad, ikke en tjeneste som alt er tildelt",
  ),
  bindingRegistration: fact(
    boolean,
    false,
    "Binding registration",
    "Bindende påmelding",
    "The citizen has registered bindingly in advance",
    "Innbyggeren har meldt seg på bindende i forkant",
  ),
  enrolled: fact(
    boolean,
    false,
    "Takes part in the offering",
    "Deltar i tilbudet",
    "The subject has an enrollment in the offering",
    "Innbyggeren har en deltagelse i tilbudet",
  ),
  sessionsUsed: fact(
    number,
    true,
    "Sessions used in the period",
    "Samlinger brukt i perioden",
    "Sessions held for the enrollment in its current period, missed ones included",
    "Samlinger i deltagelsens nåværende periode, også de innbyggeren ikke møtte til",
  ),
  sessionsThisWeek: fact(
    number,
    true,
    "Sessions this week",
    "Økter denne uka",
    "Sessions held for the enrollment in the date's ISO week",
    "Økter i deltagelsen i datoens uke",
  ),
  periodWeek: fact(
    number,
    true,
    "Week of the period",
    "Uke i perioden",
    "Which week of the current period the date falls in, counting from 1",
    "Hvilken uke i nåværende periode datoen er i, regnet fra 1",
  ),
  extensionsUsed: fact(
    number,
    true,
    "Extensions used",
    "Forlengelser brukt",
    "Extension periods the enrollment has had",
    "Forlengelser deltagelsen har fått",
  ),
  extensionRequested: fact(
    boolean,
    false,
    "Asks for an extension",
    "Ber om forlengelse",
    "The question is whether the enrollment may have one more period",
    "Spørsmålet er om deltagelsen kan få en periode til",
  ),
  sessionLimit: fact(
    number,
    true,
    "Sessions per period",
    "Samlinger per periode",
    "The offering's session limit in force, or null when it has none",
    "Tilbudets grense for samlinger, eller null når det ikke har noen",
    ["offerings.{offering}.sessions"],
  ),
  weekLimit: fact(
    number,
    true,
    "Weeks per period",
    "Uker per periode",
    "The offering's length in weeks in force, or null when it has none",
    "Tilbudets lengde i uker, eller null når det ikke har noen",
    ["offerings.{offering}.weeks"],
  ),
  sessionsPerWeekLimit: fact(
    number,
    true,
    "Sessions per week allowed",
    "Tillatte økter per uke",
    "The offering's weekly session limit in force, or null when it has none",
    "Tilbudets grense for økter per uke, eller null når det ikke har noen",
    ["offerings.{offering}.sessions-per-week"],
  ),
  extensionLimit: fact(
    number,
    true,
    "Most extension periods",
    "Flest forlengelser",
    "How many more periods a treatment may be extended by, or null for other categories",
    "Hvor mange perioder en behandling kan forlenges med, eller null for andre kategorier",
    ["treatment.max-extensions"],
  ),
  cohortEnd: fact(
    date,
    true,
    "Last day of the cohort",
    "Siste dag for gruppa",
    "For an offering that starts a new group every month: the last day of the enrollment's group",
    "For et tilbud som starter ny gruppe hver måned: siste dag for gruppa deltagelsen hører til",
    ["offerings.{offering}.cohort-length"],
  ),
  activityStarted: fact(
    boolean,
    true,
    "Has started an activity",
    "Har kommet i gang med en aktivitet",
    "The citizen has started an activity in the community",
    "Innbyggeren har kommet i gang med en aktivitet i samfunnet",
  ),
  stillNeeded: fact(
    boolean,
    true,
    "Still wants or needs the help",
    "Ønsker eller trenger fortsatt hjelpen",
    "The citizen still wants or needs the help",
    "Innbyggeren ønsker eller trenger fortsatt hjelpen",
  ),
  movedToCommunity: fact(
    boolean,
    false,
    "Helped over to a community offering",
    "Hjulpet over i et tilbud i lokalmiljøet",
    "The participant has been helped over to an offering in the local community",
    "Deltakeren er hjulpet over i et tilbud i lokalmiljøet",
  ),
  consecutiveNoShows: fact(
    number,
    false,
    "No-shows in a row",
    "Uteblivelser på rad",
    "Sessions in a row, up to the date, the citizen did not come to without notice",
    "Samlinger på rad, fram til datoen, innbyggeren uteble fra uten å melde fra",
  ),
  hasGoalEvaluation: fact(
    boolean,
    false,
    "The treatment has been evaluated",
    "Behandlingen er evaluert",
    "The therapist has examined whether the goal was reached",
    "Behandler har undersøkt om målet er nådd",
  ),
  goalReached: fact(
    text("goal-reached"),
    true,
    "Goal reached",
    "Målet er nådd",
    "The therapist's finding: yes, partly or no",
    "Behandlers vurdering: ja, delvis eller nei",
  ),
  hasFitScore: fact(
    boolean,
    false,
    "FIT feedback given",
    "FIT-tilbakemelding gitt",
    "The subject carries FIT feedback (ORS, SRS or the course)",
    "Innbyggeren har gitt FIT-tilbakemelding (ORS, SRS eller utviklingen)",
  ),
  ors: fact(
    number,
    true,
    "ORS score",
    "ORS-skår",
    "Outcome Rating Scale total, 0–40",
    "Outcome Rating Scale, sum 0–40",
  ),
  srs: fact(
    number,
    true,
    "SRS score",
    "SRS-skår",
    "Session Rating Scale total, 0–40",
    "Session Rating Scale, sum 0–40",
  ),
  offTrack: fact(
    boolean,
    false,
    "Off track",
    "Ikke i forventet utvikling",
    "FIT shows the citizen off the expected course",
    "FIT viser at innbyggeren ikke er i forventet utvikling",
  ),
  hasProposal: fact(
    boolean,
    false,
    "A proposal for an offering",
    "Forslag om et tilbud",
    "The question is about a proposed or started group",
    "Spørsmålet gjelder et foreslått eller startet tilbud",
  ),
  proposalRequested: fact(
    boolean,
    true,
    "The offering is asked for",
    "Tilbudet er etterspurt",
    "Citizens or staff ask for the offering",
    "Innbyggere eller ansatte etterspør tilbudet",
  ),
  proposalDecision: fact(
    text("proposal-decision"),
    true,
    "The activity team's decision",
    "Aktivitetsteamets beslutning",
    "approved, declined or pending",
    "godkjent, avslått eller ikke avgjort",
  ),
  proposalByDepartment: fact(
    text("department"),
    true,
    "Started by department",
    "Startet av avdeling",
    "The department that proposes or starts the group itself, or null for the activity team",
    "Avdelingen som foreslår eller starter gruppen selv, eller null for aktivitetsteamet",
  ),
  proposalCategory: fact(
    text("category"),
    true,
    "The proposal's category",
    "Forslagets kategori",
    "Which category the proposed group falls in",
    "Hvilken kategori den foreslåtte gruppen hører til",
  ),
  parameter: fact(
    number,
    false,
    "Parameter",
    "Parameter",
    "A dated parameter in force on the date, named in params.name",
    "En datert parameter som gjelder på datoen, navngitt i params.name",
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

const statuses = ["active", "transferred", "discontinued"] as const
const proposalDecisions = ["approved", "declined", "pending"] as const

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
        return statuses
      case "goal-reached":
        return GoalEvaluation.goalReachedCodes
      case "proposal-decision":
        return proposalDecisions
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
