-- copydesk language server configuration for Neovim 0.11+.
--
-- With this plugin on the 'runtimepath', enable it with:
--
--   vim.lsp.enable('copydesk')
--
-- and override anything with vim.lsp.config, e.g.
--
--   vim.lsp.config('copydesk', {
--     cmd = { '/path/to/copydesk', 'serve' },
--     settings = { copydesk = { checks = { ['unattributed-quote'] = { severity = 'hint' } } } },
--   })
--
-- For Neovim 0.7-0.10 use require('copydesk').setup() instead (see README.md).

local has_copydesk, copydesk = pcall(require, 'copydesk')

---@type vim.lsp.Config
return {
  cmd = { 'copydesk', 'serve' },
  filetypes = { 'markdown', 'text' },
  root_markers = { '.git', 'copydesk.toml' },
  -- Sent to the server through workspace/didChangeConfiguration and returned
  -- for workspace/configuration requests (section "copydesk"). Only the user's
  -- own values belong here: they override copydesk.toml key by key, and keys left
  -- out come from copydesk.toml at the workspace root, else the server's defaults.
  -- So no defaults are shipped (see README.md for the keys).
  settings = {
    copydesk = {},
  },
  -- Lets copydesk ask for a re-pull of diagnostics (workspace/diagnostic/refresh)
  -- when settings or other documents change; Neovim has no handler of its own.
  capabilities = has_copydesk and vim.deepcopy(copydesk.capabilities) or nil,
  handlers = has_copydesk and copydesk.handlers or nil,
  -- Also hand the settings over in initializationOptions, so the very first check
  -- of a file already uses them.
  before_init = function(params, config)
    local s = config.settings and config.settings.copydesk
    if type(s) == 'table' and params.initializationOptions == nil then
      -- An empty section must go out as a JSON object ({}), not an array.
      params.initializationOptions = { copydesk = next(s) == nil and vim.empty_dict() or s }
    end
  end,
}
