import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import mysql from "mysql2/promise";

// Throwaway database servers for the migration tests: each lives in a temporary directory, talks
// over a Unix socket (and a free port), and is removed when the test file ends. Missing servers
// are installed from Debian packages by scripts/db/setup.sh; anything that cannot be installed
// or started throws, so the tests fail loudly instead of skipping.

const run = promisify(execFile);
const SETUP = resolve(__dirname, "../../scripts/db/setup.sh");
const isRoot = process.getuid?.() === 0;

function fail(what: string, error: unknown, logFile?: string): never {
  const log = logFile && existsSync(logFile) ? `\n--- ${logFile}:\n${readFileSync(logFile, "utf8").slice(-3000)}` : "";
  throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}${log}`);
}

function postgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const majors = readdirSync(root).filter((d) => existsSync(join(root, d, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
    if (majors[0]) return join(root, majors[0], "bin");
  }
  return undefined;
}

function mariadbBinaries(): { server: string; installDb: string } | undefined {
  const server = ["/usr/sbin/mariadbd", "/usr/bin/mariadbd"].find(existsSync);
  const installDb = ["/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db"].find(existsSync);
  return server && installDb ? { server, installDb } : undefined;
}

/** Runs scripts/db/setup.sh (apt-get) once when a server's binaries are missing. */
function ensureInstalled(check: () => unknown, name: string): void {
  if (check()) return;
  try {
    execFileSync("bash", [SETUP], { stdio: "pipe", timeout: 300_000 });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    fail(`${name} is not installed and scripts/db/setup.sh could not install it (needs root and the Debian archive)`, `${String(error)}\n${stderr}`);
  }
  if (!check()) fail(`${name} is still missing after scripts/db/setup.sh`, "binaries not found");
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

// ---------------------------------------------------------------- PostgreSQL

export interface PostgresServer {
  socketDir: string;
  port: number;
  /** A new, empty database and a client connected to it. */
  database(name: string): Promise<pg.Client>;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<PostgresServer> {
  ensureInstalled(postgresBin, "PostgreSQL");
  const bin = postgresBin()!;
  const dir = mkdtempSync(join(tmpdir(), "bad-pg-"));
  const data = join(dir, "data");
  const log = join(dir, "server.log");
  const port = await freePort();
  // initdb and postgres refuse to run as root; the Debian package's `postgres` user runs them.
  const asOwner = (command: string, args: string[]) => (isRoot ? { file: "runuser", args: ["-u", "postgres", "--", command, ...args] } : { file: command, args });
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  try {
    const init = asOwner(join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
    await run(init.file, init.args);
    // No TCP listener (listen_addresses=''): the socket in the temp dir is the only way in.
    const options = `-k ${dir} -p ${port} -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
    const start = asOwner(join(bin, "pg_ctl"), ["-D", data, "-l", log, "-w", "-t", "60", "-o", options, "start"]);
    await run(start.file, start.args);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    fail("could not start a throwaway PostgreSQL server", error, log);
  }
  const clients: pg.Client[] = [];
  const connect = async (database: string) => {
    const client = new pg.Client({ host: dir, port, user: "postgres", database });
    await client.connect();
    clients.push(client);
    return client;
  };
  const admin = await connect("postgres");
  return {
    socketDir: dir,
    port,
    async database(name) {
      await admin.query(`CREATE DATABASE "${name}"`);
      return connect(name);
    },
    async stop() {
      await Promise.allSettled(clients.map((client) => client.end()));
      const stop = asOwner(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      await run(stop.file, stop.args).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- MariaDB

export interface MariaDbServer {
  socket: string;
  port: number;
  database(name: string): Promise<mysql.Connection>;
  stop(): Promise<void>;
}

async function waitForSocket(socket: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail("mariadbd exited during start-up", `exit code ${child.exitCode}`, log);
    try {
      const connection = await mysql.createConnection({ socketPath: socket, user: "root" });
      await connection.end();
      return;
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  fail("mariadbd did not accept connections within 60 s", last, log);
}

export async function startMariaDb(): Promise<MariaDbServer> {
  ensureInstalled(mariadbBinaries, "MariaDB");
  const { server, installDb } = mariadbBinaries()!;
  const dir = mkdtempSync(join(tmpdir(), "bad-mariadb-"));
  const data = join(dir, "data");
  const socket = join(dir, "mysqld.sock");
  const log = join(dir, "server.log");
  const port = await freePort();
  const user = isRoot ? "root" : (process.env.USER ?? "root");
  try {
    // `normal` root authentication: root connects over the socket without a password (no unix_socket plugin games).
    await run(installDb, ["--no-defaults", `--datadir=${data}`, `--user=${user}`, "--auth-root-authentication-method=normal", "--skip-test-db"]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    fail("mariadb-install-db failed", error);
  }
  const child = spawn(
    server,
    [
      "--no-defaults",
      `--datadir=${data}`,
      `--socket=${socket}`,
      `--port=${port}`,
      "--bind-address=127.0.0.1",
      `--user=${user}`,
      `--pid-file=${join(dir, "mariadbd.pid")}`,
      `--log-error=${log}`,
      "--skip-log-bin",
      "--innodb-buffer-pool-size=32M",
      "--innodb-flush-log-at-trx-commit=0",
    ],
    { stdio: "ignore" },
  );
  try {
    await waitForSocket(socket, child, log);
  } catch (error) {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const connections: mysql.Connection[] = [];
  return {
    socket,
    port,
    async database(name) {
      // multipleStatements: a migration.sql is sent as one script, as Prisma does.
      const connection = await mysql.createConnection({ socketPath: socket, user: "root", multipleStatements: true });
      connections.push(connection);
      await connection.query(`CREATE DATABASE \`${name}\``);
      await connection.query(`USE \`${name}\``);
      return connection;
    },
    async stop() {
      await Promise.allSettled(connections.map((connection) => connection.end()));
      const exited = new Promise((r) => child.once("exit", r));
      if (child.exitCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
