package io.tsunagu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default as a user runs it: a real application process on its own data directory,
 * stopped, started, killed with -9 and started again.
 */
class EmbeddedDefaultTests {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

	@TempDir
	Path workDirectory;

	private final List<Application> started = new ArrayList<>();

	// Whatever an assertion left running: the application, and a PostgreSQL server a kill left behind.
	@AfterEach
	void stopEverything() throws Exception {
		for (Application application : this.started) {
			application.process().destroyForcibly();
			application.process().onExit().get();
		}
		EmbeddedDatabase.stopStalePostmaster(this.workDirectory.resolve("postgres"));
	}

	@Test
	void keepsTheDemoCompanyAcrossAStopAndAKillAndSeedsItOnce() throws Exception {
		Path data = this.workDirectory.resolve("postgres");

		Application first = start(data);
		assertThat(first.log()).contains("Seeded the demo company").contains("its data lives in " + data);
		assertThat(first.logsIn("organiser@tsunagu.example", "tsunagu-demo")).isTrue();
		first.stop();
		assertThat(data.resolve("postmaster.pid")).doesNotExist();

		Application second = start(data);
		assertThat(second.log()).doesNotContain("Seeded the demo company");
		assertThat(second.logsIn("organiser@tsunagu.example", "tsunagu-demo")).isTrue();
		second.kill();
		assertThat(data.resolve("postmaster.pid")).exists();

		Application third = start(data);
		assertThat(third.log()).contains("from an earlier run still holds").doesNotContain("Seeded the demo company");
		assertThat(third.logsIn("president@tsunagu.example", "tsunagu-demo")).isTrue();
		assertThat(third.logsIn("president@tsunagu.example", "wrong-password")).isFalse();
		third.stop();
	}

	private Application start(Path data) throws Exception {
		Application application = Application.start(this.workDirectory, data);
		this.started.add(application);
		return application;
	}

	private record Application(Process process, Path logFile, int port) {

		static Application start(Path workDirectory, Path data) throws Exception {
			int port = TestPorts.free();
			Path logFile = Files.createTempFile(workDirectory, "app", ".log");
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-cp", System.getProperty("java.class.path"), "-Xmx512m", TsunaguApplication.class.getName(),
					"--server.port=" + port, "--tsunagu.embedded-database.data-directory=" + data,
					"--spring.main.banner-mode=off"));
			Process process = new ProcessBuilder(command).directory(workDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(logFile.toFile())
				.start();
			Application application = new Application(process, logFile, port);
			application.awaitStarted();
			return application;
		}

		private void awaitStarted() throws Exception {
			try {
				Awaitility.await("the application to be ready")
					.atMost(START_TIMEOUT)
					.pollInterval(Duration.ofMillis(250))
					.until(() -> {
						if (!this.process.isAlive()) {
							throw new IllegalStateException("The application exited:\n" + log());
						}
						return isReady();
					});
			}
			catch (ConditionTimeoutException ex) {
				this.process.destroyForcibly();
				throw new IllegalStateException("The application did not start in time:\n" + log(), ex);
			}
		}

		// Ready comes after the application runners, so the demo company is seeded by then.
		private boolean isReady() {
			try {
				return new WebClient(this.port).get("/actuator/health/readiness").statusCode() == 200;
			}
			catch (IOException | InterruptedException ex) {
				return false;
			}
		}

		String log() throws IOException {
			return Files.readString(this.logFile);
		}

		boolean logsIn(String email, String password) throws Exception {
			return new WebClient(this.port).logIn(email, password);
		}

		/** A clean stop: SIGTERM, as a service manager or Ctrl-C sends it. */
		void stop() throws Exception {
			this.process.destroy();
			this.process.onExit().get();
		}

		/** A crash: SIGKILL, no shutdown hooks run and the PostgreSQL server is left behind. */
		void kill() throws Exception {
			this.process.destroyForcibly();
			this.process.onExit().get();
		}

	}

}
