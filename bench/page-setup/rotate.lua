-- Rotates over the panelists' round-2 section addresses listed in urls.txt (one per line).
local urls = {}
for line in io.lines(os.getenv("URLS") or "urls.txt") do urls[#urls + 1] = line end
local i = 0
request = function()
  i = i % #urls + 1
  return wrk.format("GET", urls[i])
end
