/**
 * How does the command line read its arguments? `COMMAND INPUT… --flag=value --flag value --switch`:
 * the flags that take a value take the next argument when no `=` is given, every other flag is a
 * switch. Which flags exist is each command's business (convert.ts, render.ts).
 */
import { UsageError } from './usage-error.js';

/** A command line, read. */
export interface ParsedArgs {
  command?: string;
  /** The arguments that are not flags, in order. */
  inputs: string[];
  /** Each flag by name (without `--`); a switch has the value `''`. The last of a repeated flag wins. */
  flags: Map<string, string>;
}

/** Reads `argv` (without node and the script); `valueFlags` names the flags whose value may follow as the next argument. */
export function parseArgs(argv: readonly string[], valueFlags: ReadonlySet<string>): ParsedArgs {
  const [command, ...rest] = argv;
  const flags = new Map<string, string>();
  const inputs: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const given = /^--([a-z][a-z-]*)=(.*)$/s.exec(arg);
    if (given) {
      flags.set(given[1], given[2]);
    } else if (/^--[a-z][a-z-]*$/.test(arg)) {
      const name = arg.slice(2);
      if (valueFlags.has(name)) {
        const value = rest[i + 1];
        if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value: --${name}=VALUE or --${name} VALUE.`, 2);
        flags.set(name, value);
        i++;
      } else {
        flags.set(name, '');
      }
    } else if (arg.startsWith('--')) {
      throw new UsageError(`${JSON.stringify(arg)} is not a flag this command knows.`, 2);
    } else {
      inputs.push(arg);
    }
  }
  return { command, inputs, flags };
}
