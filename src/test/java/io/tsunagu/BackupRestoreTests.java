package io.tsunagu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup and restore scripts of the embedded mode, run as an operator would: Tsunagu on its own data
 * directory, stopped, backed up with {@code scripts/backup.sh}, restored elsewhere with
 * {@code scripts/restore.sh}, and started again on what was restored, with the same data.
 */
class BackupRestoreTests {

	@TempDir
	Path work;

	private final List<ConfigurableApplicationContext> started = new ArrayList<>();

	@AfterEach
	void stopEverything() throws IOException {
		this.started.forEach(ConfigurableApplicationContext::close);
		EmbeddedDatabase.stopStalePostmaster(this.work.resolve("first"));
		EmbeddedDatabase.stopStalePostmaster(this.work.resolve("restored"));
	}

	@Test
	void aBackupRestoredElsewhereStartsTsunaguWithTheSameData() throws Exception {
		Path first = this.work.resolve("first");
		Path archive = this.work.resolve("backups/tsunagu.tar.gz");
		String code = "BACKUP-" + UUID.randomUUID().toString().substring(0, 8);

		ConfigurableApplicationContext running = start(first);
		JdbcClient.create(running.getBean(javax.sql.DataSource.class))
			.sql("INSERT INTO departments (code, name, name_en) VALUES (?, 'バックアップ課', 'Backups')")
			.param(code)
			.update();

		// While Tsunagu runs on the directory, the script refuses and writes nothing.
		Run refused = run("backup.sh", first, archive.toString());
		assertThat(refused.exitCode()).isNotZero();
		assertThat(refused.output()).contains("stop Tsunagu first");
		assertThat(archive).doesNotExist();

		running.close();
		Run backup = run("backup.sh", first, archive.toString());
		assertThat(backup.exitCode()).as(backup.output()).isZero();
		assertThat(archive).isNotEmptyFile();

		Path restored = this.work.resolve("restored");
		Run restore = run("restore.sh", restored, archive.toString());
		assertThat(restore.exitCode()).as(restore.output()).isZero();

		ConfigurableApplicationContext again = start(restored);
		assertThat(JdbcClient.create(again.getBean(javax.sql.DataSource.class))
			.sql("SELECT name FROM departments WHERE code = ?")
			.param(code)
			.query(String.class)
			.single()).isEqualTo("バックアップ課");
	}

	@Test
	void restoreRefusesAnArchiveThatIsNoBackup() throws Exception {
		Path notABackup = this.work.resolve("notes.tar.gz");
		Path folder = Files.createDirectories(this.work.resolve("notes"));
		Files.writeString(folder.resolve("readme.txt"), "not a database");
		new ProcessBuilder("tar", "-czf", notABackup.toString(), "-C", folder.toString(), ".").start().waitFor(30,
				TimeUnit.SECONDS);
		Path data = this.work.resolve("untouched");

		Run restore = run("restore.sh", data, notABackup.toString());

		assertThat(restore.exitCode()).isNotZero();
		assertThat(restore.output()).contains("is not a backup of a PostgreSQL data directory");
		assertThat(data).doesNotExist();
	}

	private ConfigurableApplicationContext start(Path data) {
		// As arguments, which win over application.properties (default properties would not).
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TsunaguApplication.class).run(
				"--server.port=0", "--tsunagu.embedded-database.data-directory=" + data, "--tsunagu.demo.enabled=false",
				"--tsunagu.mail.dispatcher-enabled=false", "--tsunagu.network.record-delay=PT10H",
				"--tsunagu.retention.purge-cron=-", "--spring.main.banner-mode=off");
		this.started.add(context);
		return context;
	}

	private Run run(String script, Path data, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", Path.of("scripts", script).toAbsolutePath().toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("TSUNAGU_DATA_DIR", data.toString());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), output);
	}

	private record Run(int exitCode, String output) {
	}

}
