/**
 * @module The browser check's static server (Express 5 on 127.0.0.1, an ephemeral port): the page
 * plain and cross-origin isolated, its bundle, and tfjs-backend-wasm's three `.wasm` binaries.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import express, { type Express, type RequestHandler } from 'express';

/** The page without special headers: wasm runs single-threaded. */
export const PLAIN_PAGE_PATH = '/plain/';

/** The page served with COOP and COEP headers, so it is cross-origin isolated. */
export const ISOLATED_PAGE_PATH = '/isolated/';

const PAGE_HTML = join(__dirname, 'page', 'index.html');
const WASM_DIR = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/index.js'));
const WASM_FILES = new Set([
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
]);

/** A running check server. */
export interface CheckServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  /** The path of every request, in order (e.g. to see which `.wasm` binary was fetched). */
  requestedPaths: string[];
  close(): Promise<void>;
}

const crossOriginIsolate: RequestHandler = (_request, response, next) => {
  response.set('Cross-Origin-Opener-Policy', 'same-origin');
  response.set('Cross-Origin-Embedder-Policy', 'require-corp');
  next();
};

const sendWasm: RequestHandler = (request, response, next) => {
  const file = String(request.params['file']);
  if (!WASM_FILES.has(file)) return next();
  response.sendFile(join(WASM_DIR, file), { headers: { 'Content-Type': 'application/wasm' } });
};

/** Builds the app: both pages, the bundle in `bundleDir`, and the `.wasm` files under `/wasm/`. */
export function createCheckApp(bundleDir: string, requestedPaths: string[]): Express {
  const app = express();
  app.use((request, response, next) => {
    requestedPaths.push(request.path);
    response.set('Cache-Control', 'no-store');
    next();
  });
  app.get(PLAIN_PAGE_PATH, (_request, response) => response.sendFile(PAGE_HTML));
  app.get(ISOLATED_PAGE_PATH, crossOriginIsolate, (_request, response) =>
    response.sendFile(PAGE_HTML),
  );
  app.get('/wasm/:file', sendWasm);
  app.use(express.static(bundleDir, { index: false }));
  return app;
}

function listen(server: Server): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server.address() as AddressInfo));
  });
}

/**
 * Starts the check server on 127.0.0.1 at a port the system picks.
 *
 * @throws when the server cannot listen.
 */
export async function startCheckServer(bundleDir: string): Promise<CheckServer> {
  const requestedPaths: string[] = [];
  const server = createServer(createCheckApp(bundleDir, requestedPaths));
  const { port } = await listen(server);
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  return { origin: `http://127.0.0.1:${port}`, requestedPaths, close };
}
