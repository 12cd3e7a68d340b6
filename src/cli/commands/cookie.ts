import { toJsonReport, verifyCookies } from "../../core/cookie";
import type { CookieReport } from "../../core/cookie";
import { type LookupNotRun, type LookupResult, lookupJson, lookupSession, lookupText, type PreparedLookup, prepareProjectLookup } from "../../core/lookup";
import { readConfigFile } from "../config-file";
import { readEnvFiles, secretsFromEnv } from "../../core/secrets";
import { type CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "../io";
import { renderCookieReport } from "../render-cookie-report";
import type { Command } from "./index";

const HELP = `Usage: better-auth-doctor cookie [--format text|json] [--env-file FILE]... [--url URL]
                               [--lookup [--database-url URL] [--schema PATH]] [input | -]

Decodes and verifies Better Auth cookies: a value, name=value, a Cookie header,
Set-Cookie lines, a curl command, or rows copied from the browser's cookie table.
Reads stdin when input is '-' or missing.

Secrets come from BETTER_AUTH_SECRETS, BETTER_AUTH_SECRET and AUTH_SECRET in the
environment, then in each --env-file (repeatable). Secret values are never printed.

  --format text|json   output format (default text)
  --env-file FILE      read secrets from this env file too
  --url URL            where the cookie is sent (flags __Secure- cookies over http)
  --lookup             once the cookie verifies, look its session up in the project's
                       database (read-only): found, expired, not found, wrong column…
  --database-url URL   the database to look in (default: the datasource URL of
                       prisma.config.ts or the schema, from the environment or .env)
  --schema PATH        the Prisma schema file or folder (default: found as Prisma does)

Exit status: 0 valid, 1 invalid or warning, 2 usage or input error.
With --lookup, also 1 when no usable session is found, 2 when there is nothing to connect to.
`;

interface CookieArgs {
  format: "text" | "json";
  envFiles: string[];
  url?: string;
  input?: string;
  help: boolean;
  lookup: boolean;
  databaseUrl?: string;
  schema?: string;
}

export function parseCookieArgs(args: readonly string[]): CookieArgs {
  const out: CookieArgs = { format: "text", envFiles: [], help: false, lookup: false };
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
    else if (flag === "--lookup") out.lookup = true;
    else if (flag === "--database-url") out.databaseUrl = value();
    else if (flag === "--schema") out.schema = value();
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
    const verdictCode = report.inputProblem ? EXIT_USAGE : report.verdict === "valid" ? EXIT_OK : EXIT_FINDINGS;
    if (!options.lookup) {
      io.stdout(options.format === "json" ? `${JSON.stringify(toJsonReport(report))}\n` : renderCookieReport(report));
      return verdictCode;
    }
    const { result, prepared } = await lookUp(report, options, io);
    io.stdout(
      options.format === "json"
        ? `${JSON.stringify({ ...toJsonReport(report), lookup: lookupJson(result, prepared) })}\n`
        : `${renderCookieReport(report)}\n${lookupText(result, prepared)}`,
    );
    if (result.kind === "found" || result.kind === "skipped") return verdictCode;
    if (result.kind === "unavailable") return EXIT_USAGE;
    return Math.max(verdictCode, EXIT_FINDINGS);
  },
};

/** `--lookup`: only for a session token whose signature verified, as Better Auth would accept it. */
async function lookUp(report: CookieReport, options: CookieArgs, io: CliIo): Promise<{ result: LookupResult | LookupNotRun; prepared?: PreparedLookup }> {
  const signed = report.sessionToken;
  if (!signed?.token || signed.signature !== "valid") {
    const why = !signed ? "there is no session token cookie" : `its signature is ${signed.signature}`;
    return { result: { kind: "skipped", message: `Not looked up: ${why}, so Better Auth would not look in the database either.` } };
  }
  const prepared = prepareProjectLookup({
    projectDir: io.cwd,
    schemaPath: options.schema,
    databaseUrl: options.databaseUrl,
    envFiles: options.envFiles,
    env: io.env,
    config: readConfigFile(io.cwd, undefined),
  });
  if ("problem" in prepared) return { result: { kind: "unavailable", message: prepared.problem } };
  const result = await lookupSession({ url: prepared.url, provider: prepared.provider, plan: prepared.plan, token: signed.token, baseDir: prepared.baseDir });
  return { result, prepared };
}
