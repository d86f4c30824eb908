/**
 * The client-side `google.script` API that HtmlService pages get (not in
 * @types/google-apps-script). Only what the sidebar uses; the typed wrapper in
 * server.ts is the one place that touches it.
 */
declare namespace google.script {
  interface Runner {
    withSuccessHandler(handler: (value: unknown) => void): Runner;
    withFailureHandler(handler: (error: Error) => void): Runner;
    [serverFunction: string]: (...args: never[]) => unknown;
  }
  const run: Runner;
}
