import type { CommandDefinition } from "../context";

export const showOutput: CommandDefinition = {
  id: "betterAuthDoctor.showOutput",
  run({ log }) {
    log.show(true);
  },
};
