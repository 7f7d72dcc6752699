// The end-to-end tests, run inside code-server's extension host with the real
// `vscode` API (VS Code's extension-test mode: this file is extensionTestsPath).
// The copydesk extension under test is the one installed from the .vsix.
//
// Results go to the file named in expect.json (written by test/e2e/run.mjs) and
// to the console as `copydesk-e2e: PASS|FAIL <name>` lines; run() rejects if any
// test failed, which makes VS Code report a non-zero exit code.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'copydesk.copydesk';
const DUPLICATE_HEADING_LINE = 4; // 0-based; line 5 of story.md
const HOVER_POSITION = [6, 2]; // inside `Peskov` at the start of line 7
const FIXED_TEXT = `**Fresh Peace Talks Scheduled in Istanbul**

Kremlin spokesperson Dmitry Peskov said on Monday that the two sides remained "diametrically opposed" on the main questions.

Peskov added that more diplomatic work would be needed before any meeting of leaders.
`;

const expect = JSON.parse(fs.readFileSync(path.join(__dirname, 'expect.json'), 'utf8'));

function log(...args) {
  console.log('copydesk-e2e:', ...args);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value; throws with `describe()` on timeout. */
async function waitFor(what, probe, timeoutMs, describe = () => '') {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const extra = describe();
      throw new Error(
        `${what}: not seen within ${timeoutMs} ms` +
          (extra ? `; ${extra}` : '') +
          (lastError ? `; last error: ${lastError.message}` : ''),
      );
    }
    await sleep(250);
  }
}

function codeOf(d) {
  return typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
}

function showDiagnostics(uri) {
  return JSON.stringify(
    vscode.languages.getDiagnostics(uri).map((d) => ({
      source: d.source,
      code: codeOf(d),
      line: d.range.start.line,
      severity: d.severity,
      message: d.message,
    })),
  );
}

function copydeskDiagnostics(uri, code) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'copydesk' && codeOf(d) === code);
}

function hoverText(hovers) {
  const parts = [];
  for (const h of hovers || []) {
    for (const c of h.contents) parts.push(typeof c === 'string' ? c : c.value);
  }
  return parts.join('\n---\n');
}

async function run() {
  const results = [];
  const folder = vscode.workspace.workspaceFolders?.[0];
  let doc;
  let diagnostic;
  let api;

  async function check(name, fn) {
    const started = Date.now();
    try {
      await fn();
      results.push({ name, ok: true, ms: Date.now() - started });
      log('PASS', name, `(${Date.now() - started} ms)`);
    } catch (err) {
      results.push({ name, ok: false, ms: Date.now() - started, error: String(err && err.stack ? err.stack : err) });
      log('FAIL', name, String(err && err.message ? err.message : err));
    }
  }

  await check('diagnostics: repeated-heading on line 5 reaches VS Code', async () => {
    if (!folder) throw new Error('no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'story.md');
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    if (doc.languageId !== 'markdown') throw new Error(`story.md opened as ${doc.languageId}`);

    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
    if (expect.extensionsDir && !path.resolve(ext.extensionPath).startsWith(path.resolve(expect.extensionsDir) + path.sep)) {
      throw new Error(`${EXTENSION_ID} runs from ${ext.extensionPath}, not from the installed .vsix`);
    }
    api = await waitFor('copydesk activation', async () => (ext.isActive ? ext.exports : undefined), 30_000);
    log(`extension ${ext.packageJSON.version} active; server ${api.server?.command} (via ${api.server?.source})`);
    if (api.lastError) throw new Error(`the extension reported: ${api.lastError}`);
    if (expect.serverSource && api.server?.source !== expect.serverSource) {
      throw new Error(`server found via ${api.server?.source}, expected ${expect.serverSource}`);
    }
    if (expect.serverCommand && api.server?.command !== expect.serverCommand) {
      throw new Error(`server ${api.server?.command}, expected ${expect.serverCommand}`);
    }

    const found = await waitFor(
      'a copydesk repeated-heading diagnostic',
      () => copydeskDiagnostics(doc.uri, 'repeated-heading')[0],
      45_000,
      () => `diagnostics: ${showDiagnostics(doc.uri)}`,
    );
    const all = copydeskDiagnostics(doc.uri, 'repeated-heading');
    if (all.length !== 1) throw new Error(`expected one repeated-heading, got ${showDiagnostics(doc.uri)}`);
    if (found.range.start.line !== DUPLICATE_HEADING_LINE) {
      throw new Error(`repeated-heading on line ${found.range.start.line + 1}, expected ${DUPLICATE_HEADING_LINE + 1}`);
    }
    diagnostic = found;
    log(`diagnostic: ${found.message}`);
  });

  await check('hover: Peskov shows Dmitry Peskov', async () => {
    if (!doc) throw new Error('story.md was not opened');
    const position = new vscode.Position(...HOVER_POSITION);
    const word = doc.getText(doc.getWordRangeAtPosition(position));
    if (word !== 'Peskov') throw new Error(`the hover position is on ${JSON.stringify(word)}, not Peskov`);
    let last = '';
    const text = await waitFor(
      'a hover with Dmitry Peskov',
      async () => {
        const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, position);
        last = hoverText(hovers);
        return last.includes('Dmitry Peskov') ? last : undefined;
      },
      15_000,
      () => `last hover: ${JSON.stringify(last)}`,
    );
    log(`hover: ${JSON.stringify(text.split('\n')[0])}`);
  });

  await check('quick fix: "Remove duplicate heading" removes the heading', async () => {
    if (!doc || !diagnostic) throw new Error('no repeated-heading diagnostic to fix');
    let titles = [];
    const action = await waitFor(
      'the "Remove duplicate heading" code action',
      async () => {
        const actions =
          (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, undefined, 10)) || [];
        titles = actions.map((a) => a.title);
        return actions.find((a) => a.title === 'Remove duplicate heading');
      },
      10_000,
      () => `actions offered: ${JSON.stringify(titles)}`,
    );
    if (!action.kind || !vscode.CodeActionKind.QuickFix.contains(action.kind)) {
      throw new Error(`kind ${action.kind?.value}, expected quickfix`);
    }
    if (!action.isPreferred) throw new Error('the quick fix is not marked preferred');
    if (!action.edit && !action.command) throw new Error('the code action has neither an edit nor a command');
    if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) throw new Error('applyEdit returned false');
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments || []));

    const normalized = () => doc.getText().replace(/\r\n/g, '\n');
    await waitFor('the fixed text', () => normalized() === FIXED_TEXT, 5_000, () => `document text: ${JSON.stringify(normalized())}`);
    await waitFor(
      'repeated-heading cleared after the fix',
      () => copydeskDiagnostics(doc.uri, 'repeated-heading').length === 0,
      15_000,
      () => `diagnostics: ${showDiagnostics(doc.uri)}`,
    );
  });

  await check('command: "copydesk: Restart server" starts a new server that checks again', async () => {
    if (!api || !doc) throw new Error('the extension did not activate');
    const commands = await vscode.commands.getCommands(true);
    if (!commands.includes('copydesk.restartServer')) throw new Error('copydesk.restartServer is not registered');
    const before = api.client;
    await vscode.commands.executeCommand('copydesk.restartServer');
    const after = api.client;
    if (!after) throw new Error(`no client after the restart: ${api.lastError}`);
    if (after === before) throw new Error('the restart kept the old client');
    if (before && before.isRunning()) throw new Error('the old client is still running');
    if (!after.isRunning()) throw new Error('the new client is not running');
    // The new server sees the open document: put the duplicate heading back.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(4, 0), '**Fresh Peace Talks Scheduled in Istanbul**\n\n');
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error('applyEdit returned false');
    const found = await waitFor(
      'repeated-heading from the restarted server',
      () => copydeskDiagnostics(doc.uri, 'repeated-heading')[0],
      30_000,
      () => `diagnostics: ${showDiagnostics(doc.uri)}`,
    );
    if (found.range.start.line !== DUPLICATE_HEADING_LINE) {
      throw new Error(`repeated-heading on line ${found.range.start.line + 1}, expected ${DUPLICATE_HEADING_LINE + 1}`);
    }
  });

  await check('settings: a wrong copydesk.server.path is reported by name; restoring it restarts the server', async () => {
    if (!api) throw new Error('the extension did not activate');
    const config = () => vscode.workspace.getConfiguration('copydesk');
    const original = config().inspect('server.path')?.globalValue;
    const wrong = path.join(path.dirname(expect.resultsFile), 'no-such-dir', 'copydesk');
    await config().update('server.path', wrong, vscode.ConfigurationTarget.Global);
    try {
      const message = await waitFor(
        'an error naming copydesk.server.path',
        () => (api.client === undefined && api.lastError ? api.lastError : undefined),
        15_000,
        () => `client running: ${!!api.client}, lastError: ${JSON.stringify(api.lastError)}`,
      );
      if (!message.includes('"copydesk.server.path"') || !message.includes(wrong)) {
        throw new Error(`the error does not name the setting and the path: ${message}`);
      }
      log(`error shown: ${message}`);
    } finally {
      await config().update('server.path', original, vscode.ConfigurationTarget.Global);
    }
    await waitFor(
      'the server running again after the setting is restored',
      () => api.client?.isRunning() && !api.lastError,
      20_000,
      () => `lastError: ${JSON.stringify(api.lastError)}`,
    );
  });

  await check('settings: copydesk.toml applies to keys the user has not set; a user setting overrides it until removed', async () => {
    if (!api || !doc) throw new Error('the extension did not activate');
    // The workspace's copydesk.toml (written by run.mjs) sets this severity to error;
    // no settings.json of this run sets it, so the extension must not send it.
    const key = 'checks.repeated-heading.severity';
    const config = () => vscode.workspace.getConfiguration('copydesk');
    const inspected = config().inspect(key);
    if (inspected?.globalValue !== undefined || inspected?.workspaceValue !== undefined) {
      throw new Error(`copydesk.${key} is set by the test profile: ${JSON.stringify(inspected)}`);
    }
    const withSeverity = (severity) => () =>
      copydeskDiagnostics(doc.uri, 'repeated-heading').find((d) => d.severity === severity);
    const describe = () => `diagnostics: ${showDiagnostics(doc.uri)}`;
    const { Error: ERROR, Hint: HINT } = vscode.DiagnosticSeverity;
    await waitFor('repeated-heading with severity Error from copydesk.toml', withSeverity(ERROR), 20_000, describe);
    log('copydesk.toml severity applied (Error)');

    // A user setting wins over the file, sent through workspace/didChangeConfiguration ...
    await config().update(key, 'hint', vscode.ConfigurationTarget.Global);
    try {
      await waitFor('repeated-heading with the user setting\'s severity Hint', withSeverity(HINT), 20_000, describe);
      log('user setting applied (Hint)');
    } finally {
      await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    }
    // ... and once it is removed, the file's value is back (the default is not sent in its place).
    await waitFor('repeated-heading with severity Error again after the user setting is removed', withSeverity(ERROR), 20_000, describe);
    log('user setting removed: copydesk.toml severity applied again (Error)');
  });

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  fs.writeFileSync(expect.resultsFile, JSON.stringify({ passed, failed, results }, null, 2));
  log(`done: ${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} end-to-end test(s) failed`);
}

module.exports = { run };
