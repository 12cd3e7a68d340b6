import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, the way `better-auth-doctor …` would, and captures its output. */
export async function runCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; stdin?: string }): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd: options.cwd,
    env: options.env ?? {},
    readStdin: async () => options.stdin ?? "",
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
