/** The versions of the three packages the page was built with (vite.config.ts). */
declare const __PACKAGE_VERSIONS__: Readonly<Record<string, string>>

declare module "virtual:aktivitetsmodell-snapshot" {
  /** The shipped policy as `Snapshot.of` writes it at build time (vite.config.ts): its eligibility rules and every parameter. */
  const snapshot: import("@aktivitetsmodell/rules/decide").Snapshot
  export default snapshot
}
