// The copydesk settings: the contributed schema, reading, and the JSON sent to the
// server (only what the user set, so that copydesk.toml supplies the rest).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const {
  readSettings,
  buildInitializationOptions,
  buildServerSettings,
  configurationAnswer,
  isCopydeskSection,
  inspectorFromLayers,
  userValue,
  getterFromObject,
  SERVER_SETTINGS,
  CLIENT_ONLY_KEYS,
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
  'copydesk.include',
  'copydesk.exclude',
  'copydesk.duplicates.threshold',
  'copydesk.duplicates.minWords',
  'copydesk.attribution.verbs',
  'copydesk.attribution.cues',
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
  for (const key of ['include', 'exclude', 'attribution.verbs', 'attribution.cues']) {
    const schema = props[`copydesk.${key}`];
    assert.equal(schema.type, 'array', key);
    assert.deepEqual(schema.items, { type: 'string' }, key);
    assert.deepEqual(schema.default, [], key);
  }
  assert.deepEqual([...SEVERITIES], ['error', 'warning', 'information', 'hint']);
});

test('every contributed setting is either sent to the server or the client\'s own', () => {
  const serverKeys = SERVER_SETTINGS.map((s) => `copydesk.${s.key}`);
  const clientKeys = CLIENT_ONLY_KEYS.map((k) => `copydesk.${k}`);
  assert.deepEqual([...serverKeys, ...clientKeys].sort(), Object.keys(props).sort());
  // The checks done before sending match the contributed schema.
  for (const { key, kind } of SERVER_SETTINGS) {
    const schema = props[`copydesk.${key}`];
    const type = { boolean: 'boolean', enum: 'string', strings: 'array' }[kind.type];
    if (type) assert.equal(schema.type, type, key);
    if (kind.type === 'enum') assert.deepEqual([...kind.values], schema.enum, key);
    if (kind.type === 'number') {
      assert.equal(kind.min, schema.minimum, key);
      assert.equal(kind.max, schema.maximum, key);
      assert.equal(!!kind.integer, schema.type === 'integer' || key === 'debounceMs', key);
    }
  }
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
  assert.deepEqual(readSettings(getterFromObject({ include: 'x', exclude: ['a/', 3] })).include, []);
  assert.deepEqual(readSettings(getterFromObject({ exclude: ['a/', 3] })).exclude, ['a/']);
});

/** What `WorkspaceConfiguration.inspect(key)` gives with nothing set: only the contributed default. */
function vscodeInspectDefaultsOnly(key) {
  const schema = props[`copydesk.${key}`];
  return schema ? { key: `copydesk.${key}`, defaultValue: schema.default } : undefined;
}

test('defaults are not sent: an all-defaults configuration gives {}', () => {
  assert.deepEqual(buildServerSettings(vscodeInspectDefaultsOnly), {});
  assert.deepEqual(buildServerSettings(inspectorFromLayers({})), {});
  assert.deepEqual(buildServerSettings(() => undefined), {});
  // The client's own settings are never sent, set or not.
  const clientOnly = { server: { path: '/opt/copydesk' }, trace: { server: 'verbose' } };
  assert.deepEqual(buildServerSettings(inspectorFromLayers({ global: clientOnly, workspace: clientOnly })), {});
  // null in a layer means "not set" there.
  assert.deepEqual(buildServerSettings(inspectorFromLayers({ global: { debounceMs: null } })), {});
});

test('user-set values are sent, even when equal to the default', () => {
  const sent = buildServerSettings(
    inspectorFromLayers({ global: { debounceMs: 100, duplicates: { minWords: 12 } } }),
  );
  assert.deepEqual(sent, { debounceMs: 100, duplicates: { minWords: 12 } });
  assert.deepEqual(
    buildServerSettings(
      inspectorFromLayers({
        workspace: {
          include: ['stories/**/*.md'],
          exclude: ['archive/', '*.draft.md'],
          attribution: { verbs: ['quipped'], cues: ['in a filing'] },
        },
      }),
    ),
    {
      include: ['stories/**/*.md'],
      exclude: ['archive/', '*.draft.md'],
      attribution: { verbs: ['quipped'], cues: ['in a filing'] },
    },
  );
  // An explicitly empty list is a value too (it overrides copydesk.toml's).
  assert.deepEqual(buildServerSettings(inspectorFromLayers({ global: { exclude: [] } })), { exclude: [] });
});

test('the most specific value wins: workspace folder, then workspace, then user', () => {
  const key = 'checks.repeated-heading.severity';
  assert.equal(userValue({ defaultValue: 'warning' }), undefined);
  assert.equal(userValue({ defaultValue: 'warning', globalValue: 'error' }), 'error');
  assert.equal(userValue({ globalValue: 'error', workspaceValue: 'hint' }), 'hint');
  assert.equal(userValue({ globalValue: 'error', workspaceValue: 'hint', workspaceFolderValue: 'information' }), 'information');
  assert.equal(userValue({ globalValue: false, workspaceValue: undefined }), false, 'false is a value');
  assert.equal(userValue({ globalValue: 0 }), 0, '0 is a value');
  const sent = buildServerSettings(
    inspectorFromLayers({
      global: { [key]: 'error', debounceMs: 300 },
      workspace: { [key]: 'hint' },
      workspaceFolder: { [key]: 'information' },
    }),
  );
  assert.deepEqual(sent, { debounceMs: 300, checks: { 'repeated-heading': { severity: 'information' } } });
});

test('nested keys: checks.<code>.enabled / .severity and duplicates.* are built as nested objects', () => {
  const flat = {
    'checks.repeated-heading.severity': 'error',
    'checks.duplicate-passage.enabled': false,
    'checks.unattributed-quote.enabled': true,
    'checks.unattributed-quote.severity': 'hint',
    'duplicates.threshold': 0.9,
  };
  const expected = {
    duplicates: { threshold: 0.9 },
    checks: {
      'repeated-heading': { severity: 'error' },
      'duplicate-passage': { enabled: false },
      'unattributed-quote': { enabled: true, severity: 'hint' },
    },
  };
  // Flat keys (settings.json) and nested objects give the same JSON.
  assert.deepEqual(buildServerSettings(inspectorFromLayers({ global: flat })), expected);
  assert.deepEqual(buildServerSettings(inspectorFromLayers({ global: expected })), expected);
  // Spread over layers, still one nested object.
  assert.deepEqual(
    buildServerSettings(
      inspectorFromLayers({
        global: { 'checks.repeated-heading.severity': 'error', 'checks.unattributed-quote.severity': 'hint' },
        workspace: { 'checks.duplicate-passage.enabled': false, 'duplicates.threshold': 0.9 },
        workspaceFolder: { 'checks.unattributed-quote.enabled': true },
      }),
    ),
    expected,
  );
  for (const code of CHECK_CODES) {
    for (const severity of SEVERITIES) {
      const sent = buildServerSettings(inspectorFromLayers({ global: { [`checks.${code}.severity`]: severity } }));
      assert.deepEqual(sent, { checks: { [code]: { severity } } });
    }
  }
});

test('values of the wrong type are not sent (and reported); numbers are clamped', () => {
  const problems = [];
  const sent = buildServerSettings(
    inspectorFromLayers({
      global: {
        debounceMs: 99_999,
        duplicates: { threshold: 0.2, minWords: 'many' },
        include: 'stories/',
        exclude: ['archive/', 7],
        checks: { 'repeated-heading': { enabled: 'yes', severity: 'fatal' }, 'duplicate-passage': { severity: 'hint' } },
      },
    }),
    problems,
  );
  assert.deepEqual(sent, {
    debounceMs: DEBOUNCE_MAX,
    exclude: ['archive/'],
    duplicates: { threshold: 0.5 },
    checks: { 'duplicate-passage': { severity: 'hint' } },
  });
  assert.equal(problems.length, 4, problems.join('\n'));
  for (const key of ['duplicates.minWords', 'include', 'checks.repeated-heading.enabled', 'checks.repeated-heading.severity']) {
    assert.ok(problems.some((p) => p.startsWith(`copydesk.${key}:`)), `${key} reported: ${problems}`);
  }
  assert.deepEqual(buildServerSettings(inspectorFromLayers({ global: { duplicates: { minWords: 1 } } })), {
    duplicates: { minWords: MIN_WORDS_MIN },
  });
  assert.deepEqual(buildServerSettings(inspectorFromLayers({ global: { duplicates: { minWords: 3.6 } } })), {
    duplicates: { minWords: 4 },
  });
  assert.deepEqual(buildServerSettings(inspectorFromLayers({ global: { debounceMs: Number.NaN } })), {});
});

test('workspace/configuration answers carry the same filtered JSON', () => {
  const sent = buildServerSettings(
    inspectorFromLayers({ global: { 'checks.repeated-heading.severity': 'error', debounceMs: 50 } }),
  );
  assert.ok(isCopydeskSection('copydesk'));
  assert.ok(isCopydeskSection('copydesk.checks'));
  assert.ok(!isCopydeskSection('copydeskx'));
  assert.ok(!isCopydeskSection(undefined));
  assert.ok(!isCopydeskSection(null));
  assert.deepEqual(configurationAnswer('copydesk', sent), sent);
  assert.notEqual(configurationAnswer('copydesk', sent), sent, 'a copy');
  assert.deepEqual(configurationAnswer('copydesk.checks', sent), { 'repeated-heading': { severity: 'error' } });
  assert.equal(configurationAnswer('copydesk.debounceMs', sent), 50);
  assert.equal(configurationAnswer('copydesk.duplicates', sent), null, 'nothing set there');
  assert.deepEqual(configurationAnswer('copydesk', {}), {});
});

test('initializationOptions are the filtered section, as a copy', () => {
  const sent = buildServerSettings(inspectorFromLayers({ global: { 'checks.repeated-heading.enabled': false } }));
  const init = buildInitializationOptions(sent);
  assert.deepEqual(init, { checks: { 'repeated-heading': { enabled: false } } });
  assert.deepEqual(JSON.parse(JSON.stringify(init)), init, 'plain JSON');
  sent.checks['repeated-heading'].enabled = true;
  assert.equal(init.checks['repeated-heading'].enabled, false);
  assert.deepEqual(buildInitializationOptions(buildServerSettings(inspectorFromLayers({}))), {});
});

test('the bundle exists and keeps vscode external', () => {
  const src = require('node:fs').readFileSync(path.join(__dirname, '..', '..', 'dist', 'extension.js'), 'utf8');
  assert.match(src, /require\(["']vscode["']\)/, 'vscode stays external');
  assert.match(src, /copydesk\.restartServer/);
});
