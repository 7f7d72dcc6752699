// The copydesk settings: the contributed schema, reading, and the JSON sent to the server.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const {
  readSettings,
  buildInitializationOptions,
  getterFromObject,
  DEFAULTS,
  CHECK_CODES,
  SEVERITIES,
  SECTION,
  MIN_WORDS_MIN,
  MIN_WORDS_MAX,
  DEBOUNCE_MAX,
} = require('../../out/settings.js');

const pkg = require('../../package.json');
const props = pkg.contributes.configuration.properties;

const EXPECTED_KEYS = [
  'copydesk.server.path',
  'copydesk.trace.server',
  'copydesk.debounceMs',
  'copydesk.duplicates.threshold',
  'copydesk.duplicates.minWords',
  ...['repeated-heading', 'duplicate-passage', 'unattributed-quote'].flatMap((c) => [
    `copydesk.checks.${c}.enabled`,
    `copydesk.checks.${c}.severity`,
  ]),
];

/** What VS Code's getConfiguration('copydesk') holds with no user settings: dotted keys nested. */
function vscodeSectionFromDefaults() {
  const section = {};
  for (const [key, schema] of Object.entries(props)) {
    const parts = key.split('.').slice(1);
    let cur = section;
    for (const p of parts.slice(0, -1)) cur = cur[p] ??= {};
    cur[parts.at(-1)] = schema.default;
  }
  return section;
}

test('package.json contributes exactly the contract settings', () => {
  assert.deepEqual(Object.keys(props).sort(), [...EXPECTED_KEYS].sort());
  assert.deepEqual(props['copydesk.trace.server'].enum, ['off', 'messages', 'verbose']);
  assert.equal(props['copydesk.trace.server'].default, 'off');
  assert.equal(props['copydesk.server.path'].type, 'string');
  assert.equal(props['copydesk.debounceMs'].default, 100);
  assert.equal(props['copydesk.duplicates.threshold'].default, 0.8);
  assert.equal(props['copydesk.duplicates.threshold'].minimum, 0.5);
  assert.equal(props['copydesk.duplicates.threshold'].maximum, 1);
  assert.equal(props['copydesk.duplicates.minWords'].type, 'integer');
  assert.equal(props['copydesk.duplicates.minWords'].default, 8);
  // The ranges the server accepts (src/lsp/config.rs); the client clamps to the same.
  assert.equal(props['copydesk.duplicates.minWords'].minimum, MIN_WORDS_MIN);
  assert.equal(props['copydesk.duplicates.minWords'].maximum, MIN_WORDS_MAX);
  assert.equal(props['copydesk.debounceMs'].minimum, 0);
  assert.equal(props['copydesk.debounceMs'].maximum, DEBOUNCE_MAX);
  for (const code of CHECK_CODES) {
    assert.equal(props[`copydesk.checks.${code}.enabled`].type, 'boolean');
    assert.deepEqual(props[`copydesk.checks.${code}.severity`].enum, ['error', 'warning', 'information', 'hint']);
  }
  assert.deepEqual([...SEVERITIES], ['error', 'warning', 'information', 'hint']);
});

test('package.json: activation, command, entry point, engine', () => {
  assert.equal(SECTION, 'copydesk');
  assert.ok(pkg.activationEvents.includes('onLanguage:markdown'));
  assert.ok(pkg.activationEvents.includes('onLanguage:plaintext'));
  const cmd = pkg.contributes.commands.find((c) => c.command === 'copydesk.restartServer');
  assert.ok(cmd, 'copydesk.restartServer is contributed');
  assert.equal(`${cmd.category}: ${cmd.title}`, 'copydesk: Restart server');
  assert.equal(pkg.main, './dist/extension.js');
  // code-server 4.100.3 is VS Code 1.100: the engine range must accept it.
  const m = /^\^1\.(\d+)\.\d+$/.exec(pkg.engines.vscode);
  assert.ok(m && Number(m[1]) <= 100, `engines.vscode ${pkg.engines.vscode} accepts 1.100`);
  const typesVersion = /(\d+)\.(\d+)/.exec(pkg.devDependencies['@types/vscode']);
  assert.ok(Number(typesVersion[2]) <= Number(m[1]), '@types/vscode is not newer than engines.vscode (vsce requires it)');
});

test('DEFAULTS equal the defaults contributed in package.json', () => {
  assert.deepEqual(DEFAULTS, vscodeSectionFromDefaults());
  assert.deepEqual(readSettings(() => undefined), DEFAULTS);
});

test('initializationOptions have the shape of the synchronized section', () => {
  // vscode-languageclient sends getConfiguration('copydesk') as settings.copydesk in
  // workspace/didChangeConfiguration; initializationOptions must carry the same JSON.
  const section = vscodeSectionFromDefaults();
  const init = buildInitializationOptions(readSettings(getterFromObject(section)));
  assert.deepEqual(init, section);
  assert.deepEqual(JSON.parse(JSON.stringify(init)), init, 'plain JSON');
});

test('user values are read from nested and flat objects', () => {
  const nested = {
    trace: { server: 'verbose' },
    debounceMs: 250,
    duplicates: { threshold: 0.9, minWords: 12 },
    checks: { 'unattributed-quote': { enabled: false, severity: 'hint' }, 'repeated-heading': { severity: 'error' } },
    server: { path: '/opt/copydesk' },
  };
  const flat = {
    'trace.server': 'verbose',
    debounceMs: 250,
    'duplicates.threshold': 0.9,
    'duplicates.minWords': 12,
    'checks.unattributed-quote.enabled': false,
    'checks.unattributed-quote.severity': 'hint',
    'checks.repeated-heading.severity': 'error',
    'server.path': '/opt/copydesk',
  };
  for (const obj of [nested, flat]) {
    const s = readSettings(getterFromObject(obj));
    assert.equal(s.trace.server, 'verbose');
    assert.equal(s.debounceMs, 250);
    assert.deepEqual(s.duplicates, { threshold: 0.9, minWords: 12 });
    assert.deepEqual(s.checks['unattributed-quote'], { enabled: false, severity: 'hint' });
    assert.deepEqual(s.checks['repeated-heading'], { enabled: true, severity: 'error' });
    assert.deepEqual(s.checks['duplicate-passage'], { enabled: true, severity: 'warning' });
    assert.equal(s.server.path, '/opt/copydesk');
  }
});

test('invalid values fall back to the defaults or are clamped', () => {
  const s = readSettings(
    getterFromObject({
      trace: { server: 'loud' },
      debounceMs: -5,
      duplicates: { threshold: 0.2, minWords: 3.6 },
      checks: { 'repeated-heading': { enabled: 'yes', severity: 'fatal' } },
      server: { path: 42 },
    }),
  );
  assert.equal(s.trace.server, 'off');
  assert.equal(s.debounceMs, 0);
  assert.equal(s.duplicates.threshold, 0.5);
  assert.equal(s.duplicates.minWords, 4);
  assert.deepEqual(s.checks['repeated-heading'], { enabled: true, severity: 'warning' });
  assert.equal(s.server.path, '');
  assert.equal(readSettings(getterFromObject({ duplicates: { threshold: 1.5 } })).duplicates.threshold, 1);
  assert.equal(readSettings(getterFromObject({ debounceMs: Number.NaN })).debounceMs, 100);
  assert.equal(readSettings(getterFromObject({ debounceMs: 99_999 })).debounceMs, DEBOUNCE_MAX);
  assert.equal(readSettings(getterFromObject({ duplicates: { minWords: 1 } })).duplicates.minWords, MIN_WORDS_MIN);
});

test('initializationOptions are a copy', () => {
  const s = readSettings(() => undefined);
  const init = buildInitializationOptions(s);
  s.checks['repeated-heading'].enabled = false;
  assert.equal(init.checks['repeated-heading'].enabled, true);
});

test('the bundle exists and keeps vscode external', () => {
  const src = require('node:fs').readFileSync(path.join(__dirname, '..', '..', 'dist', 'extension.js'), 'utf8');
  assert.match(src, /require\(["']vscode["']\)/, 'vscode stays external');
  assert.match(src, /copydesk\.restartServer/);
});
