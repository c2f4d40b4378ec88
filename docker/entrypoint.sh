#!/bin/sh
# Container entrypoint, run from the production build folder: migrates the database
# (skip with MIGRATE_ON_START=false), then replaces itself with the server so that it
# receives SIGTERM directly.
set -e

if [ "${MIGRATE_ON_START:-true}" != "false" ]; then
  node ace migration:run --force
fi

exec "$@"
