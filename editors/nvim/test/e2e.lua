-- Headless end-to-end test of the copydesk Neovim client against the real server.
--
--   COPYDESK_E2E_MODE=enable  nvim --headless --clean -c 'luafile editors/nvim/test/e2e.lua'
--
-- Modes:
--   enable      Neovim 0.11+ path: lsp/copydesk.lua + vim.lsp.enable('copydesk'), no user
--               settings: the workspace's copydesk.toml sets the repeated-heading severity
--   setup       require('copydesk').setup(opts) (the 0.8-0.10 path), with custom settings
--               that override copydesk.toml for one key and leave another to it
--   setup-push  setup() with the client's textDocument.diagnostic capability removed, so the
--               server must fall back to push diagnostics (what Neovim < 0.10 sees)
--
-- Environment:
--   COPYDESK_BIN         server binary (default <repo>/target/release/copydesk)
--   COPYDESK_E2E_TIMEOUT per-wait timeout in ms (default 10000)
--
-- Prints one line per check, then `nvim-e2e[<mode>]: N passed, M failed`, and exits
-- non-zero (cquit) when anything failed.

local script = debug.getinfo(1, 'S').source:sub(2)
local test_dir = vim.fn.fnamemodify(script, ':p:h')
local plugin_dir = vim.fn.fnamemodify(test_dir, ':h')
local repo_dir = vim.fn.fnamemodify(plugin_dir, ':h:h')

local mode = vim.env.COPYDESK_E2E_MODE or 'enable'
local bin = vim.env.COPYDESK_BIN
if not bin or bin == '' then
  bin = repo_dir .. '/target/release/copydesk'
end
local TIMEOUT = tonumber(vim.env.COPYDESK_E2E_TIMEOUT or '') or 10000

local passed, failed = 0, 0
local failures = {}

local function out(s)
  io.stdout:write(s .. '\n')
  io.stdout:flush()
end

local function check(name, cond, detail)
  if cond then
    passed = passed + 1
    out(('ok   [%s] %s'):format(mode, name))
  else
    failed = failed + 1
    local msg = ('FAIL [%s] %s'):format(mode, name)
    if detail ~= nil then
      msg = msg .. ': ' .. (type(detail) == 'string' and detail or vim.inspect(detail))
    end
    failures[#failures + 1] = msg
    out(msg)
  end
  return cond
end

local function finish()
  out(('nvim-e2e[%s]: %d passed, %d failed'):format(mode, passed, failed))
  if failed > 0 or passed == 0 then
    vim.cmd('cquit 1')
  else
    vim.cmd('qall!')
  end
end

-- Hard stop in case something blocks the event loop less than forever but more than we like.
local watchdog = (vim.uv or vim.loop).new_timer()
watchdog:start(
  math.max(120000, TIMEOUT * 12),
  0,
  vim.schedule_wrap(function()
    check('whole test finished before the watchdog', false, 'watchdog fired')
    finish()
  end)
)

---------------------------------------------------------------------------
-- Helpers
---------------------------------------------------------------------------

local function get_clients(filter)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients(filter)
  end
  if vim.fn.has('nvim-0.8') == 1 then
    return vim.lsp.get_active_clients(filter)
  end
  -- Neovim 0.7's get_active_clients() takes no filter.
  filter = filter or {}
  local clients = {}
  for _, client in ipairs(vim.lsp.get_active_clients()) do
    if
      (filter.name == nil or client.name == filter.name)
      and (filter.bufnr == nil or vim.lsp.buf_is_attached(filter.bufnr, client.id))
    then
      clients[#clients + 1] = client
    end
  end
  return clients
end

local function copydesk_client(bufnr)
  return get_clients({ name = 'copydesk', bufnr = bufnr })[1]
end

local function copydesk_diags(bufnr)
  local res = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'copydesk' then
      res[#res + 1] = d
    end
  end
  table.sort(res, function(a, b)
    if a.lnum ~= b.lnum then
      return a.lnum < b.lnum
    end
    return tostring(a.code) < tostring(b.code)
  end)
  return res
end

local function summarize(diags)
  local s = {}
  for _, d in ipairs(diags) do
    s[#s + 1] = ('%s@%d'):format(tostring(d.code), d.lnum)
  end
  return table.concat(s, ',')
end

local function has_diag(bufnr, code, lnum)
  for _, d in ipairs(copydesk_diags(bufnr)) do
    if d.code == code and (lnum == nil or d.lnum == lnum) then
      return d
    end
  end
  return nil
end

local function write_file(path, text)
  local f = assert(io.open(path, 'w'))
  f:write(text)
  f:close()
end

local function lines_of(text)
  local t = vim.split(text, '\n', { plain = true })
  if t[#t] == '' then
    t[#t] = nil
  end
  return t
end

local function buf_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
end

--- Collects all text out of a hover result's contents (MarkupContent, MarkedString(s)).
local function hover_text(contents)
  if contents == nil or contents == vim.NIL then
    return ''
  end
  if type(contents) == 'string' then
    return contents
  end
  if contents.value then
    return contents.value
  end
  local parts = {}
  for _, c in ipairs(contents) do
    parts[#parts + 1] = hover_text(c)
  end
  return table.concat(parts, '\n')
end

local function lsp_diags_at(bufnr, lnum, strip_data)
  local res = {}
  for _, d in ipairs(copydesk_diags(bufnr)) do
    if d.lnum == lnum then
      -- Neovim 0.11 keeps the whole LSP diagnostic in user_data.lsp; 0.7 keeps only the
      -- fields it has no place for (code, data, ...), so the rest is rebuilt from `d`.
      local l = {
        range = {
          start = { line = d.lnum, character = d.col },
          ['end'] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col },
        },
        severity = d.severity,
        message = d.message,
        source = d.source,
        code = d.code,
      }
      if d.user_data and d.user_data.lsp then
        l = vim.tbl_extend('force', l, vim.deepcopy(d.user_data.lsp))
      end
      if strip_data then
        l.data = nil
      end
      res[#res + 1] = l
    end
  end
  return res
end

local function request_sync(bufnr, method, params)
  local resp, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
  if not resp then
    return nil, err or 'no response'
  end
  for id, r in pairs(resp) do
    local c = vim.lsp.get_client_by_id(id)
    if c and c.name == 'copydesk' then
      if r.err then
        return nil, r.err
      end
      return r.result
    end
  end
  return nil, 'no response from copydesk'
end

local function find_action(actions, title)
  for _, a in ipairs(actions or {}) do
    if a.title == title then
      return a
    end
  end
end

local function titles(actions)
  local t = {}
  for _, a in ipairs(actions or {}) do
    t[#t + 1] = ('%s (%s)'):format(a.title, tostring(a.kind))
  end
  return table.concat(t, '; ')
end

---------------------------------------------------------------------------
-- Fixtures
---------------------------------------------------------------------------

local STORY_MD = [[
**Fresh Peace Talks Scheduled in Istanbul**

Kremlin spokesperson Dmitry Peskov said on Monday that the two sides remained "diametrically opposed" on the main questions.

**Fresh Peace Talks Scheduled in Istanbul**

Peskov added that more diplomatic work would be needed before any meeting of leaders.
]]

local STORY_MD_FIXED = [[
**Fresh Peace Talks Scheduled in Istanbul**

Kremlin spokesperson Dmitry Peskov said on Monday that the two sides remained "diametrically opposed" on the main questions.

Peskov added that more diplomatic work would be needed before any meeting of leaders.
]]

-- copydesk.toml at the workspace root. In enable mode nothing is configured in Neovim,
-- so the file's severity must apply; in the setup modes the user's severity for
-- repeated-heading overrides the file's, while unattributed-quote's comes from the file.
local TOML_ENABLE = [[
[checks.repeated-heading]
severity = "error"
]]

local TOML_SETUP = [[
[checks.repeated-heading]
severity = "hint"

[checks.unattributed-quote]
severity = "information"
]]

local STORY_TXT = [[
The council approved the budget on Tuesday after a short debate.

"Nobody asked us what we wanted."

The plan closes two libraries by the spring.
]]

---------------------------------------------------------------------------
-- The test
---------------------------------------------------------------------------

local function run()
  local v = vim.version()
  local version = v.major and ('%d.%d.%d'):format(v.major, v.minor, v.patch) or tostring(v)
  out(('nvim-e2e: mode=%s nvim=%s server=%s'):format(mode, version, bin))
  if not check('server binary is executable', vim.fn.executable(bin) == 1, bin) then
    return
  end

  vim.opt.runtimepath:prepend(plugin_dir)
  vim.cmd('filetype plugin on')
  vim.o.swapfile = false
  vim.o.shortmess = vim.o.shortmess .. 'F'

  local tmp = vim.fn.resolve(vim.fn.tempname() .. '-copydesk-' .. mode)
  vim.fn.mkdir(tmp, 'p')
  if mode == 'enable' then
    vim.fn.mkdir(tmp .. '/.git', 'p')
    write_file(tmp .. '/copydesk.toml', TOML_ENABLE)
  else
    write_file(tmp .. '/copydesk.toml', TOML_SETUP)
  end
  local md_path = tmp .. '/story.md'
  local txt_path = tmp .. '/story.txt'
  write_file(md_path, STORY_MD)
  write_file(txt_path, STORY_TXT)

  -- Count copydesk push diagnostics, to check the server never pushes and pulls at once.
  local pushes = 0
  local orig_push = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    local c = vim.lsp.get_client_by_id(ctx.client_id)
    if c and c.name == 'copydesk' then
      pushes = pushes + 1
    end
    return orig_push(err, result, ctx, config)
  end

  -- Show messages (e.g. "No information available") as lines of their own.
  vim.notify = function(msg, level)
    out(('note [%s] notify(%s): %s'):format(mode, tostring(level), tostring(msg)))
  end

  -- Never let a prompt block the headless run: a second candidate action is a failure.
  -- Neovim 0.7 cannot apply an action without a prompt: there the stub picks the action the
  -- test asks for (`wanted_action`), and exactly one prompt is expected.
  local select_calls = 0
  local wanted_action
  vim.ui.select = function(items, _, on_choice)
    select_calls = select_calls + 1
    for i, item in ipairs(items) do
      local action = item.action or item[2] or item
      if wanted_action and action.title == wanted_action then
        return on_choice(item, i)
      end
    end
    on_choice(items[1], items[1] and 1 or nil)
  end

  local exit_code
  local function on_exit(code)
    exit_code = code
  end

  local init_options -- initializationOptions seen by a user before_init (setup modes)
  local settings_severity -- severity we configure for repeated-heading, if any
  local file_severity -- severity copydesk.toml gives repeated-heading when nothing overrides it
  if mode == 'enable' then
    check('vim.lsp.enable is available (Neovim 0.11+)', vim.lsp.enable ~= nil and vim.lsp.config ~= nil)
    if not vim.lsp.enable then
      return
    end
    local base = vim.lsp.config.copydesk
    check('lsp/copydesk.lua is found on the runtimepath', base ~= nil)
    if base then
      check('config cmd is { copydesk, serve }', vim.deep_equal(base.cmd, { 'copydesk', 'serve' }), base.cmd)
      check('config filetypes are markdown and text', vim.deep_equal(base.filetypes, { 'markdown', 'text' }), base.filetypes)
      check(
        'config root_markers are .git and copydesk.toml',
        vim.deep_equal(base.root_markers, { '.git', 'copydesk.toml' }),
        base.root_markers
      )
      check('config has settings.copydesk', type(base.settings) == 'table' and type(base.settings.copydesk) == 'table')
      check(
        'config ships no default settings (settings.copydesk is empty)',
        type(base.settings) == 'table' and type(base.settings.copydesk) == 'table' and next(base.settings.copydesk) == nil,
        base.settings
      )
    end
    file_severity = 'error'
    vim.lsp.config('copydesk', { cmd = { bin, 'serve' }, on_exit = on_exit })
    vim.lsp.enable('copydesk')
  else
    settings_severity = 'error'
    local opts = {
      cmd = { bin, 'serve' },
      settings = {
        debounceMs = 50,
        checks = { ['repeated-heading'] = { enabled = true, severity = settings_severity } },
      },
      on_exit = on_exit,
    }
    opts.before_init = function(params)
      init_options = params.initializationOptions
      if mode == 'setup-push' and params.capabilities and params.capabilities.textDocument then
        params.capabilities.textDocument.diagnostic = nil
      end
    end
    require('copydesk').setup(opts)
  end

  -- Markdown article -------------------------------------------------------
  vim.cmd('edit ' .. vim.fn.fnameescape(md_path))
  local md = vim.api.nvim_get_current_buf()
  check('story.md has filetype markdown', vim.bo[md].filetype == 'markdown', vim.bo[md].filetype)

  local attached = vim.wait(TIMEOUT, function()
    local c = copydesk_client(md)
    return c ~= nil and c.initialized == true
  end, 20)
  if not check('copydesk client attaches to story.md and initializes', attached) then
    return
  end
  local client = copydesk_client(md)
  check(
    'client root_dir is the directory holding the root marker',
    client.config.root_dir and vim.fn.resolve(client.config.root_dir) == tmp,
    tostring(client.config.root_dir) .. ' vs ' .. tmp
  )
  if mode ~= 'enable' then
    local sent = client.config.settings and client.config.settings.copydesk
    check(
      'setup() passes settings as settings.copydesk',
      type(sent) == 'table' and sent.debounceMs == 50 and sent.checks and sent.checks['repeated-heading'].severity == 'error',
      sent
    )
    check(
      'setup() sends only the user\'s settings (no defaults)',
      type(sent) == 'table' and sent.duplicates == nil and sent.checks['unattributed-quote'] == nil,
      sent
    )
    check(
      'setup() ships no default settings (defaults.settings is empty)',
      type(require('copydesk').defaults.settings) == 'table' and next(require('copydesk').defaults.settings) == nil,
      require('copydesk').defaults.settings
    )
    check(
      'setup() also sends the settings as initializationOptions.copydesk',
      type(init_options) == 'table' and type(init_options.copydesk) == 'table' and init_options.copydesk.debounceMs == 50,
      init_options
    )
  end

  local got = vim.wait(TIMEOUT, function()
    return has_diag(md, 'repeated-heading', 4) ~= nil
  end, 20)
  check('repeated-heading diagnostic on line 4', got, summarize(copydesk_diags(md)))
  vim.wait(300, function()
    return false
  end) -- let any further diagnostics for the same version land
  check(
    'story.md diagnostics are exactly repeated-heading@4',
    summarize(copydesk_diags(md)) == 'repeated-heading@4',
    summarize(copydesk_diags(md))
  )
  local rh = has_diag(md, 'repeated-heading', 4)
  if rh then
    check('diagnostic source is copydesk', rh.source == 'copydesk', rh.source)
    check('diagnostic range starts at column 0', rh.col == 0, rh.col)
  end
  if settings_severity then
    local want = vim.diagnostic.severity.ERROR
    local sev_ok = vim.wait(TIMEOUT, function()
      local d = has_diag(md, 'repeated-heading', 4)
      return d ~= nil and d.severity == want
    end, 20)
    rh = has_diag(md, 'repeated-heading', 4)
    check('configured severity "error" reaches the diagnostic (over copydesk.toml\'s "hint")', sev_ok, rh and rh.severity)
  end
  if file_severity then
    local want = vim.diagnostic.severity.ERROR
    local sev_ok = vim.wait(TIMEOUT, function()
      local d = has_diag(md, 'repeated-heading', 4)
      return d ~= nil and d.severity == want
    end, 20)
    rh = has_diag(md, 'repeated-heading', 4)
    check(
      'copydesk.toml severity "error" applies when settings.copydesk leaves it unset',
      sev_ok,
      rh and rh.severity
    )
  end

  local caps = client.server_capabilities or {}
  if mode == 'setup-push' then
    check('server does not advertise pull diagnostics to a push-only client', caps.diagnosticProvider == nil, caps.diagnosticProvider)
    check('server pushes diagnostics to a push-only client', pushes > 0, pushes)
  else
    local declared = client.capabilities
      and client.capabilities.textDocument
      and client.capabilities.textDocument.diagnostic ~= nil
    if declared then
      check('server advertises pull diagnostics to a client declaring them', caps.diagnosticProvider ~= nil)
      check('server does not also push diagnostics', pushes == 0, pushes)
    else
      check('server pushes diagnostics (client declares no pull support)', pushes > 0, pushes)
    end
  end

  -- Hover ------------------------------------------------------------------
  local hover, herr = request_sync(md, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(md) },
    position = { line = 6, character = 0 },
  })
  local htext = hover and hover_text(hover.contents) or ''
  check('hover on Peskov (6:0) contains "Dmitry Peskov"', htext:find('Dmitry Peskov', 1, true) ~= nil, herr or htext)
  check('hover shows the full name in bold', htext:find('**Dmitry Peskov**', 1, true) ~= nil, htext)
  check(
    'hover is Markdown',
    hover ~= nil and type(hover.contents) == 'table' and hover.contents.kind == 'markdown',
    hover and hover.contents
  )

  -- The same through the UI: vim.lsp.buf.hover() opens a float.
  vim.api.nvim_win_set_cursor(0, { 7, 2 })
  local main_win = vim.api.nvim_get_current_win()
  vim.lsp.buf.hover()
  local float_buf
  local float_ok = vim.wait(TIMEOUT, function()
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(w).relative ~= '' then
        local b = vim.api.nvim_win_get_buf(w)
        local text = table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, false), '\n')
        if text:find('Dmitry Peskov', 1, true) then
          float_buf = b
          return true
        end
      end
    end
    return false
  end, 20)
  check('vim.lsp.buf.hover() opens a float naming Dmitry Peskov', float_ok)
  if float_buf then
    vim.wait(200, function()
      return false
    end)
    check(
      'no copydesk client attaches to the hover float buffer',
      #get_clients({ name = 'copydesk', bufnr = float_buf }) == 0
    )
  end
  for _, w in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(w).relative ~= '' then
      pcall(vim.api.nvim_win_close, w, true)
    end
  end
  vim.api.nvim_set_current_win(main_win)

  -- Code actions -----------------------------------------------------------
  local range = { start = { line = 4, character = 0 }, ['end'] = { line = 4, character = 0 } }
  local actions, aerr = request_sync(md, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(md) },
    range = range,
    context = { diagnostics = lsp_diags_at(md, 4, false), triggerKind = 1 },
  })
  local fix = find_action(actions, 'Remove duplicate heading')
  check('codeAction offers "Remove duplicate heading"', fix ~= nil, aerr or titles(actions))
  if fix then
    check('"Remove duplicate heading" is a preferred quickfix', fix.kind == 'quickfix' and fix.isPreferred == true, fix)
    check('"Remove duplicate heading" carries a WorkspaceEdit', type(fix.edit) == 'table', fix.edit)
  end
  local actions2, aerr2 = request_sync(md, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(md) },
    range = range,
    context = { diagnostics = lsp_diags_at(md, 4, true) },
  })
  check(
    'codeAction still offers the fix when diagnostics carry no data',
    find_action(actions2, 'Remove duplicate heading') ~= nil,
    aerr2 or titles(actions2)
  )
  local actions3, aerr3 = request_sync(md, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(md) },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
    context = { diagnostics = {}, only = { 'source.fixAll' } },
  })
  local fixall
  for _, a in ipairs(actions3 or {}) do
    if a.kind == 'source.fixAll.copydesk' then
      fixall = a
    end
  end
  check('codeAction offers source.fixAll.copydesk', fixall ~= nil, aerr3 or titles(actions3))

  -- Apply the quick fix the way a user would.
  vim.api.nvim_win_set_cursor(0, { 5, 3 })
  local prompts_expected = 0
  if vim.fn.has('nvim-0.8') == 1 then
    vim.lsp.buf.code_action({
      filter = function(a)
        return a.title == 'Remove duplicate heading'
      end,
      apply = true,
    })
  else
    wanted_action = 'Remove duplicate heading'
    prompts_expected = 1
    vim.lsp.buf.code_action()
  end
  local want = STORY_MD_FIXED
  local applied = vim.wait(TIMEOUT, function()
    return buf_text(md) == want
  end, 20)
  check('vim.lsp.buf.code_action applies "Remove duplicate heading"', applied, buf_text(md))
  check('the quick fix was applied with no prompt (0.8+) or one (0.7)', select_calls == prompts_expected, select_calls)
  check('buffer is exactly the fixed story', vim.deep_equal(vim.api.nvim_buf_get_lines(md, 0, -1, false), lines_of(want)))
  local cleared = vim.wait(TIMEOUT, function()
    return has_diag(md, 'repeated-heading') == nil
  end, 20)
  check('repeated-heading diagnostic goes away after the fix', cleared, summarize(copydesk_diags(md)))

  -- Plain text article -----------------------------------------------------
  vim.cmd('silent! write')
  vim.cmd('edit ' .. vim.fn.fnameescape(txt_path))
  local txt = vim.api.nvim_get_current_buf()
  check('story.txt has filetype text', vim.bo[txt].filetype == 'text', vim.bo[txt].filetype)
  local txt_attached = vim.wait(TIMEOUT, function()
    return copydesk_client(txt) ~= nil
  end, 20)
  check('copydesk client attaches to story.txt', txt_attached)
  check('one copydesk client serves both files (same root)', #get_clients({ name = 'copydesk' }) == 1, #get_clients({ name = 'copydesk' }))
  local q = vim.wait(TIMEOUT, function()
    return has_diag(txt, 'unattributed-quote', 2) ~= nil
  end, 20)
  check('unattributed-quote diagnostic on line 2 of story.txt', q, summarize(copydesk_diags(txt)))
  vim.wait(300, function()
    return false
  end)
  check(
    'story.txt diagnostics are exactly unattributed-quote@2',
    summarize(copydesk_diags(txt)) == 'unattributed-quote@2',
    summarize(copydesk_diags(txt))
  )
  if mode ~= 'enable' then
    local uq = has_diag(txt, 'unattributed-quote', 2)
    check(
      'unattributed-quote takes copydesk.toml\'s severity "information" (not set in Neovim)',
      uq ~= nil and uq.severity == vim.diagnostic.severity.INFO,
      uq and uq.severity
    )
  end

  -- :checkhealth copydesk ----------------------------------------------------
  local before_health = vim.api.nvim_get_current_buf()
  vim.cmd('silent checkhealth copydesk')
  local health = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  local how = mode == 'enable' and "vim.lsp.enable('copydesk') is in effect" or 'setup() has been called'
  check('checkhealth copydesk says how it was set up', health:find(how, 1, true) ~= nil, health)
  check('checkhealth copydesk finds the running client', health:find('1 copydesk client(s) running', 1, true) ~= nil, health)
  check('checkhealth copydesk reports no error', not health:find('ERROR', 1, true), health)
  if vim.api.nvim_get_current_buf() ~= before_health then
    vim.cmd('silent! bwipeout!')
  end
  vim.api.nvim_set_current_buf(txt)

  -- Settings changed while running ------------------------------------------
  -- Neovim 0.7 keeps the capabilities sent only in client.config.
  local sent = client.capabilities or client.config.capabilities
  local wcaps = sent and sent.workspace
  check(
    'client declares workspace.diagnostics.refreshSupport',
    wcaps and wcaps.diagnostics and wcaps.diagnostics.refreshSupport == true,
    wcaps and wcaps.diagnostics
  )
  require('copydesk').update_settings({ checks = { ['unattributed-quote'] = { enabled = false } } })
  local off = vim.wait(TIMEOUT, function()
    return has_diag(txt, 'unattributed-quote') == nil
  end, 20)
  check(
    'disabling unattributed-quote via update_settings() clears it from story.txt',
    off,
    summarize(copydesk_diags(txt))
  )

  -- Shutdown ---------------------------------------------------------------
  local ids = {}
  for _, c in ipairs(get_clients({ name = 'copydesk' })) do
    ids[#ids + 1] = c.id
  end
  vim.lsp.stop_client(ids)
  local stopped = vim.wait(TIMEOUT, function()
    return exit_code ~= nil
  end, 20)
  check('server exits cleanly on shutdown/exit', stopped and exit_code == 0, exit_code)
  vim.fn.delete(tmp, 'rf')
end

local ok, err = xpcall(run, debug.traceback)
check('test script ran without a Lua error', ok, err)
watchdog:stop()
finish()
