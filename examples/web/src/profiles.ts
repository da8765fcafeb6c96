// Citizen profiles to pick from: the citizen's facts and their situation, in
// the shape the rules package's `Subject` reads (citizen, referral, intake,
// application, individual decision). All fictitious.
export interface Profile {
  readonly id: string
  readonly label: string
  readonly citizen: {
    readonly birthYear: number
    readonly departments: ReadonlyArray<"psykisk-helse" | "rus-og-avhengighet" | "rpha">
    readonly healthyLifeCentre: boolean
    readonly pathway: 1 | 2 | 3
  }
  readonly referral?: boolean
  /** The joint meeting of citizen, therapist and activity team has set a goal (a treatment starts after it). */
  readonly jointMeetingHeld?: boolean
  readonly intakeRegistered?: boolean
  readonly applied?: boolean
  readonly individualDecision?: boolean
  readonly bindingRegistration?: boolean
  readonly newApplication?: boolean
}

export const profiles: ReadonlyArray<Profile> = [
  {
    id: "psykisk-helse-henvist",
    label: "34 år, psykisk helse, hovedforløp 2, henvist av behandler, felles møte med mål holdt",
    citizen: { birthYear: 1990, departments: ["psykisk-helse"], healthyLifeCentre: false, pathway: 2 },
    referral: true,
    jointMeetingHeld: true,
  },
  {
    id: "rus-ikke-henvist",
    label: "52 år, rus og avhengighet, hovedforløp 3, ikke henvist",
    citizen: { birthYear: 1972, departments: ["rus-og-avhengighet"], healthyLifeCentre: false, pathway: 3 },
    referral: false,
  },
  {
    id: "frisklivssentral",
    label: "41 år, kun frisklivssentralen",
    citizen: { birthYear: 1983, departments: [], healthyLifeCentre: true, pathway: 1 },
    referral: false,
  },
  {
    id: "rpha-paameldt",
    label: "28 år, RPHA, hovedforløp 1, påmeldt karate og padel, har søkt Pro-Service",
    citizen: { birthYear: 1996, departments: ["rpha"], healthyLifeCentre: false, pathway: 1 },
    referral: true,
    intakeRegistered: true,
    applied: true,
    bindingRegistration: true,
  },
  {
    id: "rus-enkeltvedtak",
    label: "45 år, rus og avhengighet, har enkeltvedtak om aktivitetskontakt",
    citizen: { birthYear: 1979, departments: ["rus-og-avhengighet"], healthyLifeCentre: false, pathway: 3 },
    individualDecision: true,
  },
  {
    id: "ny-soknad-aktivitetskontakt",
    label: "38 år, psykisk helse, ny søknad om aktivitetskontakt",
    citizen: { birthYear: 1986, departments: ["psykisk-helse"], healthyLifeCentre: false, pathway: 2 },
    newApplication: true,
  },
  {
    id: "ungdom",
    label: "17 år, RPHA, henvist av behandler",
    citizen: { birthYear: 2007, departments: ["rpha"], healthyLifeCentre: false, pathway: 1 },
    referral: true,
  },
]
