# syntax=docker/dockerfile:1
# Build: docker build -t astrabit-supportbot .
# Run:   docker run -e Discord__Token=... -v $(pwd)/appsettings.json:/app/appsettings.json:ro -v supportbot-data:/app/data astrabit-supportbot

# The bot ships as one Native AOT executable (PublishAot in the project file): no .NET runtime in the image, about
# 40 MB resident when idle. The AOT compiler links with clang and needs zlib's headers.
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends clang zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Restore from the project files alone first, so the package layer is reused when only sources change.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/AstraBit.SupportBot/AstraBit.SupportBot.csproj src/AstraBit.SupportBot/
COPY src/AstraBit.SupportBot.Core/AstraBit.SupportBot.Core.csproj src/AstraBit.SupportBot.Core/
COPY src/AstraBit.SupportBot.Storage/AstraBit.SupportBot.Storage.csproj src/AstraBit.SupportBot.Storage/
COPY src/AstraBit.SupportBot.Discord/AstraBit.SupportBot.Discord.csproj src/AstraBit.SupportBot.Discord/
COPY src/AstraBit.SupportBot.Bybit/AstraBit.SupportBot.Bybit.csproj src/AstraBit.SupportBot.Bybit/
RUN dotnet restore src/AstraBit.SupportBot/AstraBit.SupportBot.csproj

COPY config/ config/
COPY src/ src/
# Native symbols (.dbg) and the managed .pdb stay in the build stage: the image needs only the executable and config/.
RUN dotnet publish src/AstraBit.SupportBot/AstraBit.SupportBot.csproj -c Release --no-restore -o /app \
    && rm -f /app/*.dbg /app/*.pdb \
    && mkdir -p /app/data

# runtime-deps: the native libraries an AOT executable links (libc, OpenSSL for TLS), nothing of .NET itself.
# Chiseled: no shell, no package manager, non-root by default; ICU-free, which InvariantGlobalization expects.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled AS final
WORKDIR /app
COPY --from=build --chown=1654:1654 /app .
# The tz database from the build image, so Tickets:WorkingHours can name any IANA zone (chiseled images have none).
COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
USER 1654
# Runtime settings (workstation non-concurrent GC) are compiled into the executable from the project file.
ENV Storage__Path=/app/data/supportbot.db
VOLUME ["/app/data"]
# No shell or curl in the chiseled image: the bot's own `health` verb reads the liveness file it writes beside the
# data file (exit 0 = READY and a heartbeat ACK within two minutes). The start period covers connecting to Discord.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["/app/AstraBit.SupportBot", "health"]
ENTRYPOINT ["/app/AstraBit.SupportBot"]
