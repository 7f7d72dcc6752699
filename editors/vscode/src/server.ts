// Finding the copydesk server binary.
//
// This module must not import `vscode`: it is loaded as plain Node by the
// unit tests (test/unit/*.test.js, through the tsc output in out/).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The setting that points at the server binary; named in every error message. */
export const SERVER_PATH_SETTING = 'copydesk.server.path';

/** Where the binary was found, in resolution order. */
export type ServerSource = 'setting' | 'bundled' | 'path';

export interface ResolvedServer {
  /** Absolute path of the executable to spawn. */
  command: string;
  /** Arguments for the language server mode (the client appends `--stdio`). */
  args: string[];
  source: ServerSource;
}

export interface ResolveOptions {
  /** Value of `copydesk.server.path` (empty, null or undefined when unset). */
  settingPath?: string | null;
  /** The extension's install folder; the bundled binary is `server/copydesk` inside it. */
  extensionPath?: string;
  /** The PATH to search; defaults to process.env.PATH. */
  envPath?: string;
  /** Windows PATHEXT; defaults to process.env.PATHEXT. */
  pathExt?: string;
  /** Defaults to process.platform. */
  platform?: NodeJS.Platform;
  /** First workspace folder: relative setting paths and `${workspaceFolder}` resolve against it. */
  workspaceFolder?: string;
  /** Used for a leading `~`; defaults to os.homedir(). */
  homeDir?: string;
}

export class ServerNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerNotFoundError';
  }
}

export const SERVER_ARGS: readonly string[] = ['serve'];

/** File name of the server executable on a platform. */
export function executableName(platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? 'copydesk.exe' : 'copydesk';
}

/** Path of the binary bundled in the extension folder (it may not exist). */
export function bundledServerPath(extensionPath: string, platform: NodeJS.Platform = process.platform): string {
  return path.join(extensionPath, 'server', executableName(platform));
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** True when `p` is a regular file this process may execute. */
export function isExecutableFile(p: string, platform: NodeJS.Platform = process.platform): boolean {
  if (!isFile(p)) return false;
  if (platform === 'win32') return true;
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Expands `~`, `${userHome}` and `${workspaceFolder}`, and makes a relative path absolute. */
export function expandSettingPath(raw: string, opts: ResolveOptions = {}): string {
  const home = opts.homeDir ?? os.homedir();
  let p = raw.trim();
  if (p === '~') p = home;
  else if (p.startsWith('~/') || p.startsWith('~\\')) p = path.join(home, p.slice(2));
  p = p.replace(/\$\{userHome\}/g, home);
  if (opts.workspaceFolder) p = p.replace(/\$\{workspaceFolder\}/g, opts.workspaceFolder);
  if (!path.isAbsolute(p)) {
    p = path.resolve(opts.workspaceFolder ?? process.cwd(), p);
  }
  return p;
}

/** Searches PATH for the server executable; undefined when it is not there. */
export function findOnPath(opts: ResolveOptions = {}): string | undefined {
  const platform = opts.platform ?? process.platform;
  const envPath = opts.envPath ?? process.env.PATH ?? '';
  const delimiter = platform === 'win32' ? ';' : ':';
  const names =
    platform === 'win32'
      ? (opts.pathExt ?? process.env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM')
          .split(';')
          .filter(Boolean)
          .map((ext) => 'copydesk' + ext.toLowerCase())
      : ['copydesk'];
  for (const dir of envPath.split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isExecutableFile(candidate, platform)) return candidate;
    }
  }
  return undefined;
}

export function notFoundMessage(): string {
  return (
    'copydesk: the copydesk language server was not found. ' +
    `Set "${SERVER_PATH_SETTING}" to the path of the copydesk binary ` +
    '(for example the target/release/copydesk built by `cargo build --release`), ' +
    'or put `copydesk` on your PATH, then run "copydesk: Restart server".'
  );
}

export function badSettingMessage(configured: string, resolved: string, reason: string): string {
  const shown = configured.trim() === resolved ? resolved : `${configured.trim()} (${resolved})`;
  return (
    `copydesk: the server binary set in "${SERVER_PATH_SETTING}" ${reason}: ${shown}. ` +
    `Fix "${SERVER_PATH_SETTING}", or clear it to use the bundled server or \`copydesk\` on your PATH.`
  );
}

/**
 * Finds the server binary in this order:
 *  1. the `copydesk.server.path` setting (an error if it is set but unusable),
 *  2. `server/copydesk` bundled in the extension folder,
 *  3. `copydesk` on PATH.
 * Throws ServerNotFoundError, whose message names `copydesk.server.path`, when none is found.
 */
export function resolveServer(opts: ResolveOptions = {}): ResolvedServer {
  const platform = opts.platform ?? process.platform;
  const args = [...SERVER_ARGS];

  const setting = typeof opts.settingPath === 'string' ? opts.settingPath.trim() : '';
  if (setting !== '') {
    const resolved = expandSettingPath(setting, opts);
    if (!isFile(resolved)) {
      throw new ServerNotFoundError(badSettingMessage(setting, resolved, 'does not exist or is not a file'));
    }
    if (!isExecutableFile(resolved, platform)) {
      throw new ServerNotFoundError(badSettingMessage(setting, resolved, 'is not executable'));
    }
    return { command: resolved, args, source: 'setting' };
  }

  if (opts.extensionPath) {
    const bundled = bundledServerPath(opts.extensionPath, platform);
    if (isFile(bundled)) {
      if (!isExecutableFile(bundled, platform)) {
        // A .vsix does not always keep the executable bit: restore it.
        try {
          fs.chmodSync(bundled, 0o755);
        } catch {
          /* read-only install: fall through to PATH */
        }
      }
      if (isExecutableFile(bundled, platform)) {
        return { command: bundled, args, source: 'bundled' };
      }
    }
  }

  const onPath = findOnPath({ ...opts, platform });
  if (onPath) return { command: onPath, args, source: 'path' };

  throw new ServerNotFoundError(notFoundMessage());
}
