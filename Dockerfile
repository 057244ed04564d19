# syntax=docker/dockerfile:1
# Build stage: the Maven wrapper fetches Maven; dependencies are cached between builds.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN --mount=type=cache,target=/cache/m2 ./mvnw -B -q -Dmaven.repo.local=/cache/m2 dependency:go-offline
COPY src src
RUN --mount=type=cache,target=/cache/m2 ./mvnw -B -q -Dmaven.repo.local=/cache/m2 package -DskipTests \
    && java -Djarmode=tools -jar target/tsunagu-*.jar extract --layers --launcher --destination /extracted

# Run stage: a JRE, the application in layers, and a user without privileges.
FROM eclipse-temurin:17-jre
RUN groupadd --system tsunagu && useradd --system --gid tsunagu --home-dir /app --shell /usr/sbin/nologin tsunagu
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
RUN mkdir -p /app/data && chown -R tsunagu:tsunagu /app/data
USER tsunagu
EXPOSE 8080
ENV TSUNAGU_DATA_DIR=/app/data/postgres
# Ready when the readiness group (the database included) answers 200. Bash, since /dev/tcp is bash's and
# the image's sh (dash) has none; curl may not be in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q '^HTTP/1.[01] 200'"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
