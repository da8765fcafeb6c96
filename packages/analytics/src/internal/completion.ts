// Whether "completed" means anything for an offering. Completion is defined
// where participation has an end to reach: treatment ends after its sessions
// ("Når fysisk aktivitet som behandling er gjennomført", Mestringsenhetens
// modell for aktivitet, Fysisk aktivitet som behandling, line 72),
// Recoveryhjelpa when an activity has started (line 139), karate and open
// training at Mudo when the citizen moves on (lines 113, 122), and places and
// services given by application or decision when they end. Open offerings
// with no end and no next step are meant for long-term participation
// ("Tilbudet er åpent, uten påmelding og langvarig deltagelse er mulig",
// Hverdagsaktiviteter, line 100; the departments' own groups, line 149):
// there, everyone who stops has "withdrawn", and a completion rate of 0 %
// would say something false.
import type { Offering } from "@aktivitetsmodell/core"

/** True when an enrollment in the offering can end as completed. */
export const hasCompletion = (o: Pick<Offering.Offering, "access" | "endsWhen" | "continuation">): boolean =>
  o.access !== "open" || o.endsWhen !== undefined || o.continuation !== undefined
