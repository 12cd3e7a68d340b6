// `unresolved` notes quote the config's source text (`secret: process.env.BETTER_AUTH_SECRET ||
// "dev-secret" (depends on …)`). When the variable is unset that literal is the secret in use, and
// the report goes to CI logs and code scanning: on secret-bearing keys every string is masked.

/** Key paths whose values are secrets: `secret`, `secrets[0].value`, `socialProviders.github.clientSecret`, a JWT private key… */
const SECRET_KEY = /secret|password|private|apikey|token/i;

/** A quoted string, ended by its quote, by the `...` a long note is cut with, or by the note's end. */
const STRING = /(["'`])(?:\\.|(?!\1)[^\\])*?(?:\1|(?=\.\.\.)|$)/g;

export function redactSecretNotes(notes: readonly string[]): string[] {
  return notes.map((note) => {
    const colon = note.indexOf(": ");
    if (colon < 0) return note;
    const keyPath = note.slice(0, colon);
    if (!keyPath.split(/[.[\]]/).some((segment) => SECRET_KEY.test(segment))) return note;
    return keyPath + note.slice(colon).replace(STRING, '"…"');
  });
}
