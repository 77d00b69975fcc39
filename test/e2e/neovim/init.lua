-- A minimal Neovim setup that attaches the ECS Task Networking server to the buffer given on the
-- command line, waits for its diagnostics and writes them as JSON. Used headless by the tests:
--   ECS_NET_SERVER=dist/server.js ECS_NET_OUT=out.json nvim --headless -n -i NONE -u init.lua task.json
-- Works with Neovim 0.7 (start_client + buf_attach_client) and 0.8+ (vim.lsp.start).
local server = assert(os.getenv('ECS_NET_SERVER'), 'ECS_NET_SERVER: path of dist/server.js')
local out = assert(os.getenv('ECS_NET_OUT'), 'ECS_NET_OUT: where to write the diagnostics')
local node = os.getenv('ECS_NET_NODE') or 'node'
local wait_ms = tonumber(os.getenv('ECS_NET_WAIT_MS') or '30000')

local function finish(result)
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.lsp.stop_client(vim.lsp.get_active_clients())
  vim.cmd('qall!')
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local bufnr = vim.api.nvim_get_current_buf()
    local config = {
      name = 'ecs-task-networking',
      cmd = { node, server, '--stdio' },
      root_dir = vim.fn.getcwd(),
      -- Answers the server's workspace/configuration requests for the section ecsTaskNetworking.
      settings = { ecsTaskNetworking = { defaultInstanceTypes = { 'c5.large' } } },
    }
    local client_id
    if vim.lsp.start then
      client_id = vim.lsp.start(config, { bufnr = bufnr })
    else
      client_id = vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(bufnr, client_id)
    end
    local ok = vim.wait(wait_ms, function()
      return #vim.diagnostic.get(bufnr) > 0
    end, 50)
    local diagnostics = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(diagnostics, {
        code = d.code or lsp.code,
        source = d.source,
        message = d.message,
        line = d.lnum,
        col = d.col,
        severity = d.severity,
      })
    end
    -- The filetype is the languageId the server is told (Neovim's own detection: `terraform` for .tf).
    finish({ attached = client_id ~= nil, received = ok, filetype = vim.bo[bufnr].filetype, nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor), diagnostics = diagnostics })
  end,
})
