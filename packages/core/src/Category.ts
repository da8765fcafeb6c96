/**
 * The four categories of activity offerings (Mestringsenhetens modell for aktivitet §"Modell for aktivitet").
 *
 * @module
 */
import * as Schema from "effect/Schema"
import type { Bilingual } from "./internal/text.js"

/**
 * The four categories; the model groups every offering in exactly one.
 * - `treatment` — Fysisk aktivitet som behandling
 * - `everyday` — Hverdagsaktivitet
 * - `participation` — Hjelp til å bli mer deltagende i samfunnet
 * - `department` — Egne grupper i avdelingene
 * @example
 * Schema.decodeUnknownSync(Category.Category)("everyday")
 * @category schemas
 */
export const Category = Schema.Literals(["treatment", "everyday", "participation", "department"]).annotate({
  title: "Category (kategori)",
})
/** @category models */
export type Category = typeof Category.Type

/**
 * All categories in the order the seed lists them.
 * @category models
 */
export const all: ReadonlyArray<Category> = Category.literals

/** What a category is for and who runs it, as Mestringsenhetens modell for aktivitet states. */
export interface CategoryInfo {
  readonly label: Bilingual
  readonly goal: Bilingual
  readonly targetGroup: Bilingual
  readonly seed: string
}

/**
 * Labels, goals and target groups of each category, from Mestringsenhetens modell for aktivitet.
 * @example
 * Category.info.everyday.label.nb // "Hverdagsaktivitet"
 * @category models
 */
export const info: Readonly<Record<Category, CategoryInfo>> = {
  treatment: {
    label: { nb: "Fysisk aktivitet som behandling", en: "Physical activity as treatment" },
    goal: {
      nb: "Økt selvstendighet og økt deltagelse i allerede eksisterende tilbud i samfunnet",
      en: "More independence and more participation in existing community offerings",
    },
    targetGroup: {
      nb: "Innbyggere med rus og/eller psykiske helseutfordringer som trenger kortvarig behandling for å starte en endringsprosess",
      en: "Citizens with substance-use and/or mental-health challenges who need short treatment to start a change process",
    },
    seed: "000 §Fysisk aktivitet som behandling",
  },
  everyday: {
    label: { nb: "Hverdagsaktivitet", en: "Everyday activity" },
    goal: {
      nb: "Meningsfulle aktiviteter i hverdagen som gir økt fysisk aktivitet og større sosialt nettverk",
      en: "Meaningful daily activity, more physical activity and a larger social network",
    },
    targetGroup: {
      nb: "Alle innbyggere som får hjelp fra mestringsenheten eller frisklivssentralen",
      en: "Everyone who gets help from the unit or from the healthy-life centre",
    },
    seed: "000 §Hverdagsaktiviteter",
  },
  participation: {
    label: { nb: "Hjelp til å bli mer deltagende i samfunnet", en: "Help to take part in society" },
    goal: {
      nb: "Forebygge ensomhet og utenforskap; oppleve tilknytning til samfunnet",
      en: "Prevent loneliness and exclusion; belong to society",
    },
    targetGroup: {
      nb: "Alle innbyggere som får hjelp fra mestringsenheten og ønsker hjelp til å bli mer deltagende",
      en: "Everyone who gets help from the unit and wants help to take part",
    },
    seed: "000 §Hjelp til å bli mer deltagende i samfunnet",
  },
  department: {
    label: { nb: "Egne grupper i avdelingene", en: "Departments' own groups" },
    goal: { nb: "Positivt innhold i hverdagen", en: "Positive content in daily life" },
    targetGroup: {
      nb: "Innbyggere som får hjelp fra en spesifikk avdeling",
      en: "Citizens who get help from that specific department",
    },
    seed: "000 §Egne grupper i avdelingene",
  },
}
