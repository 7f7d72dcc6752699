// The `copydesk` settings section: reading it, checking it, and shaping it for
// the server. This module must not import `vscode` (unit-tested as plain Node).
//
// The server layers its settings: its built-in defaults, then `copydesk.toml`
// at the workspace root, then what the editor sends, key by key. So the
// extension sends ONLY the values the user has set (in user, workspace or
// workspace-folder settings; the most specific wins), never the defaults
// contributed in package.json: a key left unset comes from copydesk.toml, or
// else from the server's defaults. The client's own keys (`server.path`,
// `trace.server`) are never sent.
//
// initializationOptions, workspace/didChangeConfiguration (`settings.copydesk`)
// and the answer to workspace/configuration for `copydesk` all carry the same
// nested JSON (dotted keys become nested objects). With nothing set it is `{}`;
// with, say, a severity and exclude globs set:
//
//   {
//     "exclude": ["archive/**"],
//     "checks": { "repeated-heading": { "severity": "error" } }
//   }

export const SECTION = 'copydesk';

export const CHECK_CODES = ['repeated-heading', 'duplicate-passage', 'unattributed-quote'] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const TRACE_LEVELS = ['off', 'messages', 'verbose'] as const;
export type TraceLevel = (typeof TRACE_LEVELS)[number];

export interface CheckSettings {
  enabled: boolean;
  severity: Severity;
}

/** The whole section as VS Code sees it, defaults included (the client's own view). */
export interface CopydeskSettings {
  server: { path: string };
  trace: { server: TraceLevel };
  debounceMs: number;
  include: string[];
  exclude: string[];
  duplicates: { threshold: number; minWords: number };
  attribution: { verbs: string[]; cues: string[] };
  checks: Record<CheckCode, CheckSettings>;
}

/** The defaults, identical to those contributed in package.json (a unit test checks this). */
export const DEFAULTS: CopydeskSettings = {
  server: { path: '' },
  trace: { server: 'off' },
  debounceMs: 100,
  include: [],
  exclude: [],
  duplicates: { threshold: 0.8, minWords: 8 },
  attribution: { verbs: [], cues: [] },
  checks: {
    'repeated-heading': { enabled: true, severity: 'warning' },
    'duplicate-passage': { enabled: true, severity: 'warning' },
    'unattributed-quote': { enabled: true, severity: 'warning' },
  },
};

export const THRESHOLD_MIN = 0.5;
export const THRESHOLD_MAX = 1;
export const DEBOUNCE_MAX = 10_000;
export const MIN_WORDS_MIN = 3;
export const MIN_WORDS_MAX = 200;

/**
 * Reads one setting by its key inside the section, e.g. `debounceMs` or
 * `checks.repeated-heading.enabled`. `vscode.WorkspaceConfiguration.get` fits.
 */
export type SettingGetter = (key: string) => unknown;

/** A getter over a plain object, nested (`{checks: {...}}`) or flat (`{"checks.x.enabled": true}`). */
export function getterFromObject(obj: unknown): SettingGetter {
  return (key: string) => {
    if (obj === null || typeof obj !== 'object') return undefined;
    const rec = obj as Record<string, unknown>;
    if (Object.prototype.hasOwnProperty.call(rec, key)) return rec[key];
    // Nested lookup; check codes contain '-' but never '.', so splitting on '.' is safe.
    let cur: unknown = rec;
    for (const part of key.split('.')) {
      if (cur === null || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string, unknown>)[part];
    }
    return cur;
  };
}

function pickEnum<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function clampNumber(value: unknown, min: number, max: number, integer = false): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  let n = integer ? Math.round(value) : value;
  if (n < min) n = min;
  if (n > max) n = max;
  return n;
}

function pickNumber(value: unknown, fallback: number, min: number, max: number, integer = false): number {
  return clampNumber(value, min, max, integer) ?? fallback;
}

/** A list of strings: non-string items are dropped; anything but an array gives undefined. */
function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is string => typeof item === 'string');
}

/** Reads the whole section through `get`, replacing missing or invalid values by the defaults. */
export function readSettings(get: SettingGetter): CopydeskSettings {
  const checks = {} as Record<CheckCode, CheckSettings>;
  for (const code of CHECK_CODES) {
    const enabled = get(`checks.${code}.enabled`);
    checks[code] = {
      enabled: typeof enabled === 'boolean' ? enabled : DEFAULTS.checks[code].enabled,
      severity: pickEnum(get(`checks.${code}.severity`), SEVERITIES, DEFAULTS.checks[code].severity),
    };
  }
  const serverPath = get('server.path');
  return {
    server: { path: typeof serverPath === 'string' ? serverPath : DEFAULTS.server.path },
    trace: { server: pickEnum(get('trace.server'), TRACE_LEVELS, DEFAULTS.trace.server) },
    debounceMs: pickNumber(get('debounceMs'), DEFAULTS.debounceMs, 0, DEBOUNCE_MAX, true),
    include: stringList(get('include')) ?? [...DEFAULTS.include],
    exclude: stringList(get('exclude')) ?? [...DEFAULTS.exclude],
    duplicates: {
      threshold: pickNumber(get('duplicates.threshold'), DEFAULTS.duplicates.threshold, THRESHOLD_MIN, THRESHOLD_MAX),
      minWords: pickNumber(get('duplicates.minWords'), DEFAULTS.duplicates.minWords, MIN_WORDS_MIN, MIN_WORDS_MAX, true),
    },
    attribution: {
      verbs: stringList(get('attribution.verbs')) ?? [...DEFAULTS.attribution.verbs],
      cues: stringList(get('attribution.cues')) ?? [...DEFAULTS.attribution.cues],
    },
    checks,
  };
}

// ---------------------------------------------------------------------------
// What is sent to the server: the values the user set, nothing else.

/** How the value of one server setting is checked before it is sent. */
export type SettingKind =
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'number'; min: number; max: number; integer?: boolean }
  | { type: 'strings' };

/** The settings the server reads, by key inside the section. `server.*` and `trace.*` are the client's. */
export const SERVER_SETTINGS: ReadonlyArray<{ key: string; kind: SettingKind }> = [
  { key: 'debounceMs', kind: { type: 'number', min: 0, max: DEBOUNCE_MAX, integer: true } },
  { key: 'include', kind: { type: 'strings' } },
  { key: 'exclude', kind: { type: 'strings' } },
  { key: 'duplicates.threshold', kind: { type: 'number', min: THRESHOLD_MIN, max: THRESHOLD_MAX } },
  { key: 'duplicates.minWords', kind: { type: 'number', min: MIN_WORDS_MIN, max: MIN_WORDS_MAX, integer: true } },
  { key: 'attribution.verbs', kind: { type: 'strings' } },
  { key: 'attribution.cues', kind: { type: 'strings' } },
  ...CHECK_CODES.flatMap((code) => [
    { key: `checks.${code}.enabled`, kind: { type: 'boolean' } as const },
    { key: `checks.${code}.severity`, kind: { type: 'enum', values: SEVERITIES } as const },
  ]),
];

/** Keys of the section that only the client reads; never sent to the server. */
export const CLIENT_ONLY_KEYS = ['server.path', 'trace.server'] as const;

/**
 * Where one setting's value comes from; `vscode.WorkspaceConfiguration.inspect(key)`
 * returns this shape (plus language-specific values, which copydesk does not use).
 */
export interface SettingInspection {
  defaultValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/** Inspects one setting by its key inside the section; `(key) => config.inspect(key)` fits. */
export type SettingInspector = (key: string) => SettingInspection | undefined;

/** The JSON sent to the server for the section: nested, holding only the keys the user set. */
export type ServerSettings = { [key: string]: unknown };

/**
 * The value the user set for a setting: workspace folder over workspace over
 * user (global) settings. `undefined` when only the default applies.
 */
export function userValue(inspection: SettingInspection | undefined): unknown {
  if (!inspection) return undefined;
  for (const value of [inspection.workspaceFolderValue, inspection.workspaceValue, inspection.globalValue]) {
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/** `value` checked against `kind` (numbers clamped into range); `undefined` when unusable. */
function sanitize(value: unknown, kind: SettingKind): unknown {
  switch (kind.type) {
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'enum':
      return typeof value === 'string' && kind.values.includes(value) ? value : undefined;
    case 'number':
      return clampNumber(value, kind.min, kind.max, kind.integer);
    case 'strings':
      return stringList(value);
  }
}

function setPath(target: ServerSettings, key: string, value: unknown): void {
  const parts = key.split('.');
  let cur = target;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) cur[part] = {};
    cur = cur[part] as ServerSettings;
  }
  cur[parts[parts.length - 1]] = value;
}

/**
 * The `copydesk` section as sent to the server (initializationOptions,
 * `settings.copydesk` of workspace/didChangeConfiguration, the answer to
 * workspace/configuration): only the server's keys the user actually set, with
 * their most specific value, nested by their dotted keys. A value set to the
 * same as the default is still sent (it overrides copydesk.toml); a key whose
 * only value is the default is left out. Values of the wrong type are left out
 * too, and described in `problems` when it is given.
 */
export function buildServerSettings(inspect: SettingInspector, problems?: string[]): ServerSettings {
  const out: ServerSettings = {};
  for (const { key, kind } of SERVER_SETTINGS) {
    const raw = userValue(inspect(key));
    if (raw === undefined) continue;
    const value = sanitize(raw, kind);
    if (value === undefined) {
      problems?.push(`${SECTION}.${key}: ignoring ${JSON.stringify(raw)} (not a valid value)`);
      continue;
    }
    setPath(out, key, value);
  }
  return out;
}

/** The setting layers of a test or a plain object, each nested or flat like `getterFromObject` takes. */
export interface SettingLayers {
  /** Defaults to DEFAULTS. */
  defaults?: unknown;
  global?: unknown;
  workspace?: unknown;
  workspaceFolder?: unknown;
}

/** An inspector over plain objects, shaped like what `WorkspaceConfiguration.inspect` returns. */
export function inspectorFromLayers(layers: SettingLayers): SettingInspector {
  const defaults = getterFromObject(layers.defaults ?? DEFAULTS);
  const global = getterFromObject(layers.global);
  const workspace = getterFromObject(layers.workspace);
  const folder = getterFromObject(layers.workspaceFolder);
  return (key) => ({
    defaultValue: defaults(key),
    globalValue: global(key),
    workspaceValue: workspace(key),
    workspaceFolderValue: folder(key),
  });
}

/**
 * The answer to a workspace/configuration item whose section is `copydesk` or
 * lies inside it (`copydesk.checks`); `null` when the section holds nothing set.
 */
export function configurationAnswer(section: string, settings: ServerSettings): unknown {
  if (section === SECTION) return deepCopy(settings);
  if (!section.startsWith(`${SECTION}.`)) return null;
  const value = getterFromObject(settings)(section.slice(SECTION.length + 1));
  return value === undefined ? null : deepCopy(value);
}

/** Whether a workspace/configuration section is `copydesk` or lies inside it. */
export function isCopydeskSection(section: string | null | undefined): section is string {
  return typeof section === 'string' && (section === SECTION || section.startsWith(`${SECTION}.`));
}

function deepCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The `initializationOptions` of the initialize request: the section as built
 * by `buildServerSettings`, in the same nested shape as `settings.copydesk` in
 * workspace/didChangeConfiguration.
 */
export function buildInitializationOptions(settings: ServerSettings): ServerSettings {
  // A deep copy, so later changes to `settings` do not alter what was sent.
  return deepCopy(settings);
}
