-- wrk request generator for the flagship incident: dashboards of 500 recurring customers, in a
-- fixed pseudo-random order (the same sequence on every run, so before and after see the same load).
local counter = 0
request = function()
  counter = counter + 1
  local customer = 1 + ((counter * 7919) % 500) * 37
  return wrk.format("GET", "/dashboard?customer=" .. customer)
end
