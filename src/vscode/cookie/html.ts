import { describeInstant } from "../../core/cookie/time";

/** Small HTML pieces shared by the panel's sections. Everything from input goes through `escapeHtml`. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

const esc = escapeHtml;

export function row(key: string, html: string): string {
  return `<tr><th>${esc(key)}</th><td>${html}</td></tr>`;
}

/** Local, UTC and relative, as jwt.io shows a timestamp; an expiry in the past is flagged. */
export function timeHtml(ms: number, now: number, isExpiry: boolean): string {
  const d = describeInstant(ms, now);
  const expired = isExpiry && ms < now ? ` <span class="flag flag-bad expired">expired</span>` : "";
  return `<span class="time"><span class="local">${esc(d.local)}</span> <span class="utc muted">${esc(d.utc)}</span> <span class="relative">${esc(d.relative)}</span>${expired}</span>`;
}
