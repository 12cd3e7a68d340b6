import type { Plugin } from "esbuild";

export declare const jsoncParserEsm: Plugin;
