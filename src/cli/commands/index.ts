import type { Command } from "./command";
import { lintCommand } from "./lint";
import { cookieCommand } from "./cookie";
import { fixCommand } from "./fix";

export const commands: Record<string, Command> = {
  lint: lintCommand,
  fix: fixCommand,
  cookie: cookieCommand,
};
