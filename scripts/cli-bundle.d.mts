import type { Plugin } from "esbuild"

/** What a barrel re-exports, by name: the file, and the name there ("*" for the module as a namespace). */
export declare const barrelExports: (source: string) => Map<string, { readonly file: string; readonly name: string }>

/** `source` with each `import { A, B as C } from "<barrel>"` replaced by imports of the modules that define them. */
export declare const rewriteBarrelImports: (
  source: string,
  exportsOf: (specifier: string) => ReturnType<typeof barrelExports> | undefined,
  direct: (specifier: string, file: string) => string,
) => string

/** Rewrites imports from a barrel (effect's main entry, and core's and rules') to imports of the modules that define what they name. */
export declare const directImports: Plugin

/** The first lines of every file of a bundled command. */
export declare const cliBanner: string

/** The esbuild options of a bundled command, beside its entry and output folder. */
export declare const cliEsbuildOptions: {
  readonly bundle: true
  readonly format: "esm"
  readonly platform: "node"
  readonly target: "node20"
  readonly splitting: true
  readonly conditions: Array<string>
  readonly plugins: Array<Plugin>
  readonly banner: { readonly js: string }
  readonly chunkNames: string
  readonly sourcesContent: false
}

/** The tsup config of a bundled command (`src/cli.ts`); `noExternal` says what is bundled. */
export declare const cliTsupEntry: (noExternal: ReadonlyArray<RegExp>) => import("tsup").Options

/** The inputs of every output file `entry` loads before it runs: itself and its static imports, transitively. */
export declare const staticInputs: (metafile: import("esbuild").Metafile, entry: string) => Array<string>
