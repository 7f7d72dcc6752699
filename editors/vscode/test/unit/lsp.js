// A minimal LSP client over stdio for the protocol tests: Content-Length
// framing, requests with timeouts, notifications, and answers to the requests
// a server sends to its client (the way VS Code answers them).
'use strict';

const { spawn } = require('node:child_process');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const DEFAULT_BIN = path.join(REPO, 'target', 'release', process.platform === 'win32' ? 'copydesk.exe' : 'copydesk');

/** The server binary under test: $COPYDESK_BIN, else target/release/copydesk of this repo. */
function serverBinary() {
  return process.env.COPYDESK_BIN ? path.resolve(process.env.COPYDESK_BIN) : DEFAULT_BIN;
}

class LspConnection {
  /**
   * @param {string} command
   * @param {string[]} args
   * @param {{ configuration?: (section: string|undefined) => unknown }} [opts]
   */
  constructor(command, args, opts = {}) {
    this.proc = spawn(command, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, COPYDESK_LOG: process.env.COPYDESK_LOG || 'warn' },
    });
    this.nextId = 1;
    this.pending = new Map();
    this.notifications = [];
    this.serverRequests = [];
    this.waiters = [];
    this.stderr = '';
    this.buffer = Buffer.alloc(0);
    this.configuration = opts.configuration || (() => null);
    this.exited = new Promise((resolve) => {
      this.proc.on('exit', (code, signal) => {
        this.exitCode = code;
        this.exitSignal = signal;
        for (const { reject } of this.pending.values()) {
          reject(new Error(`server exited (code ${code}, signal ${signal}) before answering; stderr:\n${this.stderr}`));
        }
        this.pending.clear();
        resolve({ code, signal });
      });
    });
    this.spawnError = new Promise((resolve) => this.proc.on('error', resolve));
    this.proc.stderr.on('data', (d) => {
      this.stderr += d.toString();
      if (this.stderr.length > 100_000) this.stderr = this.stderr.slice(-50_000);
    });
    this.proc.stdout.on('data', (d) => this._onData(d));
    this.proc.stdin.on('error', () => {});
  }

  _onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) throw new Error(`bad header from server: ${JSON.stringify(header)}`);
      const length = Number(m[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this._onMessage(JSON.parse(body));
    }
  }

  _onMessage(msg) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.error) {
        const err = new Error(`${p.method}: ${msg.error.message} (${msg.error.code})`);
        err.code = msg.error.code;
        p.reject(err);
      } else p.resolve(msg.result);
      return;
    }
    if (msg.id !== undefined) {
      // A request from the server: answer as VS Code would.
      this.serverRequests.push(msg);
      let result = null;
      if (msg.method === 'workspace/configuration') {
        result = (msg.params?.items || []).map((item) => this.configuration(item.section));
      }
      this._send({ jsonrpc: '2.0', id: msg.id, result });
    } else {
      this.notifications.push(msg);
    }
    for (const w of [...this.waiters]) {
      if (w.predicate(msg)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        clearTimeout(w.timer);
        w.resolve(msg);
      }
    }
  }

  _send(obj) {
    const body = Buffer.from(JSON.stringify(obj), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request(method, params, timeoutMs = 10_000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer within ${timeoutMs} ms; stderr:\n${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer, method });
      this._send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this._send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first message (already received or future) that satisfies `predicate`. */
  waitFor(predicate, timeoutMs = 10_000, what = 'message') {
    const seen = [...this.notifications, ...this.serverRequests].find(predicate);
    if (seen) return Promise.resolve(seen);
    return this.waitForNext(predicate, timeoutMs, what);
  }

  /** Resolves with the next message received from now on that satisfies `predicate`. */
  waitForNext(predicate, timeoutMs = 10_000, what = 'message') {
    return new Promise((resolve, reject) => {
      const w = { predicate, resolve };
      w.timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        reject(new Error(`no ${what} within ${timeoutMs} ms; stderr:\n${this.stderr}`));
      }, timeoutMs);
      this.waiters.push(w);
    });
  }

  /** shutdown + exit; resolves with the exit code. Kills the process if it lingers. */
  async close(timeoutMs = 3000) {
    if (this.exitCode !== undefined) return this.exitCode;
    try {
      await this.request('shutdown', null, timeoutMs);
      this.notify('exit', null);
    } catch {
      /* fall through to kill */
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), timeoutMs);
    const { code } = await this.exited;
    clearTimeout(timer);
    return code;
  }

  kill() {
    if (this.exitCode === undefined) this.proc.kill('SIGKILL');
  }
}

/** Client capabilities close to what vscode-languageclient 9 sends. */
function clientCapabilities({ pullDiagnostics }) {
  const textDocument = {
    synchronization: { dynamicRegistration: true, didSave: true, willSave: true, willSaveWaitUntil: true },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: false,
      tagSupport: { valueSet: [1, 2] },
      codeDescriptionSupport: true,
      dataSupport: true,
    },
    hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      dynamicRegistration: true,
      isPreferredSupport: true,
      disabledSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
      codeActionLiteralSupport: {
        codeActionKind: {
          valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports'],
        },
      },
      honorsChangeAnnotations: false,
    },
  };
  if (pullDiagnostics) {
    textDocument.diagnostic = { dynamicRegistration: true, relatedDocumentSupport: false };
  }
  return {
    workspace: {
      applyEdit: true,
      workspaceEdit: { documentChanges: true },
      didChangeConfiguration: { dynamicRegistration: true },
      configuration: true,
      workspaceFolders: true,
      ...(pullDiagnostics ? { diagnostics: { refreshSupport: true } } : {}),
    },
    textDocument,
    window: { workDoneProgress: true, showMessage: {}, showDocument: { support: true } },
    general: { positionEncodings: ['utf-16'] },
  };
}

module.exports = { LspConnection, clientCapabilities, serverBinary, REPO };
