import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { END, START, extensionReadme } from "../../scripts/docs/extension-readme.mjs";

// The extension's page is README.md's users' part (scripts/docs/extension-readme.mjs, packaged by
// `npm run package`); these hold it to what the extension contributes and to what README.md
// must keep for developers.
const root = path.join(__dirname, "../..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const page = extensionReadme(readme);
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));

/** The text of the `## title` section of a markdown document. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  expect(start, `section "## ${title}"`).toBeGreaterThan(-1);
  const next = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}

/** GitHub's heading ids (what `#anchor` links point at), as the Marketplace and VS Code make them too. */
function headingIds(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, "");
  return new Set(
    [...withoutCode.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
      m[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-"),
    ),
  );
}

describe("README.md and the extension's page", () => {
  it("README.md keeps the two set-up commands, word for word", () => {
    expect(readme).toContain("\nnpm ci && npm run example   # builds the CLI and lints examples/broken-session (a 1.x app with the ≤ 0.8 Session layout)\n");
    expect(readme).toContain("\nnpm test                    # type-checks, builds and runs every test\n");
  });

  it("the page leaves out the developers' set-up and the CLI's reference", () => {
    expect(page).not.toMatch(/npm ci|npm test|npm run /);
    expect(page).not.toContain("## The CLI");
    expect(page).not.toContain(START);
    expect(page).not.toContain(END);
    expect(page.startsWith("# Better Auth Doctor\n")).toBe(true);
  });

  it("the page's settings table lists every setting the extension contributes, with its default", () => {
    const settings = section(page, "Settings");
    for (const [key, schema] of Object.entries<{ default: unknown }>(manifest.contributes.configuration.properties)) {
      expect(settings, key).toContain(`| \`${key}\` | \`${JSON.stringify(schema.default)}\` |`);
    }
  });

  it("the page's commands list every command of the Command Palette, as the palette shows it", () => {
    const commands = section(page, "Commands");
    const hidden = new Set(manifest.contributes.menus.commandPalette.filter((m: { when?: string }) => m.when === "false").map((m: { command: string }) => m.command));
    const shown = manifest.contributes.commands.filter((c: { command: string }) => !hidden.has(c.command));
    expect(shown.length).toBeGreaterThan(0);
    for (const command of shown) expect(commands, command.command).toContain(`**${command.category}: ${command.title}**`);
  });

  it("every link inside the page finds its heading, and every relative link or picture its file", () => {
    const ids = headingIds(page);
    const targets = [...page.matchAll(/\]\(([^)\s]+)/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) {
      if (/^https?:/.test(target)) continue;
      if (target.startsWith("#")) expect(ids, target).toContain(target.slice(1));
      else expect(existsSync(path.join(root, target.split("#")[0])), target).toBe(true);
    }
  });

  it("the pictures are there, described for readers who cannot load them, and lean", () => {
    const pictures = [...page.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)].map((m) => ({ alt: m[1], file: m[2] }));
    expect(pictures.length).toBeGreaterThanOrEqual(4);
    let total = 0;
    for (const picture of pictures) {
      // Relative here; `npm run package` has vsce point them at the repository (VS Code 1.103+ shows
      // only http(s) pictures in an extension's README, so offline it shows this description).
      expect(picture.file).toMatch(/^images\/[\w-]+\.png$/);
      expect(picture.alt.length, picture.file).toBeGreaterThanOrEqual(30);
      total += statSync(path.join(root, picture.file)).size;
    }
    expect(total).toBeLessThan(200 * 1024);
  });

  it("joins the marked blocks and refuses markers that do not pair", () => {
    expect(extensionReadme(`a\n${START}\n# T\n${END}\nb\n${START}\nc\n${END}\n`)).toBe("# T\n\nc\n");
    // Markers quoted inside a line are text, not markers.
    expect(extensionReadme(`${START}\nsee \`${START}\`\n${END}\n`)).toBe(`see \`${START}\`\n`);
    expect(() => extensionReadme(`${START}\nx\n`)).toThrow(/has no/);
    expect(() => extensionReadme(`x\n${END}\n`)).toThrow(/without/);
    expect(() => extensionReadme(`${START}\n${START}\n${END}\n`)).toThrow(/inside the block/);
    expect(() => extensionReadme("no markers\n")).toThrow(/no/);
  });
});
