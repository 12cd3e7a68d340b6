import { toJsonReport, verifyCookies } from "../../core/cookie";
import { readEnvFiles, secretsFromEnv } from "../../core/secrets";
import { type CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "../io";
import { renderCookieReport } from "../render-cookie-report";
import type { Command } from "./index";

const HELP = `Usage: better-auth-doctor cookie [--format text|json] [--env-file FILE]... [--url URL] [input | -]

Decodes and verifies Better Auth cookies: a value, name=value, a Cookie header,
Set-Cookie lines, a curl command, or rows copied from the browser's cookie table.
Reads stdin when input is '-' or missing.

Secrets come from BETTER_AUTH_SECRETS, BETTER_AUTH_SECRET and AUTH_SECRET in the
environment, then in each --env-file (repeatable). Secret values are never printed.

  --format text|json   output format (default text)
  --env-file FILE      read secrets from this env file too
  --url URL            where the cookie is sent (flags __Secure- cookies over http)

Exit status: 0 valid, 1 invalid or warning, 2 usage or input error.
`;

interface CookieArgs {
  format: "text" | "json";
  envFiles: string[];
  url?: string;
  input?: string;
  help: boolean;
}

export function parseCookieArgs(args: readonly string[]): CookieArgs {
  const out: CookieArgs = { format: "text", envFiles: [], help: false };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === "--help" || flag === "-h") out.help = true;
    else if (flag === "--format") {
      const format = value();
      if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json, not '${format}'`);
      out.format = format;
    } else if (flag === "--env-file") out.envFiles.push(value());
    else if (flag === "--url") out.url = value();
    else if (flag === "--") {
      positional.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith("--")) throw new UsageError(`unknown option '${arg}'`);
    else positional.push(arg);
  }
  // An unquoted Cookie header arrives as several words; put it back together.
  if (positional.length > 0) out.input = positional.join(" ");
  return out;
}

export const cookieCommand: Command = {
  summary: "Decode and verify a Better Auth session cookie",
  async run(args: string[], io: CliIo): Promise<number> {
    const options = parseCookieArgs(args);
    if (options.help) {
      io.stdout(HELP);
      return EXIT_OK;
    }
    const input = options.input === undefined || options.input === "-" ? await io.readStdin() : options.input;

    const files = readEnvFiles(options.envFiles, io.cwd);
    const secrets = secretsFromEnv([{ label: "environment", vars: io.env }, ...files.sources]);
    for (const problem of [...files.problems, ...secrets.problems]) io.stderr(`better-auth-doctor cookie: ${problem}\n`);
    if (files.problems.length > 0) return EXIT_USAGE;

    const report = await verifyCookies(input, { secrets: secrets.candidates, url: options.url });
    io.stdout(options.format === "json" ? `${JSON.stringify(toJsonReport(report))}\n` : renderCookieReport(report));
    if (report.inputProblem) return EXIT_USAGE;
    return report.verdict === "valid" ? EXIT_OK : EXIT_FINDINGS;
  },
};
