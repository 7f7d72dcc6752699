// Server binary resolution: setting, then bundled, then PATH, then a clear error.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const {
  resolveServer,
  ServerNotFoundError,
  SERVER_PATH_SETTING,
  bundledServerPath,
  findOnPath,
  expandSettingPath,
} = require('../../out/server.js');

const isWindows = process.platform === 'win32';

function scratch(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-resolve-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function makeFile(p, mode = 0o755) {
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, '#!/bin/sh\nexit 0\n');
  fs.chmodSync(p, mode);
  return p;
}

/** A layout with a setting target, a bundled binary and a PATH binary. */
function layout(t) {
  const root = scratch(t);
  const ext = path.join(root, 'ext');
  const pathDir = path.join(root, 'bin');
  const fromSetting = makeFile(path.join(root, 'custom', 'copydesk-dev'));
  const bundled = makeFile(bundledServerPath(ext));
  const onPath = makeFile(path.join(pathDir, 'copydesk'));
  return { root, ext, pathDir, fromSetting, bundled, onPath };
}

test('the setting wins over the bundled binary and PATH', (t) => {
  const l = layout(t);
  const r = resolveServer({ settingPath: l.fromSetting, extensionPath: l.ext, envPath: l.pathDir });
  assert.deepEqual(r, { command: l.fromSetting, args: ['serve'], source: 'setting' });
});

test('the bundled binary wins over PATH when the setting is empty', (t) => {
  const l = layout(t);
  for (const settingPath of ['', '   ', undefined, null]) {
    const r = resolveServer({ settingPath, extensionPath: l.ext, envPath: l.pathDir });
    assert.equal(r.source, 'bundled', `settingPath=${JSON.stringify(settingPath)}`);
    assert.equal(r.command, path.join(l.ext, 'server', isWindows ? 'copydesk.exe' : 'copydesk'));
  }
});

test('PATH is used when nothing is set or bundled', (t) => {
  const l = layout(t);
  fs.rmSync(l.bundled);
  const r = resolveServer({ extensionPath: l.ext, envPath: l.pathDir });
  assert.deepEqual(r, { command: l.onPath, args: ['serve'], source: 'path' });
});

test('PATH is searched in order and skips non-executables and folders', { skip: isWindows }, (t) => {
  const root = scratch(t);
  const a = path.join(root, 'a');
  const b = path.join(root, 'b');
  const c = path.join(root, 'c');
  const d = path.join(root, 'd');
  makeFile(path.join(a, 'copydesk'), 0o644); // not executable
  fs.mkdirSync(path.join(b, 'copydesk'), { recursive: true }); // a folder
  const good = makeFile(path.join(c, 'copydesk'));
  makeFile(path.join(d, 'copydesk'));
  const envPath = ['', a, path.join(root, 'missing'), b, c, d].join(path.delimiter);
  assert.equal(findOnPath({ envPath }), good);
  assert.equal(resolveServer({ extensionPath: path.join(root, 'noext'), envPath }).command, good);
});

test('Windows lookup honours PATHEXT', (t) => {
  const root = scratch(t);
  const exe = makeFile(path.join(root, 'copydesk.exe'));
  assert.equal(findOnPath({ envPath: root, platform: 'win32', pathExt: '.COM;.EXE' }), exe);
  assert.equal(bundledServerPath('X', 'win32'), path.join('X', 'server', 'copydesk.exe'));
});

test('nothing found: ServerNotFoundError names the copydesk.server.path setting', (t) => {
  const root = scratch(t);
  assert.throws(
    () => resolveServer({ extensionPath: path.join(root, 'ext'), envPath: path.join(root, 'empty') }),
    (err) => {
      assert.ok(err instanceof ServerNotFoundError, 'a ServerNotFoundError');
      assert.equal(SERVER_PATH_SETTING, 'copydesk.server.path');
      assert.match(err.message, /"copydesk\.server\.path"/);
      assert.match(err.message, /not found/);
      assert.match(err.message, /PATH/);
      return true;
    },
  );
});

test('a setting that points nowhere is an error, with no silent fallback', (t) => {
  const l = layout(t);
  const missing = path.join(l.root, 'nope', 'copydesk');
  assert.throws(
    () => resolveServer({ settingPath: missing, extensionPath: l.ext, envPath: l.pathDir }),
    (err) => {
      assert.ok(err instanceof ServerNotFoundError);
      assert.match(err.message, /"copydesk\.server\.path"/);
      assert.ok(err.message.includes(missing), 'the message shows the configured path');
      assert.match(err.message, /does not exist/);
      return true;
    },
  );
});

test('a setting that points at a folder or a non-executable file is an error', { skip: isWindows }, (t) => {
  const l = layout(t);
  const plain = makeFile(path.join(l.root, 'plain'), 0o644);
  assert.throws(
    () => resolveServer({ settingPath: plain, extensionPath: l.ext, envPath: l.pathDir }),
    /copydesk\.server\.path.*is not executable/s,
  );
  assert.throws(
    () => resolveServer({ settingPath: l.root, extensionPath: l.ext, envPath: l.pathDir }),
    /copydesk\.server\.path.*not a file/s,
  );
});

test('setting paths: ~, ${userHome}, ${workspaceFolder} and relative paths', (t) => {
  const l = layout(t);
  const ws = path.join(l.root, 'custom');
  assert.equal(expandSettingPath('~/x/copydesk', { homeDir: '/home/me' }), path.join('/home/me', 'x', 'copydesk'));
  assert.equal(expandSettingPath('${userHome}/copydesk', { homeDir: '/home/me' }), path.join('/home/me', 'copydesk'));
  const viaVar = resolveServer({ settingPath: '${workspaceFolder}/copydesk-dev', workspaceFolder: ws, envPath: '' });
  assert.equal(viaVar.command, l.fromSetting);
  const relative = resolveServer({ settingPath: 'copydesk-dev', workspaceFolder: ws, envPath: '' });
  assert.equal(relative.command, l.fromSetting);
  const viaHome = resolveServer({ settingPath: '~/copydesk-dev', homeDir: ws, envPath: '' });
  assert.equal(viaHome.command, l.fromSetting);
});

test('a bundled binary that lost its executable bit is made executable', { skip: isWindows }, (t) => {
  const l = layout(t);
  fs.chmodSync(l.bundled, 0o644);
  const r = resolveServer({ extensionPath: l.ext, envPath: l.pathDir });
  assert.equal(r.source, 'bundled');
  assert.ok(fs.statSync(l.bundled).mode & 0o100, 'owner-executable after resolution');
});

test('the resolution module does not import vscode', () => {
  for (const f of ['server.ts', 'settings.ts']) {
    const src = fs.readFileSync(path.join(__dirname, '..', '..', 'src', f), 'utf8');
    assert.doesNotMatch(src, /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)/, f);
  }
});
