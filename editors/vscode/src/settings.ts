// The `copydesk` settings section: reading it, checking it, and shaping it for
// the server. This module must not import `vscode` (unit-tested as plain Node).
//
// The shape sent to the server is the one VS Code itself produces for the
// section (dotted keys become nested objects), so initializationOptions and
// workspace/didChangeConfiguration (`settings.copydesk`) carry the same JSON:
//
//   {
//     "server": { "path": "" },
//     "trace": { "server": "off" },
//     "debounceMs": 100,
//     "duplicates": { "threshold": 0.8, "minWords": 8 },
//     "checks": {
//       "repeated-heading":   { "enabled": true, "severity": "warning" },
//       "duplicate-passage":  { "enabled": true, "severity": "warning" },
//       "unattributed-quote": { "enabled": true, "severity": "warning" }
//     }
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

export interface CopydeskSettings {
  server: { path: string };
  trace: { server: TraceLevel };
  debounceMs: number;
  duplicates: { threshold: number; minWords: number };
  checks: Record<CheckCode, CheckSettings>;
}

/** The defaults, identical to those contributed in package.json (a unit test checks this). */
export const DEFAULTS: CopydeskSettings = {
  server: { path: '' },
  trace: { server: 'off' },
  debounceMs: 100,
  duplicates: { threshold: 0.8, minWords: 8 },
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

function pickNumber(value: unknown, fallback: number, min: number, max: number, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  let n = integer ? Math.round(value) : value;
  if (n < min) n = min;
  if (n > max) n = max;
  return n;
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
    duplicates: {
      threshold: pickNumber(get('duplicates.threshold'), DEFAULTS.duplicates.threshold, THRESHOLD_MIN, THRESHOLD_MAX),
      minWords: pickNumber(get('duplicates.minWords'), DEFAULTS.duplicates.minWords, MIN_WORDS_MIN, MIN_WORDS_MAX, true),
    },
    checks,
  };
}

/**
 * The `initializationOptions` of the initialize request: the section's
 * settings, in the same nested shape as `settings.copydesk` in
 * workspace/didChangeConfiguration.
 */
export function buildInitializationOptions(settings: CopydeskSettings): CopydeskSettings {
  // A deep copy, so later changes to `settings` do not alter what was sent.
  return JSON.parse(JSON.stringify(settings)) as CopydeskSettings;
}
