# syntax=docker/dockerfile:1
# AnimeSenpai API: multi-stage build on the official Node.js 24 image.
# .ci/run runs the same steps without Docker: npm ci, node ace build, npm ci --omit=dev in
# build/, docker/entrypoint.sh (migrations, then the server), /health/ready, SIGTERM.

FROM node:24-bookworm-slim AS base
WORKDIR /app

# All dependencies, to build.
FROM base AS deps
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# The production build: compiled JS in build/, with its own package.json and lock file.
FROM deps AS build
COPY . .
RUN node ace build

# Production dependencies only, installed inside the build.
FROM base AS production
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3333 \
    LOG_LEVEL=info
COPY --from=build --chown=node:node /app/build /app
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
USER node
EXPOSE 3333
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3333) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["sh", "docker/entrypoint.sh"]
CMD ["node", "bin/server.js"]
