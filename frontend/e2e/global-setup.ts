/**
 * Everything the browser journeys need, made from nothing and removed after:
 *
 * 1. Debian's Chromium (apt-get install, as root) when it is missing;
 * 2. a PostgreSQL database of its own (`omnistock_e2e_<pid>`), migrated and
 *    loaded with the demo data (seed_demo), so parallel runs never meet;
 * 3. gunicorn serving the API and the built SPA (frontend/dist) on a free port,
 *    in its own process group so teardown stops every worker;
 * 4. a wait for /readyz.
 *
 * The returned function is Playwright's global teardown: it stops the server
 * and drops the database, after passing and failing runs alike.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { CHROMIUM_PATH } from "../playwright.config";

const FRONTEND = fileURLToPath(new URL("..", import.meta.url));
const REPO = join(FRONTEND, "..");
const API_DIR = join(REPO, "core_api");
const ARTIFACTS = join(FRONTEND, "e2e-artifacts");
const PYTHON = process.env.PYTHON ?? join(REPO, ".venv/bin/python");

function log(message: string) {
  console.log(`[e2e] ${message}`);
}

function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: run \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  }
  log("Chromium is missing: installing Debian's package (apt-get install chromium)");
  execFileSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"], {
    stdio: "inherit",
  });
}

/** The database URL for this run: the server of E2E_DATABASE_URL (or the local one), a fresh name. */
function databaseUrls() {
  const base = new URL(
    process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/omnistock",
  );
  const name = `omnistock_e2e_${process.pid}`;
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return { serverUrl: base.toString(), name, url: url.toString() };
}

const SQL_ON_MAINTENANCE_DB = `
import sys
from urllib.parse import unquote, urlsplit

import psycopg

p = urlsplit(sys.argv[1])
with psycopg.connect(host=p.hostname or "127.0.0.1", port=p.port or 5432, user=unquote(p.username or "postgres"),
                     password=unquote(p.password) if p.password else None, dbname="postgres", autocommit=True) as conn:
    conn.execute(sys.argv[2])
`;

function sql(serverUrl: string, statement: string) {
  execFileSync(PYTHON, ["-c", SQL_ON_MAINTENANCE_DB, serverUrl, statement], { stdio: "inherit" });
}

function manage(args: string[], env: NodeJS.ProcessEnv) {
  execFileSync(PYTHON, ["manage.py", ...args], { cwd: API_DIR, env, stdio: ["ignore", "ignore", "inherit"] });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function stopGroup(child: ChildProcess | undefined, signal: NodeJS.Signals) {
  if (!child?.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function waitUntilReady(url: string, server: ChildProcess, logFile: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const tail = readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n");
  throw new Error(`The server at ${url} did not become ready. Last lines of ${logFile}:\n${tail}`);
}

export default async function globalSetup() {
  if (!existsSync(join(FRONTEND, "dist/index.html"))) {
    throw new Error("frontend/dist is missing: run `npm run build` (or `make test-e2e`) first.");
  }
  ensureChromium();
  mkdirSync(ARTIFACTS, { recursive: true });

  const db = databaseUrls();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    DEBUG: "false",
    // DEBUG is off, so the keys must be strong (config/keys.py): throwaway ones per run.
    SECRET_KEY: `e2e-only-${randomBytes(32).toString("hex")}`,
    JWT_SIGNING_KEY: `e2e-only-${randomBytes(32).toString("hex")}`,
    ALLOWED_HOSTS: "127.0.0.1,localhost",
    // Every test signs in (as a handful of users, from one address); keep the password brakes out of the way.
    AUTH_THROTTLE_RATE: "1000/min",
    AUTH_USERNAME_THROTTLE_RATE: "1000/min",
    LOG_LEVEL: "WARNING",
  };

  let server: ChildProcess | undefined;
  let dbCreated = false;
  const teardown = async () => {
    stopGroup(server, "SIGTERM");
    const exited = server && server.exitCode === null ? new Promise((resolve) => server?.once("exit", resolve)) : null;
    if (exited) await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    stopGroup(server, "SIGKILL");
    if (dbCreated) {
      sql(db.serverUrl, `DROP DATABASE IF EXISTS "${db.name}" WITH (FORCE)`);
      log(`dropped database ${db.name}`);
    }
  };
  // Last resort if the runner dies without calling the teardown.
  const killOnExit = () => stopGroup(server, "SIGKILL");
  process.once("exit", killOnExit);

  try {
    log(`creating database ${db.name}`);
    sql(db.serverUrl, `DROP DATABASE IF EXISTS "${db.name}" WITH (FORCE)`);
    sql(db.serverUrl, `CREATE DATABASE "${db.name}"`);
    dbCreated = true;
    manage(["migrate", "--noinput"], env);
    manage(["seed_demo", "--force"], env); // DEBUG is off here, as in production
    // As deployed: the admin and the API docs name their files through the static manifest.
    manage(["collectstatic", "--noinput", "-v0"], env);

    const logFile = join(ARTIFACTS, "server.log");
    const out = openSync(logFile, "w");
    log(`starting gunicorn on ${baseUrl} (log: e2e-artifacts/server.log)`);
    server = spawn(
      PYTHON,
      ["-m", "gunicorn", "config.wsgi", "--bind", `127.0.0.1:${port}`, "--workers", "2", "--access-logfile", "-"],
      { cwd: API_DIR, env, detached: true, stdio: ["ignore", out, out] },
    );
    await waitUntilReady(baseUrl, server, logFile);
    log("server ready");
  } catch (error) {
    await teardown();
    throw error;
  }

  process.env.E2E_BASE_URL = baseUrl;
  return async () => {
    process.removeListener("exit", killOnExit);
    await teardown();
  };
}
