#!/usr/bin/env node
/**
 * `npm start`: build the pane when dist/ is missing or older than the sources, then serve dist/ on
 * localhost:3000 — over https with the Office dev certificates when they are installed, plain http
 * otherwise — and print how to open the preview and sideload the add-in. Stopping it (Ctrl+C, SIGTERM,
 * SIGHUP, or its parent going away) stops the server. `--no-build` serves dist/ as it is.
 * Also exports `serve(dir, options)`, the static server the end-to-end test uses.
 */
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawn } = require('node:child_process');
const { setInterval } = require('node:timers');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Serve the files of `dir` (GET/HEAD only, never outside dir). `tls` = {key, cert} for https.
 * Resolves with the listening server and its base URL; port 0 picks a free port.
 */
function serve(dir, { port = 3000, host = 'localhost', tls } = {}) {
  const root = path.resolve(dir);
  const handler = (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (pathname.endsWith('/')) pathname += 'taskpane.html';
    const file = path.join(root, path.normalize(pathname));
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': stat.size,
        'Cache-Control': 'no-cache',
        // Office on the web frames the pane from another origin.
        'Access-Control-Allow-Origin': '*',
      });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({ server, url: `${tls ? 'https' : 'http'}://${host}:${actual}/` });
    });
  });
}

/** The newest modification time under a path (files only). */
function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), 0);
}

function needsBuild() {
  const built = path.join(DIST, 'taskpane.html');
  if (!fs.existsSync(built)) return true;
  const sources = ['src', 'assets', 'manifest.xml', 'webpack.config.js'].map((p) =>
    newest(path.join(ROOT, p)),
  );
  return Math.max(...sources) > fs.statSync(built).mtimeMs;
}

/** The certificates `npx office-addin-dev-certs install` leaves in the home folder, when present. */
function devCertificates() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const key = path.join(dir, 'localhost.key');
  const cert = path.join(dir, 'localhost.crt');
  if (!fs.existsSync(key) || !fs.existsSync(cert)) return undefined;
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

/** Run webpack as a child we can stop: the promise resolves with its exit code. */
function build(children) {
  console.log('Building the task pane (webpack, production)…');
  const webpack = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const child = spawn(process.execPath, [webpack, '--mode', 'production'], { cwd: ROOT, stdio: 'inherit' });
  children.add(child);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(signal ? 1 : code);
    }),
  );
}

/**
 * The processes whose end means "stop": the parent, and — when npm runs this through a shell
 * (`npm start` → sh -c → node) — npm itself, the shell's parent, found with `ps` on POSIX systems.
 */
function watchedParents() {
  const parents = [process.ppid];
  if (process.platform === 'win32' || !process.env.npm_lifecycle_event) return parents;
  try {
    const grand = Number(
      execFileSync('ps', ['-o', 'ppid=', '-p', String(process.ppid)], { encoding: 'utf8' }).trim(),
    );
    if (grand > 1) parents.push(grand);
  } catch {
    // No ps: the parent alone is watched.
  }
  return parents;
}

/** Whether a process still exists (signal 0 checks without sending anything). */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/**
 * Stop everything this process started — the server and a running build — when it is asked to
 * (Ctrl+C, SIGTERM, SIGHUP) or when npm or the shell that started it goes away (npm killed outright
 * leaves its children running, adopted by init).
 */
function stopOnExit(children, getServer) {
  let stopping = false;
  const stop = (why, code) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    const server = getServer();
    if (!server) process.exit(code);
    console.log(`\n${why}: stopping the server.`);
    server.closeAllConnections?.();
    server.close(() => process.exit(code));
    // An open keep-alive connection must not hold the process up.
    setTimeout(() => process.exit(code), 2000).unref();
  };
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(codes)) process.on(signal, () => stop(signal, code));
  const parent = process.ppid;
  const parents = watchedParents();
  setInterval(() => {
    if (process.ppid !== parent || !parents.every(alive)) stop('npm start was stopped', 0);
  }, 500).unref();
}

async function main() {
  const children = new Set();
  let server = null;
  stopOnExit(children, () => server);
  if (!process.argv.includes('--no-build') && needsBuild()) {
    const code = await build(children);
    if (code !== 0) {
      console.error('The build failed; nothing is served.');
      process.exit(code || 1);
    }
  }
  const tls = devCertificates();
  const port = Number(process.env.PORT || 3000);
  let served;
  try {
    served = await serve(DIST, { port, tls });
  } catch (e) {
    console.error(`Cannot listen on port ${port}: ${e.message}. Set PORT to another port.`);
    process.exit(1);
  }
  server = served.server;
  const { url } = served;
  const manifest = path.join(DIST, 'manifest.xml');
  const shownManifest = path.relative(
    process.cwd(),
    fs.existsSync(manifest) ? manifest : path.join(ROOT, 'manifest.xml'),
  );
  console.log(`
Amend is served from dist/ at ${url}

Browser preview (no Word needed):  ${url}taskpane.html
${
  tls
    ? 'https with the Office development certificates.'
    : `Plain http: the Office development certificates are not installed, so Word will not load the pane
from this server (add-ins need https). Install them once with \`npm run certs\` (it asks for
administrator rights to trust them), then run npm start again.`
}

Sideload into Word (manifest: ${shownManifest}${
    port === 3000 ? '' : '; it points at port 3000, so serve on 3000 for Word'
  }):
  Word on the web: open a document, Home > Add-ins > More Add-ins (Advanced in newer versions),
    then Upload My Add-in, and choose ${shownManifest}.
  Windows desktop: put ${shownManifest} in a shared folder, add its \\\\host\\share path under
    File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs (tick "Show in Menu"),
    restart Word, then Home > Add-ins > More Add-ins (Advanced in newer versions) > Shared Folder.
  Mac desktop: copy ${shownManifest} to ~/Library/Containers/com.microsoft.Word/Data/Documents/wef/
    (create the wef folder if needed), restart Word, then Home > Add-ins.

Press Ctrl+C to stop.`);
}

if (require.main === module) void main();

module.exports = { serve };
