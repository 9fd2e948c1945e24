# syntax=docker/dockerfile:1
# Build: docker build -t astrabit-supportbot .
# Run:   docker run -e Discord__Token=... -v $(pwd)/appsettings.json:/app/appsettings.json:ro -v supportbot-data:/app/data astrabit-supportbot

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
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
RUN dotnet publish src/AstraBit.SupportBot/AstraBit.SupportBot.csproj -c Release --no-restore -p:UseAppHost=false -o /app \
    && mkdir -p /app/data

# Chiseled: no shell, no package manager, non-root by default; ICU-free, which InvariantGlobalization expects.
FROM mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled AS final
WORKDIR /app
COPY --from=build --chown=1654:1654 /app .
USER 1654
# Runtime settings (workstation non-concurrent GC, no tiered compilation) travel in AstraBit.SupportBot.runtimeconfig.json
# from the project file, so the container, `dotnet run` and the benchmarks run the bot the same way.
ENV Storage__Path=/app/data/supportbot.db
VOLUME ["/app/data"]
# No shell or curl in the chiseled image: the bot's own `health` verb reads the liveness file it writes beside the
# data file (exit 0 = READY and a heartbeat ACK within two minutes). The start period covers connecting to Discord.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["dotnet", "/app/AstraBit.SupportBot.dll", "health"]
ENTRYPOINT ["dotnet", "/app/AstraBit.SupportBot.dll"]
