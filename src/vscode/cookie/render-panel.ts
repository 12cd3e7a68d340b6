import type { CookieReport, Reason, SecretMatch, SessionDataResult } from "../../core/cookie/types";
import { describeInstant } from "../../core/cookie/time";
import { toJsonReport } from "../../core/cookie/json-report";
import type { LookupResult } from "../../core/lookup/types";
import type { BrowserAcceptance } from "./browser-rows";
import type { CookieValue, PartKind } from "./cookie-parts";
import { escapeHtml, row, timeHtml } from "./html";
import type { Badge } from "./verify-scopes";
import { withReadableTimes } from "../lookup/readable-times";

/**
 * The cookie panel as one HTML string, jwt.io style: verdict badge, reasons, which secret
 * matched, the value coloured by part, decoded session and user, every cookie. Pure (no
 * vscode import) so it is unit-tested under vitest.
 *
 * Everything from the input is escaped: a pasted cookie is attacker-controlled text shown in
 * a webview that can post messages to the extension. The model never holds a secret value,
 * only where secrets came from.
 */

/** Buttons in the panel that ask the extension to do something. */
export type PanelAction = "manageTrust" | "enterSecret" | "rerun" | "lookup" | "setUrl";

export interface PanelNote {
  severity: "info" | "warning";
  text: string;
  action?: { id: PanelAction; label: string };
}

export interface PanelModel {
  report: CookieReport;
  /** The raw values behind the report, split into parts (see `cookieValues`). */
  values: CookieValue[];
  /** Where the input came from, e.g. "the editor selection". */
  inputSource?: string;
  /** Labels of the secrets tried (`SecretCandidate.source` + version); never values. */
  secretsTried: string[];
  notes: PanelNote[];
  /** What the badge says; without it, the core's verdict. */
  badge?: Badge;
  /** Cookies that failed only for lack of a secret: "not verified", never red. */
  unverified?: readonly string[];
  /** Whether browsers keep the Set-Cookie lines (absent: no Set-Cookie input). */
  browser?: BrowserAcceptance;
  /** Offer "Look up in database" (there is a session token to look up). */
  canLookUp?: boolean;
  /** The last lookup of this cookie's session, when one ran from the panel. */
  lookup?: LookupView;
}

/** A lookup result, or why none ran (the same shape as `cookie --lookup`'s skipped/unavailable). */
export type LookupView = LookupResult | { kind: "skipped" | "unavailable"; message: string };

export interface RenderOptions {
  /** Fresh per render; allows exactly our inline style and script under the CSP. */
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
}

/** Pasted values can be hundreds of KB (chunked caches); the copy buttons keep them whole. */
const MAX_SHOWN_VALUE = 4096;
const MAX_SHOWN_FIELD = 200;

export { escapeHtml };

const esc = escapeHtml;

export function renderCookiePanel(model: PanelModel, options: RenderOptions): string {
  const { report } = model;
  const now = report.checkedAt;
  const checked = describeInstant(now, now);
  const json = JSON.stringify(toJsonReport(report), null, 2);
  const badge = model.badge ?? report.verdict;
  const unverified = new Set(model.unverified ?? []);
  const lookUp = model.canLookUp
    ? `<button class="action" data-action="lookup" title="Look this session token up in the project's database (read-only)">Look up in database</button>`
    : "";
  const body = [
    `<header>`,
    `<span class="verdict verdict-${badge}" title="${esc(verdictHelp(badge))}">${BADGE_TEXT[badge]}</span>`,
    `<div class="headline"><h1>Better Auth cookie</h1>`,
    `<p class="muted checked">Checked <span title="${esc(checked.utc)}">${esc(checked.local)}</span>${model.inputSource ? ` · from ${esc(model.inputSource)}` : ""}</p></div>`,
    `<div class="actions">${copyButton(json, "Copy report (JSON)", "report")}<button class="action" data-action="rerun" title="Verify the same input again (after changing a secret or .env)">Verify again</button>${lookUp}</div>`,
    `</header>`,
    notesHtml(model.notes),
    reasonsHtml(report.reasons, unverified),
    secretHtml(report, model.secretsTried, badge),
    model.lookup ? lookupHtml(model.lookup, now) : "",
    model.browser ? browserHtml(model.browser) : "",
    valuesHtml(model.values),
    sessionTokenHtml(report, unverified),
    sessionDataHtml(report.sessionData, "Session data (cookie cache)", now, unverified),
    ...report.cookies.filter((c) => c.kind === "account_data" && c.data && c.data !== report.sessionData).map((c) => sessionDataHtml(c.data as SessionDataResult, "Account data", now, unverified)),
    cookiesHtml(report, unverified),
  ].join("\n");

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${esc(options.cspSource)} 'nonce-${esc(options.nonce)}'; script-src 'nonce-${esc(options.nonce)}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Better Auth cookie</title>
<style nonce="${esc(options.nonce)}">${STYLE}</style>
</head>
<body>
${body}
<script nonce="${esc(options.nonce)}">${SCRIPT}</script>
</body>
</html>
`;
}

const BADGE_TEXT: Record<Badge, string> = { valid: "VALID", warning: "WARNING", invalid: "INVALID", "not-verified": "NOT VERIFIED" };

function verdictHelp(verdict: Badge): string {
  if (verdict === "not-verified") return "No secret to verify with: the content is decoded but unchecked.";
  if (verdict === "valid") return "Better Auth accepts these cookies.";
  if (verdict === "warning") return "Verified, but something will bite: see the reasons.";
  return "Better Auth rejects these cookies: see the reasons.";
}

function copyButton(value: string, label: string, what: string): string {
  return `<button class="copy" data-copy="${esc(value)}" data-what="${esc(what)}" title="Copy ${esc(what)} to the clipboard">${esc(label)}</button>`;
}

function notesHtml(notes: readonly PanelNote[]): string {
  if (notes.length === 0) return "";
  const items = notes.map(
    (note) =>
      `<div class="note note-${note.severity}"><span>${esc(note.text)}</span>${note.action ? ` <button class="action" data-action="${esc(note.action.id)}">${esc(note.action.label)}</button>` : ""}</div>`,
  );
  return `<section class="notes">${items.join("")}</section>`;
}

const MARK: Record<Reason["severity"], string> = { error: "✗", warning: "!", info: "i" };

function reasonsHtml(reasons: readonly Reason[], unverified: ReadonlySet<string>): string {
  if (reasons.length === 0) return `<section><h2>Reasons</h2><p class="muted">Nothing to report: signatures verify and nothing has expired.</p></section>`;
  // Lacking a secret is not an error in the cookie: shown as a notice, not a red cross.
  const severity = (r: Reason) => (r.code === "no-secret" && (!r.cookie || unverified.has(r.cookie)) ? "info" : r.severity);
  const items = reasons.map(
    (r) => `<li class="reason reason-${severity(r)}" data-code="${esc(r.code)}"><span class="mark">${MARK[severity(r)]}</span><span>${esc(r.message)} <code class="code">${esc(r.code)}</code></span></li>`,
  );
  return `<section><h2>Reasons</h2><ul class="reasons">${items.join("")}</ul></section>`;
}

export function secretLabel(secret: SecretMatch): string {
  const version = secret.version === undefined ? "" : `, version ${secret.version}`;
  const state = secret.publicDefault ? " (Better Auth's public default secret!)" : secret.current ? " (current)" : " (not the current secret)";
  return `${secret.source}${version}${state}`;
}

function secretHtml(report: CookieReport, tried: readonly string[], badge: Badge): string {
  const byCookie = new Map<string, SecretMatch>();
  const note = (name: string | null | undefined, secret: SecretMatch | null | undefined) => name && secret && !byCookie.has(name) && byCookie.set(name, secret);
  note(report.sessionToken?.cookieName, report.sessionToken?.secret);
  note(report.sessionData.cookieName, report.sessionData.secret);
  for (const cookie of report.cookies) note(cookie.name, cookie.signed?.secret ?? cookie.data?.secret);
  const matches = new Map<string, string[]>();
  for (const [name, secret] of byCookie) matches.set(secretLabel(secret), [...(matches.get(secretLabel(secret)) ?? []), name]);
  const rows = [...matches].map(
    ([label, cookies]) => `<li><span class="secret-source">${esc(label)}</span> <span class="muted">verified ${cookies.map((c) => `<code>${esc(c)}</code>`).join(", ")}</span></li>`,
  );
  const none = badge === "not-verified" ? `<p class="muted">No secret to verify with.</p>` : `<p class="none">No secret verified these cookies.</p>`;
  const matched = rows.length > 0 ? `<ul class="matched">${rows.join("")}</ul>` : none;
  const triedList = tried.length > 0 ? tried.map((t) => `<code>${esc(t)}</code>`).join(", ") : "none";
  return `<section><h2>Secret</h2>${matched}<p class="muted">Secrets tried (names only, values are never shown): ${triedList}; then Better Auth's public defaults.</p></section>`;
}

function partsHtml(value: CookieValue): string {
  let budget = MAX_SHOWN_VALUE;
  const spans: string[] = [];
  for (const part of value.parts) {
    if (budget <= 0) break;
    const text = part.text.length > budget ? part.text.slice(0, budget) : part.text;
    budget -= text.length;
    spans.push(`<span class="part part-${part.kind}" title="${esc(part.label)}">${esc(text)}</span>`);
  }
  const hidden = value.decoded.length - MAX_SHOWN_VALUE;
  if (hidden > 0) spans.push(`<span class="muted"> … ${hidden} more characters (the copy buttons copy all of it)</span>`);
  return spans.join("");
}

const LEGEND: [PartKind, string][] = [
  ["token", "token"],
  ["signature", "signature"],
  ["cache", "cookie cache"],
  ["cache-header", "header"],
  ["cache-key", "encrypted key"],
  ["cache-iv", "IV"],
  ["cache-payload", "payload / ciphertext"],
  ["cache-tag", "tag"],
  ["cache-signature", "JWT signature"],
];

function valuesHtml(values: readonly CookieValue[]): string {
  if (values.length === 0) return "";
  const blocks = values.map((value) => {
    const buttons = [copyButton(value.raw, "Copy value", `${value.name} value`)];
    for (const part of value.parts) {
      if (part.kind === "token") buttons.push(copyButton(part.text, "Copy token", "session token"));
      if (part.kind === "signature") buttons.push(copyButton(part.text, "Copy signature", "signature"));
    }
    const encoded = value.raw !== value.decoded ? ` <span class="muted">(URL-decoded once, as Better Auth does)</span>` : "";
    return `<div class="value-block"><div class="value-head"><code class="cookie-name">${esc(value.name)}</code>${encoded}<span class="buttons">${buttons.join("")}</span></div><pre class="value">${partsHtml(value)}</pre></div>`;
  });
  const present = new Set(values.flatMap((value) => value.parts.map((part) => part.kind)));
  const legend = LEGEND.filter(([kind]) => present.has(kind))
    .map(([kind, label]) => `<span class="part part-${kind}">${label}</span>`)
    .join(" ");
  return `<section><h2>Encoded</h2><p class="legend">${legend}</p>${blocks.join("")}</section>`;
}

function signatureState(state: string, unverified: boolean): string {
  if (unverified) return `<span class="flag flag-muted">not verified</span>`;
  const cls = state === "valid" ? "ok" : "bad";
  return `<span class="flag flag-${cls}">${esc(state)}</span>`;
}

function sessionTokenHtml(report: CookieReport, unverified: ReadonlySet<string>): string {
  const token = report.sessionToken;
  if (!token) return "";
  const rows = [
    row("cookie", `<code>${esc(token.cookieName)}</code>${token.secure ? ` <span class="muted">(__Secure-)</span>` : ""}`),
    row("token", token.token === null ? `<span class="muted">none: the value has no signature part</span>` : `<code class="part part-token">${esc(token.token)}</code> ${copyButton(token.token, "Copy", "session token")}`),
    row("signature", signatureState(token.signature, unverified.has(token.cookieName))),
    row("secret", token.secret ? esc(secretLabel(token.secret)) : `<span class="muted">none matched</span>`),
  ];
  return `<section><h2>Session token</h2><table class="fields">${rows.join("")}</table></section>`;
}

function sessionDataHtml(data: SessionDataResult, title: string, now: number, unverified: ReadonlySet<string>): string {
  if (data.verdict === "absent") return "";
  const notVerified = data.cookieName !== null && unverified.has(data.cookieName);
  const flag = notVerified ? "muted" : data.verdict === "valid" ? "ok" : data.verdict === "expired" || data.verdict === "unverified" ? "warn" : "bad";
  const strategy = `${data.strategy ?? "unreadable"}${data.legacyCompact ? ", pre-1.1.20 signature" : ""}${data.chunks > 1 ? `, ${data.chunks} chunks` : ""}`;
  const rows = [
    row("cookie", `<code>${esc(data.cookieName ?? "")}</code> <span class="muted">(${esc(strategy)})</span>`),
    row("verdict", `<span class="flag flag-${flag}">${notVerified ? "not verified" : esc(data.verdict)}</span>`),
    row("secret", data.secret ? esc(secretLabel(data.secret)) : `<span class="muted">none matched</span>`),
  ];
  if (data.expiresAt !== null) rows.push(row("cache expires", timeHtml(data.expiresAt, now, true)));
  const tables: string[] = [];
  if (data.session) tables.push(recordHtml(title === "Account data" ? "Account" : "Session", data.session, now));
  if (data.user) tables.push(recordHtml("User", data.user, now));
  if (!data.session && data.header) tables.push(recordHtml("Header", data.header, now));
  return `<section><h2>${esc(title)}</h2><table class="fields">${rows.join("")}</table>${tables.join("")}</section>`;
}

function recordHtml(title: string, record: Record<string, unknown>, now: number): string {
  const rows = Object.entries(record).map(([key, value]) => row(key, fieldHtml(key, value, now)));
  return `<div class="record"><h3>${esc(title)} ${copyButton(JSON.stringify(record, null, 2), "Copy JSON", title.toLowerCase())}</h3><table class="fields">${rows.join("")}</table></div>`;
}

/** `…At` fields are instants: ISO strings in compact/jwe caches, sometimes epoch numbers. */
function instantOf(key: string, value: unknown): number | null {
  if (!/At$/.test(key)) return null;
  if (typeof value === "string") {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : null;
  }
  if (typeof value === "number" && Number.isFinite(value)) return value < 1e11 ? value * 1000 : value;
  return null;
}

function fieldHtml(key: string, value: unknown, now: number): string {
  const ms = instantOf(key, value);
  if (ms !== null) return timeHtml(ms, now, key === "expiresAt");
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  const shown = text.length > MAX_SHOWN_FIELD ? `${esc(text.slice(0, MAX_SHOWN_FIELD))}<span class="muted">… (${text.length} characters)</span>` : esc(text);
  return `<span class="field-value">${shown}</span>`;
}


function cookiesHtml(report: CookieReport, unverified: ReadonlySet<string>): string {
  if (report.cookies.length === 0) return "";
  const rows = report.cookies.map((cookie) => {
    const secret = cookie.signed?.secret ?? cookie.data?.secret;
    const verdict: Badge = unverified.has(cookie.name) && cookie.verdict === "invalid" ? "not-verified" : cookie.verdict;
    return `<tr><td><span class="verdict-small verdict-${verdict}">${BADGE_TEXT[verdict].toLowerCase()}</span></td><td><code>${esc(cookie.name)}</code>${cookie.chunks > 1 ? ` <span class="muted">(${cookie.chunks} chunks)</span>` : ""}</td><td>${esc(cookie.kind)}</td><td>${secret ? esc(secretLabel(secret)) : `<span class="muted">—</span>`}</td></tr>`;
  });
  const ignored = report.ignoredCookies > 0 ? `<p class="muted">${report.ignoredCookies} other cookie${report.ignoredCookies === 1 ? "" : "s"} ignored.</p>` : "";
  return `<section><h2>Cookies</h2><table class="cookies"><thead><tr><th>verdict</th><th>name</th><th>kind</th><th>secret</th></tr></thead><tbody>${rows.join("")}</tbody></table>${ignored}</section>`;
}

const LOOKUP_LABELS: Record<LookupView["kind"], [string, "ok" | "warn" | "bad"]> = {
  found: ["found", "ok"],
  expired: ["expired", "warn"],
  "not-found": ["not found", "bad"],
  "found-under-other-column": ["under the other column", "bad"],
  "user-missing": ["user missing", "bad"],
  "table-missing": ["table missing", "bad"],
  "column-missing": ["column missing", "bad"],
  "connect-error": ["cannot connect", "bad"],
  "query-error": ["query failed", "bad"],
  skipped: ["not looked up", "warn"],
  unavailable: ["not looked up", "warn"],
};

function lookupHtml(lookup: LookupView, now: number): string {
  const [label, flag] = LOOKUP_LABELS[lookup.kind];
  const rows = [row("result", `<span class="flag flag-${flag}">${esc(label)}</span>`)];
  const instant = (iso: string | null) => {
    const ms = iso === null ? NaN : Date.parse(iso);
    return Number.isFinite(ms) ? timeHtml(ms, now, false) : `<span class="muted">${esc(iso ?? "—")}</span>`;
  };
  if ("database" in lookup) {
    rows.push(row("database", `<code>${esc(lookup.database)}</code>`), row("looked in", `<code>${esc(`${lookup.table}.${lookup.column}`)}</code>${lookup.foundIn && lookup.foundIn !== lookup.column ? ` <span class="muted">found in ${esc(lookup.foundIn)}</span>` : ""}`));
    const session = lookup.session;
    if (session) {
      const expires = session.expiresAt === null ? NaN : Date.parse(session.expiresAt);
      rows.push(row("expires", Number.isFinite(expires) ? timeHtml(expires, now, true) : instant(session.expiresAt)), row("created", instant(session.createdAt)));
      if (session.ipAddress) rows.push(row("ip address", `<span class="field-value">${esc(session.ipAddress)}</span>`));
      if (session.userAgent) rows.push(row("user agent", `<span class="field-value">${esc(session.userAgent.slice(0, MAX_SHOWN_FIELD))}</span>`));
    }
    if (lookup.user) rows.push(row("user", `<span class="field-value">${esc([lookup.user.email, lookup.user.name, `id ${lookup.user.id}`].filter(Boolean).join(" · "))}</span>`));
  }
  return `<section><h2>Database</h2><p>${esc(withReadableTimes(lookup.message, now))}</p><table class="fields">${rows.join("")}</table></section>`;
}

function browserHtml(browser: BrowserAcceptance): string {
  const where = browser.url ? `for <code>${esc(browser.url)}</code>` : `<span class="muted">for any site: no URL known, so Secure-over-http and Domain checks were skipped</span>`;
  const button = `<button class="action" data-action="setUrl" title="The page or API URL the Set-Cookie response came from">${browser.url ? "Change URL…" : "Check for a URL…"}</button>`;
  const rows = browser.rows.map((r) => {
    const flag = r.kept ? (r.reasons.length ? `<span class="flag flag-warn">kept</span>` : `<span class="flag flag-ok">kept</span>`) : `<span class="flag flag-bad">dropped</span>`;
    const why = r.reasons.map((reason) => `<div class="reason-${reason.severity}">${esc(reason.message)}</div>`).join("");
    return `<tr><th><code>${esc(r.cookie)}</code></th><td>${flag}${why}</td></tr>`;
  });
  const general = browser.general.map((text) => `<p class="reason-warning">${esc(text)}</p>`).join("");
  return `<section><h2>Browser</h2><p>Whether a browser keeps each Set-Cookie ${where} ${browser.rows.length ? button : ""}</p>${rows.length ? `<table class="fields">${rows.join("")}</table>` : ""}${general}</section>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 20px 24px; line-height: 1.45; }
header { display: grid; grid-template-columns: auto minmax(0, 1fr); align-items: center; gap: 6px 14px; padding: 14px 0 8px; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
.headline { min-width: 0; }
.headline h1 { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.checked { overflow-wrap: anywhere; }
.actions { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 4px; }
.actions button { white-space: nowrap; }
h1 { font-size: 1.4em; margin: 0; font-weight: 600; }
h2 { font-size: 1.1em; margin: 20px 0 8px; font-weight: 600; }
h3 { font-size: 1em; margin: 12px 0 4px; font-weight: 600; }
p { margin: 4px 0; }
code, pre { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
.muted { color: var(--vscode-descriptionForeground); }
.verdict { font-weight: 700; letter-spacing: 0.08em; padding: 6px 14px; border-radius: 4px; font-size: 1.2em; color: var(--vscode-editor-background); }
/* A side column is ~300px wide: the tab already says "Better Auth cookie", so the header keeps to badge, time and buttons. */
@media (max-width: 520px) { body { padding: 0 10px 16px; } .headline h1 { display: none; } .verdict { font-size: 1em; padding: 4px 8px; letter-spacing: 0.04em; } }
.verdict-small { font-weight: 600; padding: 1px 6px; border-radius: 3px; color: var(--vscode-editor-background); text-transform: uppercase; font-size: 0.85em; }
.verdict-valid { background: var(--vscode-testing-iconPassed, #388a34); }
.verdict-warning { background: var(--vscode-editorWarning-foreground, #bf8803); }
.verdict-invalid { background: var(--vscode-errorForeground, #e51400); }
.verdict-not-verified { background: var(--vscode-badge-background, #616161); color: var(--vscode-badge-foreground, #fff); }
.notes .note { padding: 8px 12px; margin: 12px 0 0; border-left: 4px solid; background: var(--vscode-textBlockQuote-background); }
.note-warning { border-color: var(--vscode-editorWarning-foreground, #bf8803); }
.note-info { border-color: var(--vscode-editorInfo-foreground, #1a85ff); }
.reasons { list-style: none; padding: 0; margin: 0; }
.reason { display: flex; gap: 8px; padding: 4px 0; }
.reason .mark { font-weight: 700; width: 1em; text-align: center; }
.reason-error .mark { color: var(--vscode-errorForeground); }
.reason-warning .mark { color: var(--vscode-editorWarning-foreground); }
.reason-info .mark { color: var(--vscode-editorInfo-foreground); }
.code { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
.none { color: var(--vscode-errorForeground); }
.matched { padding-left: 20px; margin: 0; }
.secret-source { font-weight: 600; }
.value-block { margin: 8px 0 12px; }
.value-head { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.buttons { margin-left: auto; display: flex; gap: 4px; }
pre.value { white-space: pre-wrap; word-break: break-all; background: var(--vscode-textCodeBlock-background); padding: 10px 12px; border-radius: 4px; margin: 4px 0; }
.legend .part { margin-right: 10px; font-family: var(--vscode-editor-font-family); }
.part-token { color: var(--vscode-charts-purple, #b180d7); }
.part-signature { color: var(--vscode-charts-blue, #3794ff); }
.part-cache { color: var(--vscode-charts-green, #89d185); }
.part-cache-header { color: var(--vscode-charts-red, #f14c4c); }
.part-cache-payload { color: var(--vscode-charts-purple, #b180d7); }
.part-cache-signature { color: var(--vscode-charts-blue, #3794ff); }
.part-cache-key, .part-cache-iv { color: var(--vscode-charts-yellow, #cca700); }
.part-cache-tag { color: var(--vscode-charts-orange, #d18616); }
.part-dot, .part-plain { color: var(--vscode-foreground); }
table { border-collapse: collapse; margin: 4px 0; }
th, td { text-align: left; vertical-align: top; padding: 3px 12px 3px 0; }
table.fields th { color: var(--vscode-descriptionForeground); font-weight: normal; white-space: nowrap; }
table.cookies thead th { border-bottom: 1px solid var(--vscode-panel-border, #8884); }
.field-value { word-break: break-all; }
.time .relative { font-style: italic; }
.flag { font-size: 0.85em; padding: 0 6px; border-radius: 3px; border: 1px solid; }
.flag-ok { color: var(--vscode-testing-iconPassed, #388a34); }
.flag-warn { color: var(--vscode-editorWarning-foreground, #bf8803); }
.flag-bad { color: var(--vscode-errorForeground, #e51400); }
.flag-muted { color: var(--vscode-descriptionForeground); }
.verdict, .verdict-small { white-space: nowrap; }
button { font-family: inherit; font-size: 0.9em; padding: 2px 8px; border: none; border-radius: 2px; cursor: pointer; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
button:hover { background: var(--vscode-button-secondaryHoverBackground); }
button.action { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
button.action:hover { background: var(--vscode-button-hoverBackground); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
`;

/** Copy buttons and actions only post a message; the extension does the work. */
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener("click", function (event) {
    const button = event.target instanceof Element ? event.target.closest("button") : null;
    if (!button) return;
    if (button.dataset.copy !== undefined) {
      vscode.postMessage({ type: "copy", value: button.dataset.copy, what: button.dataset.what || "value" });
      const label = button.textContent;
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = label; }, 1200);
    } else if (button.dataset.action) {
      vscode.postMessage({ type: "action", action: button.dataset.action });
    }
  });
})();
`;
