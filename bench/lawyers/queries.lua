-- wrk: Find a lawyer over HTTP, the next query string of LAWYERS_QUERIES on each request (one per
-- line, URL-encoded: "per_page=20&q=Kanafin"), in turn.
local queries = {}
for line in io.lines(os.getenv("LAWYERS_QUERIES")) do
  if line ~= "" then queries[#queries + 1] = line end
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/lawyers?" .. queries[(i % #queries) + 1])
end
