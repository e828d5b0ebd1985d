-- wrk request generator for the flagship incident: dashboards of 500 recurring customers, in a
-- fixed pseudo-random order (the same sequence on every run, so before and after see the same load).
local counter = 0
request = function()
  counter = counter + 1
  local customer = 1 + ((counter * 7919) % 500) * 4
  return wrk.format("GET", "/dashboard?customer=" .. customer)
end

-- After the summary, every latency wrk recorded (microseconds, with its count), so that evident has
-- the whole distribution rather than four printed percentiles: intervals and tests in evident compare
-- need it. evident's wrk reader picks the block up by its first line.
done = function(summary, latency, requests)
  io.write("Latency samples (us,count):\n")
  for i = 1, #latency do
    local value, count = latency(i)
    io.write(value, ",", count, "\n")
  end
end
