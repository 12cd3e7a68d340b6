// Median time to verify a Better Auth session cookie (target: 0.1 ms or less) and a Cookie
// header of 10,000 cookies, the session cookie among them (target: 50 ms or less).
// Bundles src/core/cookie on the fly with esbuild so it measures the current source
// without a prior build. Run: node bench/cookie.bench.mjs
import { createHmac, randomBytes } from "node:crypto";
import { importSource } from "./bundle-source.mjs";

const { verifyCookies } = await importSource("../src/core/cookie/index.ts");

// A cookie exactly as better-call signs it: encodeURIComponent(token + "." + base64(HMAC)).
const secret = randomBytes(32).toString("base64");
const token = randomBytes(24).toString("base64url").slice(0, 32);
const signature = createHmac("sha256", secret).update(token).digest("base64");
const cookie = `better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
const secrets = [{ value: secret, source: "bench" }];

async function median(label, input, runs = 20_000, expected = "valid") {
  for (let i = 0; i < Math.min(2_000, runs); i++) await verifyCookies(input, { secrets }); // warm up the JIT
  const times = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const report = await verifyCookies(input, { secrets });
    times[i] = Number(process.hrtime.bigint() - start) / 1e6;
    if (report.verdict !== expected) throw new Error(`${label}: expected ${expected}, got ${report.verdict}`);
  }
  times.sort();
  const ms = times[Math.floor(runs / 2)];
  console.log(`${label}: median ${ms.toFixed(4)} ms over ${runs} runs`);
  return ms;
}

const ms = await median("verify session cookie", cookie);
console.log(ms <= 0.1 ? "OK: within the 0.1 ms target" : "SLOW: above the 0.1 ms target");

// Over 8 KB, so the verdict is a warning (servers answer such headers with 431).
const crowd = [...Array.from({ length: 9_999 }, (_, i) => `c${i}=v${i}`), cookie].join("; ");
const crowdMs = await median("verify a 10,000-cookie header", crowd, 50, "warning");
console.log(crowdMs <= 50 ? "OK: within the 50 ms target" : "SLOW: above the 50 ms target");
