declare module "virtual:aktivitetsmodell-policy" {
  /** The rule package's shipped policy files (rules and parameters), as `PolicyTree.load` reads them. */
  const files: ReadonlyArray<{ readonly path: string; readonly text: string }>
  export default files
}
