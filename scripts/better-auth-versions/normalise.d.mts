// Types for the test that compares live packages with tables.json through the same normalisation.
import type { NormalisedTable } from "../../src/core/better-auth/versions/index.js";

export function normaliseTables(
  raw: Record<string, unknown>,
  options: { absentRequired: boolean },
): { tables: Record<string, NormalisedTable>; unknownFlags: string[] };
