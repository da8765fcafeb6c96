import { describe, expect, it } from "vitest"
import catalogueJson from "../catalogue/offerings.json" with { type: "json" }
import { Catalogue, Offering } from "../src/index.js"
import { policy } from "./fixturePolicy.js"

const byId = (id: string) => Catalogue.sandnes().offerings.find((o) => o.id === id)

describe("the shipped catalogue", () => {
  it("holds every offering Mestringsenhetens modell for aktivitet names, in its category", () => {
    const names = (category: string) =>
      Catalogue.sandnes()
        .offerings.filter((o) => o.category === category && o.status.kind !== "discontinued")
        .map((o) => o.name.nb)
    expect(names("treatment")).toEqual([
      "Individuell trening på Mudo",
      "Mindfull restorative yoga",
      "Turgruppe",
      "Kreativ gruppe",
      "Bakkestart",
      "Padelgruppe",
    ])
    expect(names("everyday")).toEqual([
      "Sandneshallen",
      "Åpen trening på Mudo i gruppe",
      "Helårsbading",
      "Volleyball",
      "Karategruppe",
      "Løpegruppe",
      "Mestringsenhetens plasser på Pro-Service",
    ])
    expect(names("participation")).toEqual(["Recoveryhjelpa", "Inkludert", "Aktivitetskontakt"])
    expect(names("department")).toHaveLength(9)
  })

  it("carries what an offering is: access, places and how open-ended offerings end, but no policy numbers", () => {
    for (const o of Catalogue.sandnes().offerings) expect(Object.keys(o)).not.toContain("limits")
    expect(Object.keys(Catalogue.sandnes())).not.toContain("parameters")
    expect(byId("padelgruppe")?.access).toBe("binding-registration")
    expect(byId("karategruppe")?.access).toBe("intake")
    expect(byId("karategruppe")?.continuation).toEqual({
      destination: "Lura Karateklubb",
      kind: "club",
      after: "første gradering",
    })
    expect(byId("pro-service")?.access).toBe("application")
    expect(byId("aktivitetskontakt")?.access).toBe("individual-decision")
    expect(byId("turgruppe")?.schedule.frequency).toBe("monthly-cohort")
    expect(byId("recoveryhjelpa")?.endsWhen).toBe("activity-started")
    expect(byId("inkludert")?.endsWhen).toBe("no-longer-needed")
    expect(byId("helarsbading")?.location).toBe("Holmavika")
    expect(Catalogue.sandnes().offerings.every((o) => o.priceNok === 0)).toBe(true)
  })

  it("holds the six discontinued offerings, whose transition the policy gives (2 months from the model's start)", () => {
    const discontinued = Catalogue.sandnes().offerings.filter((o) => o.status.kind === "discontinued")
    expect(
      discontinued.map((o) => [
        o.name.nb,
        o.status.kind === "discontinued" && o.status.formerOperator,
        Offering.transitionEnd(o, policy, "2024-06-01"),
      ]),
    ).toEqual([
      ["Fotballgruppen FK Angst", "psykisk-helse", "2023-05-08"],
      ["Løpegruppe (rus og avhengighet)", "rus-og-avhengighet", "2023-05-08"],
      ["Sykkelgruppe", "rus-og-avhengighet", "2023-05-08"],
      ["Chill-Out", "rpha", "2023-05-08"],
      ["Pilates", "rpha", "2023-05-08"],
      ["Mediyoga", "rpha", "2023-05-08"],
    ])
  })

  it("holds the three transferred offerings with their from and to departments", () => {
    const transferred = Catalogue.sandnes().offerings.flatMap((o) =>
      o.status.kind === "transferred" ? [[o.id, o.status.from, o.status.to]] : [],
    )
    expect(transferred).toEqual([
      ["padelgruppe", ["rus-og-avhengighet"], "rpha"],
      ["apen-trening-mudo", "all-departments", "rpha"],
      ["volleyball", ["psykisk-helse"], "rpha"],
    ])
  })
})

describe("Catalogue.decode", () => {
  // biome-ignore lint/suspicious/noExplicitAny: the test breaks the data into shapes no type allows
  const copy = () => structuredClone(catalogueJson) as any

  it("adding an offering is an edit of the file", () => {
    const c = copy()
    c.offerings.push({ ...c.offerings[1], id: "sjakk", name: { nb: "Sjakk", en: "Chess" } })
    const r = Catalogue.decode(c)
    expect(r.ok && r.catalogue.offerings.at(-1)?.name.nb).toBe("Sjakk")
  })

  it("a bad entry names the entry, the field and what was expected", () => {
    const c = copy()
    c.offerings[2].format = "solo"
    delete c.offerings[5].name.en
    c.offerings[7].access = "drop-in"
    const r = Catalogue.decode(c)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.problems).toEqual([
      {
        code: "schema",
        pointer: "/offerings/2/format",
        path: "offerings[2].format",
        entry: "turgruppe",
        message: {
          en: 'Expected "individual" | "group"',
          nb: "Forventet én av «individual» (individuelt) eller «group» (gruppe)",
        },
      },
      {
        code: "schema",
        pointer: "/offerings/5/name/en",
        path: "offerings[5].name.en",
        entry: "padelgruppe",
        message: { en: "Missing key", nb: "Mangler felt" },
      },
      {
        code: "schema",
        pointer: "/offerings/7/access",
        path: "offerings[7].access",
        entry: "apen-trening-mudo",
        message: {
          en: 'Expected "open" | "referral" | "intake" | "application" | "binding-registration" | "individual-decision"',
          nb: "Forventet én av «open» (åpent, uten påmelding), «referral» (henvendelse fra behandler), «intake» (inntak), «application» (søknad), «binding-registration» (bindende påmelding) eller «individual-decision» (enkeltvedtak)",
        },
      },
    ])
  })

  it("a status of an unknown kind says which kinds exist", () => {
    const c = copy()
    c.offerings[0].status = { kind: "paused" }
    const r = Catalogue.decode(c)
    expect(!r.ok && r.problems.map((p) => [p.path, p.message])).toEqual([
      [
        "offerings[0].status",
        {
          en: 'Expected a status whose kind is "active", "transferred" or "discontinued"',
          nb: 'Forventet en status der kind er "active", "transferred" eller "discontinued"',
        },
      ],
    ])
  })

  it("duplicate ids and unknown departments are found after the shape is right", () => {
    const c = copy()
    c.offerings[3].id = c.offerings[0].id
    c.offerings[4].operator.department = "hr"
    const r = Catalogue.decode(c)
    expect(!r.ok && r.problems.map((p) => `${p.path}: ${p.message.en}`)).toEqual([
      "offerings[3].id: Duplicate offering id; offerings[0] has the same id",
      'offerings[4].operator.department: Unknown department "hr"; expected one of psykisk-helse, rus-og-avhengighet, rpha',
    ])
  })

  it("decodeOrThrow lists every problem in its message", () => {
    const c = copy()
    c.offerings[0].priceNok = -1
    expect(() => Catalogue.decodeOrThrow(c)).toThrow(
      "The offering catalogue has 1 problem(s):\n  offerings[0].priceNok (individuell-trening-mudo): Expected a number from 0 to 1000000 / Forventet et tall fra 0 til 1000000",
    )
  })
})
