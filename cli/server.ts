// A small static file server for the built viewer and its graph.json, bound to 127.0.0.1 at the first free port.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { CLIError } from "./errors.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".ico": "image/x-icon",
};

export type ServeOptions = {
  /** Folder of the built viewer. */
  root: string;
  /** Extra files served at fixed paths, e.g. { "/graph.json": "/data/graph.json" }. */
  files: Record<string, string>;
  /** Bodies held in memory, served at fixed paths (typed by the path's extension), e.g. a graph read from Neo4j. */
  bodies: Record<string, string | Uint8Array>;
  host: string;
  port: number;
  /** How many ports above `port` to try. */
  tries: number;
  /** Answers the requests it knows (returns true), e.g. the review writes of `serve`; given the server's own origin. */
  api?: (req: IncomingMessage, res: ServerResponse, origin: string) => boolean;
};

export const DEFAULT_SERVE_OPTIONS: Omit<ServeOptions, "root" | "files"> = { host: "127.0.0.1", port: 5173, tries: 50, bodies: {} };

export type RunningServer = { url: string; port: number; close(): Promise<void> };

function handler(options: ServeOptions, origin: () => string) {
  const root = resolve(options.root);
  return (req: IncomingMessage, res: ServerResponse) => {
    if (options.api?.(req, res, origin())) return;
    const headers = {
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'self'; script-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; connect-src 'self'",
      // Tells the page that this server takes review writes, so a static copy never probes for them.
      ...(options.api ? { "X-Harvestgraph-Review": "api/session" } : {}),
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, headers).end();
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const body = Object.hasOwn(options.bodies, path) ? options.bodies[path] : undefined;
    if (body !== undefined) {
      res.writeHead(200, { ...headers, "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    const mapped = options.files[path];
    const file = mapped ?? normalize(join(root, path === "/" ? "index.html" : path));
    // Never serve outside the viewer folder, whatever the URL says.
    if (!mapped && !(file === root || file.startsWith(root + sep))) {
      res.writeHead(403, headers).end();
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, headers).end("not found");
      return;
    }
    res.writeHead(200, { ...headers, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      reject(error);
    };
    const onListening = () => {
      server.off("error", onError);
      const address = server.address();
      resolvePort(typeof address === "object" && address ? address.port : port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

export async function serveStatic(options: Partial<ServeOptions> & Pick<ServeOptions, "root" | "files">): Promise<RunningServer> {
  const opts: ServeOptions = { ...DEFAULT_SERVE_OPTIONS, ...options };
  let origin = "";
  const server = createServer(handler(opts, () => origin));
  for (let port = opts.port; port < opts.port + opts.tries; port++) {
    try {
      const bound = await listen(server, opts.host, port);
      const host = opts.host.includes(":") ? `[${opts.host}]` : opts.host;
      origin = `http://${host}:${bound}`;
      return {
        url: `http://${host}:${bound}/`,
        port: bound,
        close: () => new Promise((done) => server.close(() => done())),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw new CLIError("E_SERVE", `cannot listen on ${opts.host}:${port}: ${(error as Error).message}`);
    }
  }
  throw new CLIError("E_SERVE", `no free port on ${opts.host} between ${opts.port} and ${opts.port + opts.tries - 1}`);
}
