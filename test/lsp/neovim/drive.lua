-- Drives a headless Neovim as a user would with Riposte as its language server: open the draft (the
-- buffer nvim was started on), wait for the diagnostics, run the code action on the repeated block,
-- pick its fix, save. Uses only the built-in client of Neovim 0.7 and later (vim.lsp.start_client).
-- Reports on stdout, one line each; any failure goes to stderr and exits non-zero (cquit).
local function say(...)
  io.stdout:write(table.concat({ ... }, ' ') .. '\n')
end

local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit 3')
end

local timeout = tonumber(os.getenv('RIPOSTE_NVIM_TIMEOUT') or '30000')
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'markdown'

say('version', tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch)

local client_id = vim.lsp.start_client({
  name = 'riposte',
  cmd = { os.getenv('RIPOSTE_NODE'), os.getenv('RIPOSTE_CLI'), 'lsp', '--stdio' },
  root_dir = vim.fn.expand('%:p:h'),
})
if not client_id then fail('vim.lsp.start_client returned nil') return end
vim.lsp.buf_attach_client(bufnr, client_id)

local function riposte_diagnostics()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'riposte' then table.insert(found, d) end
  end
  table.sort(found, function(a, b) return a.lnum < b.lnum end)
  return found
end

local function find(code)
  for _, d in ipairs(riposte_diagnostics()) do
    if d.code == code then return d end
  end
end

if not vim.wait(timeout, function() return find('duplicate-block') ~= nil end, 20) then
  fail('no duplicate-block diagnostic within ' .. timeout .. ' ms; server stderr in ' .. vim.lsp.get_log_path())
  return
end
for _, d in ipairs(riposte_diagnostics()) do say('diagnostic', tostring(d.lnum + 1), d.code) end

-- The code action menu, answered as a user would: the repeated block's own fix (the first entry that
-- deletes; the disable comments come after it).
local offered = {}
local chosen = false
vim.ui.select = function(items, opts, on_choice)
  for index, item in ipairs(items) do
    local title = item[2].title
    table.insert(offered, title)
    say('action', title)
    if not chosen and title:match('^Delete') then
      chosen = true
      on_choice(item, index)
    end
  end
  if not chosen then on_choice(nil, nil) end
end

local block = find('duplicate-block')
local before = vim.api.nvim_buf_line_count(bufnr)
vim.api.nvim_win_set_cursor(0, { block.lnum + 1, 0 })
vim.lsp.buf.code_action()
if not vim.wait(timeout, function() return vim.api.nvim_buf_line_count(bufnr) < before end, 20) then
  fail('the code action did not edit the buffer; offered: ' .. table.concat(offered, ' | '))
  return
end
say('lines', tostring(before), '->', tostring(vim.api.nvim_buf_line_count(bufnr)))

-- The server sees the edit and takes its finding back.
if not vim.wait(timeout, function() return find('duplicate-block') == nil and #riposte_diagnostics() > 0 end, 20) then
  fail('the duplicate-block diagnostic stayed after the fix')
  return
end
for _, d in ipairs(riposte_diagnostics()) do say('after', tostring(d.lnum + 1), d.code) end

vim.cmd('write')
say('saved')
vim.cmd('qall!')
