/** Types for gas-local, which ships none: it runs .js files in a vm context built from globals. */
declare module 'gas-local' {
  export function require(folderPath: string, globalObject?: object, options?: { filter?: (path: string) => boolean }): Record<string, unknown>;
}
