import { readFileSync } from "node:fs";
import { type CliIo, EXIT_USAGE, UsageError } from "./io";
import { commands } from "./commands";

const USAGE = `Usage: better-auth-doctor <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`)
  .join("\n")}

Run 'better-auth-doctor <command> --help' for a command's options.
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    (name ? io.stdout : io.stderr)(USAGE);
    return name ? 0 : EXIT_USAGE;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`better-auth-doctor: unknown command '${name}'\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`better-auth-doctor ${name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`better-auth-doctor ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
}

function readStdin(): Promise<string> {
  return Promise.resolve(readFileSync(0, "utf8"));
}

if (require.main === module) {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    readStdin,
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
