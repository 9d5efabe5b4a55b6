-- wrk script: each request takes the next of the paths listed one per line in the file named after
-- "--", starting at a random one per thread, so the load is many panelists' pages and not one.
local paths = {}
local next_path = 0

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  next_path = math.random(#paths)
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end
