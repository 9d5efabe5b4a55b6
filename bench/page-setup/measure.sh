#!/bin/sh
# Three runs each of the section page (rotating over panelists) and of the health endpoint, with
# the load average beside each and the application's CPU time per page (robust when other work
# shares the machine); then the bytes of one page. PID: the application's process.
cd "$(dirname "$0")" || exit 1
PORT=${PORT:-18431}
URLS=${URLS:-../../target/bench/urls.txt}
export URLS
cpu() { awk '{print $14 + $15}' /proc/$PID/stat; }
for i in 1 2 3; do
  echo "== page run $i, $(uptime | sed 's/.*load/load/')"
  before=$(cpu)
  wrk -t2 -c64 -d10s --latency -s rotate.lua http://127.0.0.1:$PORT > /tmp/wrk-page-$$.txt
  after=$(cpu)
  grep -E 'Requests/sec|50%|99%|Non-2xx|errors' /tmp/wrk-page-$$.txt
  requests=$(grep -o '^ *[0-9]* requests in' /tmp/wrk-page-$$.txt | awk '{print $1}')
  echo "CPU ms per page: $(echo "($after - $before) * 10 / $requests" | bc -l | cut -c1-6) ($requests pages)"
  echo "== health run $i, $(uptime | sed 's/.*load/load/')"
  wrk -t2 -c64 -d10s --latency http://127.0.0.1:$PORT/q/health/live | grep -E 'Requests/sec|50%|99%'
done
rm -f /tmp/wrk-page-$$.txt
echo "== bytes of one page: $(curl -s http://127.0.0.1:$PORT$(head -1 "$URLS") | wc -c)"
echo "== gzip: $(curl -s -H 'Accept-Encoding: gzip' http://127.0.0.1:$PORT$(head -1 "$URLS") | wc -c)"
