# syntax=docker/dockerfile:1
# Build: a static binary (no cgo), with the bundled report embedded.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/citechat ./cmd/citechat \
 && mkdir -p /out/data

# Run: nothing but the binary, CA certificates (for networked LLMs) and a
# data volume, as an unprivileged user.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/citechat /usr/local/bin/citechat
COPY --from=build /src/ingest/corpus /usr/share/citechat/corpus
COPY --from=build --chown=65532:65532 /out/data /data
ENV CITECHAT_DATA_DIR=/data CITECHAT_ADDR=:8080
VOLUME ["/data"]
EXPOSE 8080
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/citechat"]
CMD ["serve"]
