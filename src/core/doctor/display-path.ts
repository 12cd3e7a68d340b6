import path from "node:path";

/** A path as messages show it: relative to the project folder when inside it, with `/`. */
export function displayPath(projectDir: string, file: string): string {
  if (!path.isAbsolute(file)) return file.split(path.sep).join("/");
  const relative = path.relative(projectDir, file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative.split(path.sep).join("/") : file;
}
