import type { CliIo } from "../io";
import { lintCommand } from "./lint";
import { cookieCommand } from "./cookie";
import { fixCommand } from "./fix";

export interface Command {
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export const commands: Record<string, Command> = {
  lint: lintCommand,
  fix: fixCommand,
  cookie: cookieCommand,
};
