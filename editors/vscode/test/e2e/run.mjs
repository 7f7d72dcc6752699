// Real-editor test: installs the packaged .vsix into code-server (VS Code 1.100
// served to a browser), opens it in Debian's Chromium through playwright-core,
// and runs test/e2e/harness/index.js inside the extension host with VS Code's
// extension-test API.
//
//   node test/e2e/run.mjs --vsix copydesk-0.1.0-linux-x64.vsix --tools .e2e-cache/tools \
//       --run-dir .e2e-cache/run [--server-path /path/to/copydesk] [--expect-source bundled]
//
// Everything it writes goes under --run-dir (XDG dirs, HOME, user data, extensions,
// workspace, browser profile, logs, screenshot). Every process it starts is ended
// on exit: code-server's whole process group, the browser, and anything else that
// carries this run's COPYDESK_E2E_RUN marker in its environment.
// Prints `vscode-e2e: N passed, M failed` last; exits 0 only when all passed.

import { execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TEST_NAMES = [
  'diagnostics: repeated-heading on line 5 reaches VS Code',
  'hover: Peskov shows Dmitry Peskov',
  'quick fix: "Remove duplicate heading" removes the heading',
  'command: "copydesk: Restart server" starts a new server that checks again',
  'settings: a wrong copydesk.server.path is reported by name; restoring it restarts the server',
  'settings: copydesk.toml applies to keys the user has not set; a user setting overrides it until removed',
];
const STORY = `**Fresh Peace Talks Scheduled in Istanbul**

Kremlin spokesperson Dmitry Peskov said on Monday that the two sides remained "diametrically opposed" on the main questions.

**Fresh Peace Talks Scheduled in Istanbul**

Peskov added that more diplomatic work would be needed before any meeting of leaders.
`;
// The workspace's copydesk.toml: the user settings of this run leave the key unset,
// so the server must take the severity from here.
const COPYDESK_TOML = `[checks.repeated-heading]
severity = "error"
`;

const TIMEOUTS = {
  install: 120_000,
  healthz: 60_000,
  tests: 180_000,
  overall: 300_000,
};

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)$/.exec(argv[i]);
    if (!m) throw new Error(`unexpected argument ${argv[i]}`);
    out[m[1]] = argv[++i];
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
for (const required of ['vsix', 'tools', 'run-dir']) {
  if (!args[required]) {
    console.error(`usage: node run.mjs --vsix FILE --tools DIR --run-dir DIR [--server-path BIN] [--expect-source SRC]`);
    process.exit(2);
  }
}
const vsix = path.resolve(args.vsix);
const tools = path.resolve(args.tools);
const runDir = path.resolve(args['run-dir']);
const serverPath = args['server-path'] ? path.resolve(args['server-path']) : '';
const expectSource = args['expect-source'] || (serverPath ? 'setting' : '');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const runId = `${process.pid}-${Date.now()}`;

const log = (...a) => console.log('[e2e]', ...a);

// ---------------------------------------------------------------- cleanup
const cleanups = [];
let cleaningUp;
function cleanup() {
  cleaningUp ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        log(`cleanup: ${err.message}`);
      }
    }
  })();
  return cleaningUp;
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function killGroup(pgid, what) {
  if (!groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    /* gone */
  }
  for (let i = 0; i < 50 && groupAlive(pgid); i++) await sleep(100);
  if (groupAlive(pgid)) {
    log(`${what} (process group ${pgid}) ignored SIGTERM: SIGKILL`);
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* gone */
    }
    for (let i = 0; i < 30 && groupAlive(pgid); i++) await sleep(100);
  }
  if (groupAlive(pgid)) throw new Error(`${what} (process group ${pgid}) is still alive`);
}

/** Processes that inherited this run's marker, wherever their process group is. */
function markedProcesses() {
  const found = [];
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    try {
      const env = fs.readFileSync(`/proc/${pid}/environ`, 'latin1');
      if (env.split('\0').includes(`COPYDESK_E2E_RUN=${runId}`)) {
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ').trim();
        found.push({ pid: Number(pid), cmd });
      }
    } catch {
      /* exited, or not ours to read */
    }
  }
  return found;
}

async function killMarked() {
  let left = markedProcesses();
  if (left.length === 0) return;
  for (const p of left) log(`left behind, killing: ${p.pid} ${p.cmd.slice(0, 120)}`);
  for (const p of left) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  for (let i = 0; i < 30 && (left = markedProcesses()).length; i++) await sleep(100);
  if (left.length) throw new Error(`processes still alive: ${left.map((p) => p.pid).join(', ')}`);
}

// ---------------------------------------------------------------- helpers
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms / 1000} s`)), ms);
    }),
  ]);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

// ---------------------------------------------------------------- main
async function main() {
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found: run \`npm run package\``);
  if (!fs.existsSync(chromiumPath)) throw new Error(`${chromiumPath} not found: apt-get install -y chromium`);
  const codeServer = path.join(tools, 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(codeServer)) throw new Error(`${codeServer} not found: run scripts/test-e2e.sh`);
  const { chromium } = createRequire(path.join(tools, 'package.json'))('playwright-core');

  fs.rmSync(runDir, { recursive: true, force: true });
  const dir = (name) => {
    const p = path.join(runDir, name);
    fs.mkdirSync(p, { recursive: true });
    return p;
  };
  const home = dir('home');
  const userData = dir('user-data');
  const extensionsDir = dir('extensions');
  const workspace = dir('workspace');
  const profile = dir('chromium-profile');
  const tmp = dir('tmp');
  const harness = dir('harness');
  const resultsFile = path.join(runDir, 'results.json');

  fs.writeFileSync(path.join(workspace, 'story.md'), STORY);
  fs.writeFileSync(path.join(workspace, 'copydesk.toml'), COPYDESK_TOML);
  for (const f of ['package.json', 'index.js']) fs.copyFileSync(path.join(HERE, 'harness', f), path.join(harness, f));
  writeJson(path.join(harness, 'expect.json'), {
    resultsFile,
    extensionsDir,
    serverSource: expectSource || undefined,
    serverCommand: serverPath || undefined,
  });

  const userSettings = {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'workbench.tips.enabled': false,
    'extensions.ignoreRecommendations': true,
    'workbench.enableExperiments': false,
    'copydesk.trace.server': 'messages',
  };
  if (serverPath) userSettings['copydesk.server.path'] = serverPath;
  writeJson(path.join(userData, 'User', 'settings.json'), userSettings);

  const port = await freePort();
  const configFile = path.join(runDir, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: dir('xdg-config'),
    XDG_DATA_HOME: dir('xdg-data'),
    XDG_CACHE_HOME: dir('xdg-cache'),
    XDG_STATE_HOME: dir('xdg-state'),
    XDG_RUNTIME_DIR: dir('xdg-runtime'),
    TMPDIR: tmp,
    COPYDESK_E2E_RUN: runId,
    // No extension gallery: code-server would otherwise query open-vsx.org.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }),
    COPYDESK_LOG: process.env.COPYDESK_LOG || 'info',
  };
  const flags = ['--config', configFile, '--user-data-dir', userData, '--extensions-dir', extensionsDir];
  cleanups.push(killMarked);

  // 1. Install the .vsix.
  log(`installing ${path.basename(vsix)}`);
  const installOut = await withTimeout(
    new Promise((resolve, reject) => {
      execFile(codeServer, [...flags, '--install-extension', vsix], { env, maxBuffer: 10 << 20 }, (err, stdout, stderr) => {
        const out = `${stdout}${stderr}`;
        fs.writeFileSync(path.join(runDir, 'install.log'), out);
        if (err) reject(new Error(`code-server --install-extension failed: ${err.message}\n${out}`));
        else resolve(out);
      });
    }),
    TIMEOUTS.install,
    'installing the .vsix',
  );
  if (!/successfully installed/i.test(installOut)) throw new Error(`the .vsix was not installed:\n${installOut}`);
  const installed = fs.readdirSync(extensionsDir).filter((d) => d.startsWith('copydesk.copydesk-'));
  if (installed.length !== 1) throw new Error(`expected one copydesk.copydesk-* in ${extensionsDir}, found ${installed}`);
  log(`installed ${installed[0]}`);

  // 2. Start code-server in its own process group.
  const csLog = fs.openSync(path.join(runDir, 'code-server.log'), 'a');
  const cs = spawn(
    codeServer,
    [
      ...flags,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      workspace,
    ],
    { env, detached: true, stdio: ['ignore', csLog, csLog] },
  );
  const csPgid = cs.pid;
  cleanups.push(() => killGroup(csPgid, 'code-server'));
  let csExited = false;
  cs.on('exit', () => {
    csExited = true;
  });

  const base = `http://127.0.0.1:${port}`;
  await withTimeout(
    (async () => {
      for (;;) {
        if (csExited) throw new Error('code-server exited; see code-server.log');
        try {
          const res = await fetch(`${base}/healthz`);
          if (res.ok) return;
        } catch {
          /* not up yet */
        }
        await sleep(250);
      }
    })(),
    TIMEOUTS.healthz,
    'code-server /healthz',
  );
  log(`code-server is up on port ${port}`);

  // 3. The browser, with the extension-test payload.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    env,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  cleanups.push(() => withTimeout(context.close(), 15_000, 'closing the browser'));
  const page = context.pages()[0] ?? (await context.newPage());

  let exitResolve;
  const exited = new Promise((r) => (exitResolve = r));
  const hostLog = fs.createWriteStream(path.join(runDir, 'extension-host.log'));
  cleanups.push(() => new Promise((r) => hostLog.end(r)));
  await page.exposeFunction('codeAutomationExit', (code) => exitResolve(code));
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    const text = (Array.isArray(logArgs) ? logArgs : [logArgs])
      .map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))
      .join(' ');
    hostLog.write(`[${type}] ${text}\n`);
    if (text.includes('copydesk-e2e:')) console.log(`  ${text.slice(text.indexOf('copydesk-e2e:'))}`);
  });
  page.on('pageerror', (err) => hostLog.write(`[pageerror] ${err.message}\n`));

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(harness)],
    ['extensionTestsPath', remote(path.join(harness, 'index.js'))],
  ]);
  const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
  log('opening VS Code in Chromium and running the tests');
  const started = Date.now();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  let exitCode;
  try {
    exitCode = await withTimeout(exited, TIMEOUTS.tests, 'the extension tests');
  } finally {
    try {
      await withTimeout(page.screenshot({ path: path.join(runDir, 'screenshot.png') }), 10_000, 'screenshot');
    } catch (err) {
      log(`screenshot: ${err.message}`);
    }
  }
  log(`extension tests finished in ${((Date.now() - started) / 1000).toFixed(1)} s with exit code ${exitCode}`);
  return exitCode;
}

// ---------------------------------------------------------------- report
function report(exitCode, fatal) {
  let results = [];
  try {
    results = JSON.parse(fs.readFileSync(path.join(runDir, 'results.json'), 'utf8')).results;
  } catch {
    /* no results: every test counts as failed */
  }
  let passed = 0;
  let failed = 0;
  for (const name of TEST_NAMES) {
    const r = results.find((x) => x.name === name);
    if (r?.ok) {
      passed++;
      console.log(`ok - ${name}`);
    } else {
      failed++;
      console.log(`not ok - ${name}`);
      const why = r ? r.error : fatal ? `not run: ${fatal.message}` : 'not run';
      console.log(why.split('\n').map((l) => `    ${l}`).join('\n'));
    }
  }
  for (const r of results) if (!TEST_NAMES.includes(r.name)) (r.ok ? passed++ : failed++);
  if (exitCode !== 0 && failed === 0) {
    failed++;
    console.log(`not ok - VS Code reported exit code ${exitCode}`);
  }
  if (failed) console.log(`logs: ${runDir} (code-server.log, extension-host.log, screenshot.png)`);
  console.log(`vscode-e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

let fatal;
let exitCode;
const overall = setTimeout(() => {
  console.error(`[e2e] overall timeout of ${TIMEOUTS.overall / 1000} s`);
  cleanup().finally(() => {
    report(undefined, new Error('overall timeout'));
    process.exit(1);
  });
}, TIMEOUTS.overall);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`[e2e] ${sig}: cleaning up`);
    cleanup().finally(() => process.exit(1));
  });
}

try {
  exitCode = await main();
} catch (err) {
  fatal = err;
  console.error(`[e2e] ${err.stack || err}`);
}
try {
  await withTimeout(cleanup(), 60_000, 'cleanup');
} catch (err) {
  console.error(`[e2e] cleanup failed: ${err.message}`);
  fatal ??= err;
  exitCode = exitCode ?? 1;
}
clearTimeout(overall);
const code = report(fatal ? 1 : exitCode, fatal);
process.exit(fatal ? 1 : code);
