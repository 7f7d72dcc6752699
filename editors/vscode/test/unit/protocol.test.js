// The client's start-up path against the real server binary: the binary is
// found the way the extension finds it, spawned the way vscode-languageclient
// spawns it (`serve --stdio`), initialized with the initializationOptions the
// extension builds from its settings (only the values the user set), and the
// settings visibly take effect; keys the user has not set come from copydesk.toml
// in the workspace root.
//
// The binary: $COPYDESK_BIN, else target/release/copydesk of this repository.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const { resolveServer } = require('../../out/server.js');
const {
  buildInitializationOptions,
  buildServerSettings,
  configurationAnswer,
  inspectorFromLayers,
  isCopydeskSection,
} = require('../../out/settings.js');
const { LspConnection, clientCapabilities, serverBinary } = require('./lsp.js');

const STORY = `**Fresh Peace Talks Scheduled in Istanbul**

Kremlin spokesperson Dmitry Peskov said on Monday that the two sides remained "diametrically opposed" on the main questions.

**Fresh Peace Talks Scheduled in Istanbul**

Peskov added that more diplomatic work would be needed before any meeting of leaders.
`;
const DUPLICATE_HEADING_LINE = 4; // 0-based: line 5 of the story

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 };
const TEST_TIMEOUT = 30_000;

const BIN = serverBinary();

test.before(() => {
  assert.ok(
    fs.existsSync(BIN),
    `server binary ${BIN} not found: run \`cargo build --release\` at the repository root or set COPYDESK_BIN`,
  );
});

function codeOf(d) {
  return typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
}

function repeatedHeadings(diagnostics) {
  return diagnostics.filter((d) => codeOf(d) === 'repeated-heading');
}

/** The section the extension sends when the user has `userSettings` (nested or flat) in settings.json. */
function sectionFor(userSettings) {
  return buildServerSettings(inspectorFromLayers({ global: userSettings }));
}

/**
 * Starts the server as the extension does. `userSettings` is what a user has in
 * settings.json under `copydesk` (nested); filtered as the extension filters it,
 * it becomes initializationOptions and the answer to workspace/configuration.
 * `toml`, when given, is written to copydesk.toml in the workspace root first.
 */
async function start(t, { pullDiagnostics = true, userSettings = {}, toml, resolveWith } = {}) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-proto-'));
  t.after(() => fs.rmSync(workspace, { recursive: true, force: true }));
  if (toml !== undefined) fs.writeFileSync(path.join(workspace, 'copydesk.toml'), toml);

  const resolved = resolveWith ? resolveWith(workspace) : resolveServer({ settingPath: BIN, envPath: '' });
  let section = sectionFor(userSettings);
  const conn = new LspConnection(resolved.command, [...resolved.args, '--stdio'], {
    // As the extension's workspace/configuration middleware answers.
    configuration: (name) =>
      isCopydeskSection(name) ? configurationAnswer(name, section) : name === undefined ? { copydesk: section } : null,
  });
  t.after(() => conn.kill());

  const spawnFailed = conn.spawnError.then((err) => {
    throw new Error(`could not spawn ${resolved.command}: ${err.message}`);
  });
  const init = await Promise.race([
    conn.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'Visual Studio Code', version: '1.100.3' },
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
      capabilities: clientCapabilities({ pullDiagnostics }),
      initializationOptions: buildInitializationOptions(section),
      trace: 'off',
    }),
    spawnFailed,
  ]);
  conn.notify('initialized', {});

  const uri = pathToFileURL(path.join(workspace, 'story.md')).href;
  return {
    conn,
    init,
    resolved,
    uri,
    /** What the extension does on a settings change: new section, then workspace/didChangeConfiguration. */
    changeSettings(userSettings) {
      section = sectionFor(userSettings);
      conn.notify('workspace/didChangeConfiguration', { settings: { copydesk: section } });
      return section;
    },
    open(text = STORY) {
      fs.writeFileSync(new URL(uri), text);
      conn.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    },
    async pull() {
      const report = await conn.request('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(report.kind, 'full', 'a full diagnostic report');
      return report.items;
    },
    /** Pulls until `accept(items)` holds (the server may still be debouncing). */
    async pullUntil(accept, what, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let items = [];
      for (;;) {
        items = await this.pull();
        if (accept(items)) return items;
        if (Date.now() > deadline) {
          assert.fail(`${what}: not seen within ${timeoutMs} ms; last report: ${JSON.stringify(items)}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    },
  };
}

test('found through copydesk.server.path, spawned as `serve --stdio`, answers initialize', { timeout: TEST_TIMEOUT }, async (t) => {
  const s = await start(t);
  assert.equal(s.resolved.source, 'setting');
  assert.deepEqual(s.resolved.args, ['serve']);
  const caps = s.init.capabilities;
  assert.ok(caps, 'initialize result has capabilities');
  const sync = typeof caps.textDocumentSync === 'number' ? caps.textDocumentSync : caps.textDocumentSync?.change;
  assert.ok(sync === 1 || sync === 2, `text document sync advertised (${JSON.stringify(caps.textDocumentSync)})`);
  assert.ok(caps.hoverProvider, 'hover advertised');
  assert.ok(caps.codeActionProvider, 'code actions advertised');
  assert.ok(caps.diagnosticProvider, 'pull diagnostics advertised to a client that declares textDocument.diagnostic');
  assert.equal(await s.conn.close(), 0, 'shutdown + exit ends the server with code 0');
});

test('a client without textDocument.diagnostic gets pushed diagnostics', { timeout: TEST_TIMEOUT }, async (t) => {
  const s = await start(t, { pullDiagnostics: false });
  assert.equal(s.init.capabilities.diagnosticProvider, undefined, 'no pull diagnostics advertised');
  s.open();
  const msg = await s.conn.waitFor(
    (m) =>
      m.method === 'textDocument/publishDiagnostics' &&
      m.params.uri === s.uri &&
      repeatedHeadings(m.params.diagnostics).length > 0,
    10_000,
    'publishDiagnostics with repeated-heading',
  );
  const [d] = repeatedHeadings(msg.params.diagnostics);
  assert.equal(d.source, 'copydesk');
  assert.equal(d.range.start.line, DUPLICATE_HEADING_LINE);
  assert.equal(d.severity, SEVERITY.warning);
});

test('a client with textDocument.diagnostic (vscode-languageclient 9) pulls, and is never pushed', { timeout: TEST_TIMEOUT }, async (t) => {
  const s = await start(t);
  s.open();
  const items = await s.pullUntil((i) => repeatedHeadings(i).length > 0, 'repeated-heading');
  const headings = repeatedHeadings(items);
  assert.equal(headings.length, 1, 'one repeated heading');
  assert.equal(headings[0].range.start.line, DUPLICATE_HEADING_LINE);
  assert.equal(headings[0].source, 'copydesk');
  await new Promise((r) => setTimeout(r, 500));
  const pushed = s.conn.notifications.filter(
    (m) => m.method === 'textDocument/publishDiagnostics' && m.params.diagnostics.length > 0,
  );
  assert.deepEqual(pushed, [], 'no pushed diagnostics for a pull client');
});

test('initializationOptions built from the settings take effect: severity', { timeout: TEST_TIMEOUT }, async (t) => {
  const s = await start(t, { userSettings: { checks: { 'repeated-heading': { severity: 'error' } } } });
  s.open();
  const items = await s.pullUntil((i) => repeatedHeadings(i).length > 0, 'repeated-heading');
  assert.equal(repeatedHeadings(items)[0].severity, SEVERITY.error, 'severity from initializationOptions');
});

test('initializationOptions built from the settings take effect: enabled = false', { timeout: TEST_TIMEOUT }, async (t) => {
  // Same document, so the check would fire if the setting were ignored (see the tests above).
  const s = await start(t, { userSettings: { 'checks.repeated-heading.enabled': false } });
  s.open();
  // Give the server time to analyse; the result must stay free of repeated-heading.
  await new Promise((r) => setTimeout(r, 600));
  const items = await s.pull();
  assert.deepEqual(repeatedHeadings(items), [], 'repeated-heading disabled by initializationOptions');
});

test('workspace/didChangeConfiguration with settings.copydesk takes effect without a restart', { timeout: TEST_TIMEOUT }, async (t) => {
  const s = await start(t);
  s.open();
  const before = await s.pullUntil((i) => repeatedHeadings(i).length > 0, 'repeated-heading');
  assert.equal(repeatedHeadings(before)[0].severity, SEVERITY.warning);

  // What the extension sends when the user sets the severity.
  const changed = s.changeSettings({ checks: { 'repeated-heading': { severity: 'hint' } } });
  assert.deepEqual(changed, { checks: { 'repeated-heading': { severity: 'hint' } } });
  await s.pullUntil(
    (i) => repeatedHeadings(i).length > 0 && repeatedHeadings(i)[0].severity === SEVERITY.hint,
    'repeated-heading with severity hint after didChangeConfiguration',
  );
});

const TOML_ERROR = '[checks.repeated-heading]\nseverity = "error"\n';

test('copydesk.toml in the workspace root takes effect when the user has not set the key', { timeout: TEST_TIMEOUT }, async (t) => {
  // An all-defaults configuration (what VS Code's inspect() gives with nothing set) sends {}.
  const section = sectionFor({});
  assert.deepEqual(section, {}, 'nothing but defaults: nothing sent');
  // The client's own settings (set in the e2e profile, for instance) change nothing.
  assert.deepEqual(sectionFor({ trace: { server: 'messages' }, server: { path: BIN } }), {});
  const s = await start(t, { toml: TOML_ERROR, userSettings: { trace: { server: 'messages' } } });
  s.open();
  const items = await s.pullUntil((i) => repeatedHeadings(i).length > 0, 'repeated-heading');
  assert.equal(repeatedHeadings(items)[0].severity, SEVERITY.error, 'severity 1 (error) from copydesk.toml');
  // The server asked for the section (workspace/configuration) and got {} too.
  await s.conn.waitFor((m) => m.method === 'workspace/configuration', 5_000, 'workspace/configuration request');
});

test('a user setting overrides copydesk.toml, and removing it brings the file\'s value back', { timeout: TEST_TIMEOUT }, async (t) => {
  const s = await start(t, { toml: TOML_ERROR, userSettings: { 'checks.repeated-heading.severity': 'hint' } });
  s.open();
  await s.pullUntil(
    (i) => repeatedHeadings(i).length > 0 && repeatedHeadings(i)[0].severity === SEVERITY.hint,
    'repeated-heading with the user\'s severity hint over the file\'s error',
  );
  // The user removes the setting: the extension now sends {} and the file applies again.
  assert.deepEqual(s.changeSettings({}), {});
  await s.pullUntil(
    (i) => repeatedHeadings(i).length > 0 && repeatedHeadings(i)[0].severity === SEVERITY.error,
    'repeated-heading with copydesk.toml\'s severity error once the user setting is gone',
  );
});

test('the bundled binary is found and started when the setting is empty', { timeout: TEST_TIMEOUT }, async (t) => {
  const s = await start(t, {
    resolveWith(workspace) {
      const ext = path.join(workspace, 'extension');
      fs.mkdirSync(path.join(ext, 'server'), { recursive: true });
      const bundled = path.join(ext, 'server', process.platform === 'win32' ? 'copydesk.exe' : 'copydesk');
      fs.copyFileSync(BIN, bundled);
      fs.chmodSync(bundled, 0o644); // as if unpacked without its executable bit
      return resolveServer({ settingPath: '', extensionPath: ext, envPath: '' });
    },
  });
  assert.equal(s.resolved.source, 'bundled');
  assert.ok(s.init.capabilities.hoverProvider);
  assert.equal(await s.conn.close(), 0);
});
