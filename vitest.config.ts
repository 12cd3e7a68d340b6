import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Suites under test/vscode run inside a real VS Code (scripts/vscode-test), not in vitest.
    exclude: ["test/vscode/**", "node_modules/**", "test/real-world/corpus/**"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
