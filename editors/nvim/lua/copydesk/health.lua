-- :checkhealth copydesk
local M = {}

local has_vh, h = pcall(require, 'vim.health') -- 0.9+
if not has_vh then
  h = require('health') -- 0.7, 0.8
end
local start = h.start or h.report_start
local ok = h.ok or h.report_ok
local warn = h.warn or h.report_warn
local err = h.error or h.report_error

function M.check()
  start('copydesk')
  if vim.fn.has('nvim-0.7') == 1 then
    local v = vim.version()
    ok('Neovim ' .. (v.major and ('%d.%d.%d'):format(v.major, v.minor, v.patch) or tostring(v)))
  else
    err('Neovim 0.7 or later is required')
  end
  local copydesk = require('copydesk')
  local opts = copydesk.options
  local cmd
  local how = "require('copydesk').setup({ cmd = { '/path/to/copydesk', 'serve' } })"
  if opts then
    ok('require("copydesk").setup() has been called')
    cmd = opts.cmd
  elseif vim.lsp.config and vim.lsp.is_enabled and vim.lsp.is_enabled('copydesk') then
    ok("vim.lsp.enable('copydesk') is in effect")
    cmd = vim.lsp.config.copydesk and vim.lsp.config.copydesk.cmd
    how = "vim.lsp.config('copydesk', { cmd = { '/path/to/copydesk', 'serve' } })"
  else
    warn("copydesk is not enabled: call require('copydesk').setup() or vim.lsp.enable('copydesk')")
    cmd = copydesk.defaults.cmd
  end
  if type(cmd) == 'table' and type(cmd[1]) == 'string' then
    if vim.fn.executable(cmd[1]) == 1 then
      ok(('server executable: %s'):format(vim.fn.exepath(cmd[1])))
    else
      err(("server executable '%s' not found"):format(cmd[1]), { 'Install copydesk on PATH, or set the path: ' .. how })
    end
  end
  local clients = (vim.lsp.get_clients or vim.lsp.get_active_clients)({ name = 'copydesk' })
  ok(('%d copydesk client(s) running'):format(#clients))
end

return M
