/**
 * Splits a pasted shell command into words the way a POSIX shell would for the cases people
 * paste: single quotes, double quotes with backslash escapes, `$'…'`, and backslash-newline
 * continuations (browsers' "Copy as cURL" uses all of them). Never evaluates anything.
 */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let i = 0;
  const n = command.length;
  while (i < n) {
    const c = command[i];
    if (c === "\\") {
      const next = command[i + 1];
      if (next === "\n") i += 2;
      else if (next === "\r" && command[i + 2] === "\n") i += 3;
      else {
        if (next !== undefined) word += next;
        inWord = true;
        i += 2;
      }
    } else if (c === "'") {
      const end = command.indexOf("'", i + 1);
      word += command.slice(i + 1, end === -1 ? n : end);
      inWord = true;
      i = end === -1 ? n : end + 1;
    } else if (c === "$" && command[i + 1] === "'") {
      i += 2;
      while (i < n && command[i] !== "'") {
        if (command[i] === "\\" && i + 1 < n) {
          const e = command[i + 1];
          word += e === "n" ? "\n" : e === "t" ? "\t" : e;
          i += 2;
        } else word += command[i++];
      }
      i++;
      inWord = true;
    } else if (c === '"') {
      i++;
      while (i < n && command[i] !== '"') {
        if (command[i] === "\\" && i + 1 < n && '"\\$`'.includes(command[i + 1])) {
          word += command[i + 1];
          i += 2;
        } else word += command[i++];
      }
      i++;
      inWord = true;
    } else if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i++;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

export interface CurlCookies {
  /** `Cookie` header strings from `-b`/`--cookie` and `-H 'Cookie: …'`. */
  cookieHeaders: string[];
  /** `-H 'Set-Cookie: …'` values, rare but harmless. */
  setCookieHeaders: string[];
  /** `-b` arguments without `=`: curl reads them as cookie-jar file names. */
  cookieFiles: string[];
  url?: string;
}

/** Pulls the cookie-bearing arguments out of a `curl …` command line. */
export function curlCookies(words: readonly string[]): CurlCookies {
  const out: CurlCookies = { cookieHeaders: [], setCookieHeaders: [], cookieFiles: [] };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    let cookieArg: string | undefined;
    let headerArg: string | undefined;
    if (word === "-b" || word === "--cookie") cookieArg = words[++i];
    else if (word.startsWith("--cookie=")) cookieArg = word.slice(9);
    else if (word.startsWith("-b") && word.length > 2 && !word.startsWith("--")) cookieArg = word.slice(2);
    else if (word === "-H" || word === "--header") headerArg = words[++i];
    else if (word.startsWith("--header=")) headerArg = word.slice(9);
    else if (word.startsWith("-H") && word.length > 2 && !word.startsWith("--")) headerArg = word.slice(2);
    else if (word === "--url") out.url ??= words[++i];
    else if (/^https?:\/\//i.test(word)) out.url ??= word;

    if (cookieArg !== undefined) {
      if (cookieArg.includes("=")) out.cookieHeaders.push(cookieArg);
      else out.cookieFiles.push(cookieArg);
    }
    if (headerArg !== undefined) {
      const colon = headerArg.indexOf(":");
      const name = colon === -1 ? "" : headerArg.slice(0, colon).trim().toLowerCase();
      if (name === "cookie") out.cookieHeaders.push(headerArg.slice(colon + 1));
      else if (name === "set-cookie") out.setCookieHeaders.push(headerArg.slice(colon + 1));
    }
  }
  return out;
}
