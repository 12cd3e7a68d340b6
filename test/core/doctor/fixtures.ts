import { STRONG_SECRET, type Project } from "./helpers";

/** A Next.js app set up the way Better Auth's docs say; every rule must stay quiet on it. */
export const HEALTHY: Project = {
  files: {
    "package.json": '{ "dependencies": { "better-auth": "1.7.25", "next": "15.3.0" } }',
    ".gitignore": "node_modules\n.env*\n!.env.example\n",
    ".env": `DATABASE_URL=postgresql://localhost:5432/app\nBETTER_AUTH_SECRET=${STRONG_SECRET}\nBETTER_AUTH_URL=http://localhost:3000\n`,
    ".env.production": "BETTER_AUTH_URL=https://app.example.com\n",
    ".env.example": "BETTER_AUTH_SECRET=your-secret-here\nBETTER_AUTH_URL=http://localhost:3000\n",
    "lib/auth.ts": [
      'import { betterAuth } from "better-auth";',
      'import { prismaAdapter } from "better-auth/adapters/prisma";',
      'import { nextCookies } from "better-auth/next-js";',
      'import { twoFactor, organization } from "better-auth/plugins";',
      'import { prisma } from "./prisma";',
      "",
      "export const auth = betterAuth({",
      '  database: prismaAdapter(prisma, { provider: "postgresql" }),',
      "  baseURL: process.env.BETTER_AUTH_URL,",
      "  emailAndPassword: { enabled: true },",
      "  trustedOrigins: [process.env.BETTER_AUTH_URL!],",
      "  advanced: {",
      "    crossSubDomainCookies: {",
      '      enabled: process.env.NODE_ENV === "production",',
      '      domain: "example.com",',
      "    },",
      "  },",
      "  plugins: [twoFactor(), organization(), nextCookies()],",
      "});",
      "",
    ].join("\n"),
    "middleware.ts": [
      'import { NextRequest, NextResponse } from "next/server";',
      'import { getSessionCookie } from "better-auth/cookies";',
      "",
      "export async function middleware(request: NextRequest) {",
      "  const sessionCookie = getSessionCookie(request);",
      "  if (!sessionCookie) {",
      '    return NextResponse.redirect(new URL("/sign-in", request.url));',
      "  }",
      "  return NextResponse.next();",
      "}",
      "",
      'export const config = { matcher: ["/dashboard"] };',
      "",
    ].join("\n"),
    "app/api/auth/[...all]/route.ts": 'import { auth } from "@/lib/auth";\nimport { toNextJsHandler } from "better-auth/next-js";\n\nexport const { GET, POST } = toNextJsHandler(auth);\n',
  },
};

/** The healthy app with some files replaced. */
export function withFiles(files: Record<string, string>, version?: string | null): Project {
  return { files: { ...HEALTHY.files, ...files }, ...(version !== undefined ? { version } : {}) };
}

/** HEALTHY's auth.ts with one line replaced. */
export function authWith(from: string, to: string): string {
  const text = HEALTHY.files["lib/auth.ts"]!;
  if (!text.includes(from)) throw new Error(`not in auth.ts: ${from}`);
  return text.replace(from, to);
}
