# One image for every service of the supergraph; SERVICE picks which one runs:
#   gateway (4000) | marketing (4001) | sales (4002) | support (4003) | insights (4004)
#   | seed (one-shot demo data; arguments as for `npm run seed`, e.g. --if-empty --prepare)
#   docker build -t customer-360 . && docker run -e SERVICE=sales -e MONGODB_URI=... customer-360
FROM node:20-slim

WORKDIR /app
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false

# Dependencies first: this layer is reused as long as the lockfile does not change.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# TypeScript runs through @swc-node/register (a runtime dependency): no build step, same code as `npm start`.
COPY tsconfig.json .swcrc ./
COPY shared ./shared
COPY subgraphs ./subgraphs
COPY gateway ./gateway
COPY scripts ./scripts

ARG SERVICE=gateway
# In a container the service must listen on every interface (npm start keeps 127.0.0.1).
ENV SERVICE=${SERVICE} \
    HOST=0.0.0.0

USER node
EXPOSE 4000 4001 4002 4003 4004

# exec: the service is PID 1's only child and receives SIGTERM for a graceful drain.
ENTRYPOINT ["/bin/sh", "-c", "\
  case \"$SERVICE\" in \
    gateway) entry=gateway/src/index.ts ;; \
    marketing|sales|support|insights) entry=subgraphs/$SERVICE/src/index.ts ;; \
    seed) entry=scripts/seed.ts ;; \
    *) echo \"Unknown SERVICE '$SERVICE' (gateway, marketing, sales, support, insights, seed)\" >&2; exit 64 ;; \
  esac; \
  exec node -r @swc-node/register \"$entry\" \"$@\"", "--"]
