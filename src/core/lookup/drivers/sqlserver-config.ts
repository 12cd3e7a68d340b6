import type { ConnectionConfiguration } from "tedious";

// Prisma's SQL Server URL is JDBC-like, not a URL:
//   sqlserver://HOST[:PORT][\INSTANCE];database=DB;user=U;password=P;encrypt=true;trustServerCertificate=true;schema=dbo
// Keys are case-insensitive; a value containing `;` is wrapped in braces (`}` doubled inside).

function splitParts(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let braced = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (braced) {
      if (c === "}" && text[i + 1] === "}") {
        current += "}";
        i++;
      } else if (c === "}") braced = false;
      else current += c;
    } else if (c === "{") braced = true;
    else if (c === ";") {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts;
}

export interface SqlServerUrl {
  host: string;
  port?: number;
  instanceName?: string;
  params: Record<string, string>;
}

export function parseSqlServerUrl(url: string): SqlServerUrl {
  const [address = "", ...rest] = splitParts(url.replace(/^sqlserver:\/\//i, ""));
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf("=");
    if (eq > 0) params[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1).trim();
  }
  const [hostPort, instanceName] = address.split("\\");
  const [host, port] = hostPort.split(":");
  return { host: host || "localhost", ...(port ? { port: Number(port) } : {}), ...(instanceName ? { instanceName } : {}), params };
}

const truthy = (value: string | undefined) => value !== undefined && /^(true|yes|1)$/i.test(value);

/** tedious settings for a Prisma SQL Server URL: read-only intent, our timeouts, SQL login. */
export function sqlServerConfig(url: string, timeoutMs: number): { config: ConnectionConfiguration; schema?: string } {
  const { host, port, instanceName, params } = parseSqlServerUrl(url);
  const user = params.user ?? params.username ?? params.uid ?? params.userid;
  const password = params.password ?? params.pwd ?? "";
  return {
    config: {
      server: host,
      authentication: { type: "default", options: { userName: user, password } },
      options: {
        ...(instanceName ? { instanceName } : { port: port ?? 1433 }),
        database: params.database ?? params["initial catalog"],
        // Prisma encrypts unless told otherwise.
        encrypt: params.encrypt === undefined ? true : truthy(params.encrypt),
        trustServerCertificate: truthy(params.trustservercertificate),
        connectTimeout: timeoutMs,
        requestTimeout: timeoutMs,
        readOnlyIntent: true,
        rowCollectionOnRequestCompletion: false,
      },
    },
    ...(params.schema ? { schema: params.schema } : {}),
  };
}
