# Builds the same runnable jar as the README's run command, then runs it as a non-root user.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
COPY src src
COPY templates templates
COPY static static
COPY migrations migrations
RUN mvn -B -ntp -Dmaven.test.skip=true package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin ecrbridge \
    && mkdir -p /app/data \
    && chown ecrbridge /app/data
WORKDIR /app
COPY --from=build /build/target/ecr-bridge-all.jar /app/ecr-bridge.jar

# Inside a container the portal must listen beyond loopback, so it starts only with the OIDC
# settings (ECRBRIDGE_OIDC_*, ECRBRIDGE_PUBLIC_URL) or with ECRBRIDGE_DEV_SIGNIN=true for a trial
# that nobody else can reach. The embedded H2 database lives in /app/data: mount a volume there,
# or point ECRBRIDGE_DATABASE_URL at PostgreSQL.
ENV ECRBRIDGE_HOST=0.0.0.0 \
    ECRBRIDGE_PORT=8080
VOLUME /app/data
EXPOSE 8080
USER 10001

# The runtime image has no curl: the probe is a small class in the portal's own jar.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["java", "-cp", "/app/ecr-bridge.jar", "ecrbridge.HealthProbe"]

ENTRYPOINT ["java", "-jar", "/app/ecr-bridge.jar"]
