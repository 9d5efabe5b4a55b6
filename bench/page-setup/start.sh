#!/bin/sh
# Starts the packaged application on an H2 file under DATA (default target/bench) on PORT
# (default 18431) from APP (default target/quarkus-app); extra arguments go to the JVM (e.g. -XX:StartFlightRecording=...).
cd "$(dirname "$0")/../.." || exit 1
PORT=${PORT:-18431}
DATA=${DATA:-$PWD/target/bench}
mkdir -p "$DATA"
CONCORD_ADMIN_EMAIL=bench@concord.example CONCORD_ADMIN_PASSWORD=bench-coordinator-password \
CONCORD_MAIL_DISPATCH_EVERY=off \
exec java -Xmx1g "$@" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$PORT \
  -Dconcord.database.file=$DATA/concord -Dquarkus.mailer.mock=true \
  -Dconcord.token-secret=bench-token-secret -Dconcord.bcrypt-cost=4 \
  -jar ${APP:-target/quarkus-app}/quarkus-run.jar > "$DATA/app.log" 2>&1
