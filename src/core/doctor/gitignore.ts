import path from "node:path";

/** A `.gitignore` and its text; `dir` is the folder it sits in (patterns are relative to it). */
export interface GitignoreFile {
  dir: string;
  text: string;
}

interface Pattern {
  negated: boolean;
  directoryOnly: boolean;
  regex: RegExp;
}

// gitignore(5): `#` comments, `!` negation, a `/` anywhere but the end anchors the pattern to the
// .gitignore's folder, otherwise it matches a name at any depth; `*`, `?`, `[…]`, `**`; a trailing
// `/` matches folders only; the last matching line wins.
function compile(line: string): Pattern | undefined {
  let text = line.replace(/(?<!\\)\s+$/, "");
  if (!text || text.startsWith("#")) return undefined;
  const negated = text.startsWith("!");
  if (negated) text = text.slice(1);
  if (text.startsWith("\\")) text = text.slice(1);
  const directoryOnly = text.endsWith("/");
  if (directoryOnly) text = text.slice(0, -1);
  const anchored = text.includes("/");
  if (text.startsWith("/")) text = text.slice(1);
  let source = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "*" && text[i + 1] === "*") {
      const slashAfter = text[i + 2] === "/";
      source += slashAfter ? "(?:.*/)?" : ".*";
      i += slashAfter ? 2 : 1;
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else if (c === "[") {
      const end = text.indexOf("]", i + 1);
      if (end < 0) source += "\\[";
      else {
        source += `[${text.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else if (c === "\\" && i + 1 < text.length) source += `\\${text[++i]}`;
    else source += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return { negated, directoryOnly, regex: new RegExp(`^${anchored ? "" : "(?:.*/)?"}${source}$`) };
}

/**
 * Whether git ignores `file` given the .gitignore files above it (pure: texts come in). Checks
 * the file and each parent folder, as git does: a file in an ignored folder is ignored.
 */
export function isGitIgnored(file: string, gitignores: readonly GitignoreFile[]): boolean {
  const ordered = [...gitignores].sort((a, b) => a.dir.length - b.dir.length);
  const check = (target: string, isDir: boolean): boolean => {
    let ignored = false;
    for (const gitignore of ordered) {
      const relative = path.relative(gitignore.dir, target).split(path.sep).join("/");
      if (!relative || relative.startsWith("..") || path.isAbsolute(relative)) continue;
      for (const line of gitignore.text.split(/\r?\n/)) {
        const pattern = compile(line);
        if (!pattern || (pattern.directoryOnly && !isDir)) continue;
        if (pattern.regex.test(relative)) ignored = !pattern.negated;
      }
    }
    return ignored;
  };
  const parents: string[] = [];
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) parents.unshift(dir);
  // Git does not re-include a file whose folder is excluded.
  if (parents.some((dir) => check(dir, true))) return true;
  return check(file, false);
}
