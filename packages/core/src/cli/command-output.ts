/** @module What a command hands back to the CLI runner for printing. */

/** A command's human-readable text and its JSON result; `json` says which one to print. */
export interface CommandOutput {
  json: boolean;
  text: string;
  result: Record<string, unknown>;
}
