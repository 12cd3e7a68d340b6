import type { CliIo } from "../io";

export interface Command {
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}
