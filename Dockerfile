# scalesim in a container: the CLI with the bundled scenarios and traces, for sweeps run as a
# Kubernetes Indexed Job (scalesim sweep … --shards N --emit-job). Nothing is installed beyond npm
# packages: no browser (report.html is not needed by sweeps; .puppeteerrc.cjs skips the download).
#   docker build -t scalesim:latest .
#   docker run --rm scalesim:latest sweep scenarios/nginx-hpa-cpu --grid hpa.targetCPU=30,50,70
# (results go to /app/results, which the node user owns; mount a volume there to keep them)
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json .puppeteerrc.cjs tsconfig.json tsconfig.build.json ./
COPY src ./src
# npm ci runs `prepare`, which compiles src/ to dist/; then the dev dependencies go.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/.puppeteerrc.cjs ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY scenarios ./scenarios
RUN ln -s /app/dist/cli/main.js /usr/local/bin/scalesim && mkdir /app/results && chown node:node /app/results
# uid 1000; the emitted Job sets fsGroup 1000 so the results volume is writable.
USER node
ENTRYPOINT ["scalesim"]
CMD ["--help"]
