import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

import { resolveServer, type ResolvedServer, SERVER_PATH_SETTING, ServerNotFoundError } from './server';
import {
  buildInitializationOptions,
  buildServerSettings,
  configurationAnswer,
  isCopydeskSection,
  readSettings,
  SECTION,
  SERVER_SETTINGS,
  type ServerSettings,
} from './settings';

/** What `activate` returns; the end-to-end test reads it through `extension.exports`. */
export interface CopydeskApi {
  /** The server that is running (or was last started), if any. */
  readonly server: ResolvedServer | undefined;
  /** The running language client, if any. */
  readonly client: LanguageClient | undefined;
  /** The last start-up error shown to the user, if the server is not running. */
  readonly lastError: string | undefined;
  /** Stops the server (if running) and starts it again. */
  restart(): Promise<void>;
}

const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'untitled', language: 'plaintext' },
];

let client: LanguageClient | undefined;
let server: ResolvedServer | undefined;
let lastError: string | undefined;
let output: vscode.OutputChannel | undefined;
let extensionPath = '';
/** Serialises start/stop so that a restart never races another one. */
let pending: Promise<void> = Promise.resolve();

function log(message: string): void {
  output?.appendLine(`[${new Date().toISOString()}] ${message}`);
}

function workspaceFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

let lastSettingsProblems = '';

/**
 * The `copydesk` section for the server: only what the user set (user, workspace
 * or workspace-folder settings, most specific wins), never the contributed
 * defaults, so that keys left unset come from copydesk.toml. `scope` defaults to
 * the first workspace folder (the server's root).
 */
function serverSettings(scope?: vscode.Uri): ServerSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope ?? vscode.workspace.workspaceFolders?.[0]?.uri);
  const problems: string[] = [];
  const settings = buildServerSettings((key) => config.inspect(key), problems);
  const summary = problems.join('; ');
  if (summary && summary !== lastSettingsProblems) log(`settings: ${summary}`);
  lastSettingsProblems = summary;
  return settings;
}

/**
 * Answers the server's workspace/configuration requests for `copydesk` (or a
 * key inside it) with the filtered section: vscode-languageclient's own answer
 * is the raw section, defaults included, which would hide copydesk.toml.
 */
const configurationMiddleware: Middleware['workspace'] = {
  async configuration(params, token, next) {
    const answered = await next(params, token);
    if (!Array.isArray(answered)) return answered; // a ResponseError
    return params.items.map((item, i) => {
      const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
      if (isCopydeskSection(item.section)) return configurationAnswer(item.section, serverSettings(scope));
      const whole = answered[i];
      if ((item.section === undefined || item.section === null) && whole && typeof whole === 'object') {
        return { ...(whole as object), [SECTION]: serverSettings(scope) };
      }
      return whole;
    });
  },
};

/**
 * Sends the filtered section as workspace/didChangeConfiguration (instead of
 * vscode-languageclient's `synchronize.configurationSection`, which sends the
 * raw section, defaults included).
 */
async function sendSettings(): Promise<void> {
  const current = client;
  if (!current || !current.isRunning()) return;
  try {
    await current.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { [SECTION]: serverSettings() },
    });
  } catch (err) {
    log(`sending the settings to the server: ${String(err)}`);
  }
}

/** Whether a configuration change touches a setting the server reads. */
function affectsServerSettings(e: vscode.ConfigurationChangeEvent): boolean {
  return SERVER_SETTINGS.some(({ key }) => e.affectsConfiguration(`${SECTION}.${key}`));
}

function showError(message: string): void {
  lastError = message;
  log(message);
  // Not awaited: the promise settles only when the user dismisses the message.
  void vscode.window.showErrorMessage(message, 'Open Settings', 'Show Output').then((choice) => {
    if (choice === 'Open Settings') {
      void vscode.commands.executeCommand('workbench.action.openSettings', SERVER_PATH_SETTING);
    } else if (choice === 'Show Output') {
      output?.show(true);
    }
  });
}

async function startClient(): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const settings = readSettings((key) => config.get(key));

  try {
    server = resolveServer({
      settingPath: settings.server.path,
      extensionPath,
      workspaceFolder: workspaceFolder(),
    });
  } catch (err) {
    server = undefined;
    showError(err instanceof ServerNotFoundError ? err.message : `copydesk: ${String(err)}`);
    return;
  }
  log(`starting ${server.command} ${server.args.join(' ')} (found via ${server.source})`);

  const executable = { command: server.command, args: server.args, transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    // No synchronize.configurationSection: settings changes are sent by
    // sendSettings(), filtered, and workspace/configuration is answered by the
    // middleware, so that keys the user has not set come from copydesk.toml.
    initializationOptions: buildInitializationOptions(serverSettings()),
    middleware: { workspace: configurationMiddleware },
    outputChannel: output,
    diagnosticCollectionName: 'copydesk',
  };

  // The id 'copydesk' makes the client read `copydesk.trace.server` itself.
  const next = new LanguageClient('copydesk', 'copydesk', serverOptions, clientOptions);
  client = next;
  try {
    await next.start();
    lastError = undefined;
    log('server started');
  } catch (err) {
    client = undefined;
    showError(
      `copydesk: the server at ${server.command} failed to start: ${err instanceof Error ? err.message : String(err)}. ` +
        `Check "${SERVER_PATH_SETTING}".`,
    );
    try {
      await next.dispose(2000);
    } catch {
      /* already dead */
    }
  }
}

async function stopClient(): Promise<void> {
  const current = client;
  client = undefined;
  if (!current) return;
  try {
    await current.dispose(2000);
  } catch (err) {
    log(`stopping the server: ${String(err)}`);
  }
}

function restart(): Promise<void> {
  pending = pending.then(async () => {
    log('restarting the server');
    await stopClient();
    await startClient();
  });
  return pending;
}

export async function activate(context: vscode.ExtensionContext): Promise<CopydeskApi> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel('copydesk');
  context.subscriptions.push(output);

  context.subscriptions.push(
    vscode.commands.registerCommand('copydesk.restartServer', async () => {
      await restart();
      if (client) void vscode.window.setStatusBarMessage('copydesk: server restarted', 3000);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // A new binary needs a new process (which gets the settings at start-up);
      // the server's settings reach the running server through
      // workspace/didChangeConfiguration, only the values the user set.
      if (e.affectsConfiguration(SERVER_PATH_SETTING)) {
        void restart();
      } else if (affectsServerSettings(e)) {
        pending = pending.then(sendSettings);
      }
    }),
  );

  pending = pending.then(startClient);
  await pending;

  return {
    get server() {
      return server;
    },
    get client() {
      return client;
    },
    get lastError() {
      return lastError;
    },
    restart,
  };
}

export async function deactivate(): Promise<void> {
  await pending.catch(() => undefined);
  await stopClient();
}
