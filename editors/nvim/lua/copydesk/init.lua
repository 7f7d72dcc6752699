-- copydesk: Neovim client for the copydesk language server (news copy checks).
--
--   require('copydesk').setup({
--     cmd = { 'copydesk', 'serve' },          -- or a path: cmd = '/opt/copydesk/bin/copydesk'
--     settings = { checks = { ['repeated-heading'] = { severity = 'error' } } }, -- only what you set
--     on_attach = function(client, bufnr) end, -- any other key is passed to vim.lsp.start()
--   })
--
-- Works on Neovim 0.7 and later (including 0.11+, where `vim.lsp.enable('copydesk')`
-- with lsp/copydesk.lua is the alternative).

local M = {}

--- Defaults for setup(). `settings` is what the server receives as `settings.copydesk`:
--- only the user's own values, which override copydesk.toml key by key. It is empty by
--- default, so every key comes from copydesk.toml at the workspace root, else from the
--- server's defaults.
M.defaults = {
  cmd = { 'copydesk', 'serve' },
  filetypes = { 'markdown', 'text' },
  root_markers = { '.git', 'copydesk.toml' },
  -- When no root marker is found, use the file's own directory as the root.
  single_file_support = true,
  settings = {},
}

-- Keys handled by this module; every other key of `opts` goes to vim.lsp.start().
local own_keys = {
  cmd = true,
  filetypes = true,
  root_markers = true,
  single_file_support = true,
  settings = true,
}

M.options = nil
local warned_missing = false

local function get_clients(filter)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients(filter)
  end
  if vim.fn.has('nvim-0.8') == 1 then
    return vim.lsp.get_active_clients(filter)
  end
  -- Neovim 0.7's get_active_clients() takes no filter.
  local clients = {}
  for _, client in ipairs(vim.lsp.get_active_clients()) do
    if filter == nil or filter.name == nil or client.name == filter.name then
      clients[#clients + 1] = client
    end
  end
  return clients
end

local function client_request(client, method, params, handler, bufnr)
  if vim.fn.has('nvim-0.11') == 1 then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

local function client_notify(client, method, params)
  if vim.fn.has('nvim-0.11') == 1 then
    return client:notify(method, params)
  end
  return client.notify(method, params)
end

--- Pulls diagnostics again for every buffer a client is attached to (pull mode only).
---@param client table vim.lsp.Client
function M.repull(client)
  local caps = client.server_capabilities or {}
  if not caps.diagnosticProvider then
    return -- push mode: the server republishes by itself
  end
  for bufnr in pairs(client.attached_buffers or {}) do
    if vim.api.nvim_buf_is_loaded(bufnr) then
      client_request(client, 'textDocument/diagnostic', {
        textDocument = vim.lsp.util.make_text_document_params(bufnr),
      }, nil, bufnr)
    end
  end
end

--- Handler for the server's workspace/diagnostic/refresh request, which Neovim has no
--- handler for of its own: pull every attached buffer again.
function M.on_diagnostic_refresh(_, _, ctx)
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  if client then
    vim.schedule(function()
      M.repull(client)
    end)
  end
  return vim.NIL
end

--- Client capabilities added to Neovim's own: copydesk may then ask for a re-pull
--- when settings or other documents change.
M.capabilities = { workspace = { diagnostics = { refreshSupport = true } } }

--- Handlers added to every copydesk client.
M.handlers = { ['workspace/diagnostic/refresh'] = M.on_diagnostic_refresh }

--- A table sent as a JSON object: an empty Lua table would be encoded as [].
local function as_object(t)
  if type(t) == 'table' and next(t) == nil then
    return vim.empty_dict()
  end
  return t
end

--- Changes settings of the running copydesk clients (and of later ones started by
--- setup()) and tells the servers through workspace/didChangeConfiguration.
---@param settings table the copydesk section (or { copydesk = ... }), merged into the current one
function M.update_settings(settings)
  settings = type(settings) == 'table' and settings or {}
  if type(settings.copydesk) == 'table' then
    settings = settings.copydesk
  end
  if M.options then
    M.options.settings = vim.tbl_deep_extend('force', M.options.settings, settings)
  end
  for _, client in ipairs(get_clients({ name = 'copydesk' })) do
    local holders = {}
    for _, t in ipairs({ client.settings or false, client.config and client.config.settings or false }) do
      if t and not vim.tbl_contains(holders, t) then
        holders[#holders + 1] = t
      end
    end
    local merged
    for _, t in ipairs(holders) do
      merged = merged or vim.tbl_deep_extend('force', t.copydesk or {}, settings)
      t.copydesk = merged
    end
    client_notify(client, 'workspace/didChangeConfiguration', { settings = { copydesk = as_object(merged or settings) } })
  end
end

local function normalize_cmd(cmd)
  if type(cmd) == 'string' then
    return { cmd, 'serve' }
  end
  return cmd
end

local function normalize_settings(settings)
  settings = settings or {}
  -- Accept both { debounceMs = ... } and { copydesk = { debounceMs = ... } }.
  if type(settings.copydesk) == 'table' then
    settings = settings.copydesk
  end
  return settings
end

local function merge_options(opts)
  opts = opts or {}
  local o = {}
  for k, v in pairs(M.defaults) do
    o[k] = vim.deepcopy(v)
  end
  for k, v in pairs(opts) do
    if k == 'settings' then
      o.settings = vim.tbl_deep_extend('force', o.settings, normalize_settings(v))
    else
      o[k] = v
    end
  end
  o.cmd = normalize_cmd(o.cmd)
  return o
end

--- The nearest directory from `dir` upwards holding one of `markers`, or nil.
--- (vim.fs.find would do, but Neovim 0.7 has no vim.fs.)
local function nearest_with_marker(dir, markers)
  while dir and dir ~= '' do
    for _, marker in ipairs(markers or {}) do
      if vim.loop.fs_stat(dir .. '/' .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return nil
    end
    dir = parent
  end
  return nil
end

--- Finds the root directory for a file name: the nearest ancestor holding one
--- of the root markers, else (with single_file_support) the file's directory.
---@param fname string
---@param opts table|nil
---@return string|nil
function M.find_root(fname, opts)
  opts = opts or M.options or M.defaults
  local dir = vim.fn.fnamemodify(fname, ':h')
  local found = nearest_with_marker(dir, opts.root_markers)
  if found then
    return found
  end
  if opts.single_file_support ~= false then
    return dir
  end
  return nil
end

--- Builds the vim.lsp.start() configuration for a buffer.
---@param bufnr integer
---@param opts table|nil merged options (defaults to the ones given to setup())
---@return table|nil config
function M.make_config(bufnr, opts)
  opts = opts or M.options or merge_options({})
  local fname = vim.api.nvim_buf_get_name(bufnr)
  if fname == '' then
    return nil
  end
  local root_dir = M.find_root(fname, opts)
  local config = {
    name = 'copydesk',
    cmd = opts.cmd,
    root_dir = root_dir,
    settings = { copydesk = vim.deepcopy(opts.settings) },
  }
  for k, v in pairs(opts) do
    if not own_keys[k] then
      config[k] = v
    end
  end
  -- Over Neovim's own capabilities: 0.7 would otherwise send ours alone.
  config.capabilities = vim.tbl_deep_extend(
    'force',
    vim.lsp.protocol.make_client_capabilities(),
    M.capabilities,
    opts.capabilities or {}
  )
  config.handlers = vim.tbl_extend('force', M.handlers, opts.handlers or {})
  -- Also hand the settings over in initializationOptions, so the very first check
  -- of a file already uses them (didChangeConfiguration follows as usual).
  local user_before_init = config.before_init
  config.before_init = function(params, cfg)
    if params.initializationOptions == nil then
      params.initializationOptions = { copydesk = as_object(cfg.settings.copydesk) }
    end
    if user_before_init then
      user_before_init(params, cfg)
    end
  end
  return config
end

local function executable_ok(cmd)
  if type(cmd) ~= 'table' or type(cmd[1]) ~= 'string' then
    return true -- a function cmd (0.11+) or something we cannot check
  end
  if vim.fn.executable(cmd[1]) == 1 then
    return true
  end
  if not warned_missing then
    warned_missing = true
    vim.schedule(function()
      vim.notify(
        ("copydesk: server executable '%s' not found; install copydesk or pass its path with "
          .. "require('copydesk').setup({ cmd = { '/path/to/copydesk', 'serve' } })"):format(cmd[1]),
        vim.log.levels.ERROR
      )
    end)
  end
  return false
end

--- What vim.lsp.start() does, for Neovim 0.7 (Debian 12's), which lacks it: one client per
--- root directory, started once and attached to each buffer under that root.
local function start_without_vim_lsp_start(config, bufnr)
  for _, client in ipairs(get_clients()) do
    if client.name == config.name and client.config.root_dir == config.root_dir and not client.is_stopped() then
      vim.lsp.buf_attach_client(bufnr, client.id)
      return client.id
    end
  end
  local client_id = vim.lsp.start_client(config)
  if client_id then
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  return client_id
end

--- Starts (or reuses) the copydesk client for a buffer and attaches it.
---@param bufnr integer|nil
---@return integer|nil client_id
function M.start(bufnr, opts)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  opts = opts or M.options or merge_options({})
  if not vim.api.nvim_buf_is_valid(bufnr) or vim.bo[bufnr].buftype ~= '' then
    return nil -- hover windows, help, terminals, scratch buffers
  end
  local config = M.make_config(bufnr, opts)
  if not config or not executable_ok(config.cmd) then
    return nil
  end
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  return start_without_vim_lsp_start(config, bufnr)
end

--- Sets copydesk up: starts the server for every markdown/text buffer.
---@param opts table|nil
function M.setup(opts)
  if vim.fn.has('nvim-0.7') == 0 then
    vim.notify('copydesk: Neovim 0.7 or later is required', vim.log.levels.ERROR)
    return
  end
  M.options = merge_options(opts)
  local group = vim.api.nvim_create_augroup('copydesk', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.options.filetypes,
    desc = 'Start the copydesk language server',
    callback = function(args)
      M.start(args.buf)
    end,
  })
  -- Buffers already open when setup() runs (e.g. lazy-loading on FileType).
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if
      vim.api.nvim_buf_is_loaded(buf)
      and vim.tbl_contains(M.options.filetypes, vim.bo[buf].filetype)
    then
      M.start(buf)
    end
  end
  return M
end

-- Exposed for tests.
M._merge_options = merge_options

return M
