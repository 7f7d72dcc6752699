// `npm run package`: builds the extension and packages it as a .vsix.
//
// The server binary is bundled as server/copydesk when one is found:
//   COPYDESK_SERVER_BINARY=/path/to/copydesk   bundle that binary
//   (otherwise)                                 bundle ../../target/release/copydesk if it exists
//   COPYDESK_BUNDLE=0                           bundle nothing (the .vsix then needs
//                                               copydesk.server.path or copydesk on PATH)
//   COPYDESK_STRIP=0                            keep the bundled binary's debug info (Linux)
// A .vsix with a bundled binary is platform-specific and is packaged with
// vsce's --target for this machine (e.g. linux-x64).
//
// Prints the path of the .vsix as its last line.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(root, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(cmd, args) {
  console.log(`$ ${path.basename(cmd)} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
}

function vsceTarget() {
  const arch = { x64: 'x64', arm64: 'arm64', arm: 'armhf' }[process.arch];
  const os = { linux: 'linux', darwin: 'darwin', win32: 'win32' }[process.platform];
  if (!arch || !os) return undefined;
  if (os === 'linux') {
    // musl (Alpine) builds need their own target.
    const report = process.report?.getReport?.();
    if (report && !report.header?.glibcVersionRuntime) return `alpine-${arch}`;
  }
  return `${os}-${arch}`;
}

// 1. Build: type-check + bundle (minified).
run(bin('tsc'), ['-p', '.', '--noEmit']);
run(process.execPath, ['scripts/bundle.mjs', '--production']);

// 2. The bundled server.
const serverDir = path.join(root, 'server');
fs.rmSync(serverDir, { recursive: true, force: true });
const exe = process.platform === 'win32' ? 'copydesk.exe' : 'copydesk';
let source;
if (process.env.COPYDESK_BUNDLE !== '0') {
  source = process.env.COPYDESK_SERVER_BINARY || path.join(repo, 'target', 'release', exe);
  if (!fs.existsSync(source)) {
    if (process.env.COPYDESK_SERVER_BINARY) {
      console.error(`package: COPYDESK_SERVER_BINARY=${source} does not exist`);
      process.exit(1);
    }
    console.log(`package: ${source} not found (run \`cargo build --release\` to bundle it); packaging without a server`);
    source = undefined;
  }
}
let target;
if (source) {
  fs.mkdirSync(serverDir, { recursive: true });
  fs.copyFileSync(source, path.join(serverDir, exe));
  fs.chmodSync(path.join(serverDir, exe), 0o755);
  // The release profile keeps debug info (tens of MB): drop it from the bundled copy.
  if (process.platform === 'linux' && process.env.COPYDESK_STRIP !== '0') {
    try {
      execFileSync('strip', ['--strip-debug', path.join(serverDir, exe)], { stdio: 'ignore' });
    } catch {
      console.log('package: `strip` not available; bundling the binary with its debug info');
    }
  }
  target = vsceTarget();
  console.log(`package: bundled ${source} as server/${exe}${target ? ` (target ${target})` : ''}`);
}

// 3. Package.
for (const f of fs.readdirSync(root)) {
  if (f.endsWith('.vsix')) fs.rmSync(path.join(root, f));
}
const out = `${pkg.name}-${pkg.version}${target ? `-${target}` : ''}.vsix`;
const args = ['package', '--no-dependencies', '--allow-missing-repository', '--out', out];
if (target) args.push('--target', target);
run(bin('vsce'), args);
console.log(path.join(root, out));
