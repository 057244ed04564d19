package io.tsunagu.invitations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tsunagu.TsunaguApplication;
import io.tsunagu.approval.Approvals;
import io.tsunagu.audience.Segment;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeFilter;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

/**
 * Times an announcement to the whole demo company (everyone but the organiser and the two people of the
 * personal wave): the preview, then the send, which creates the invitations and renders and queues one
 * mail with a calendar part each, in one transaction. The baseline, in the same run: sending a personal
 * wave written for as many people, the path every invitation mail already takes. Not a test:
 * {@code bench/broadcast/run.sh} runs it. Usage: {@code BroadcastBenchmark <rounds>}.
 */
public final class BroadcastBenchmark {

	private BroadcastBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = Integer.parseInt(args[0]);
		Path data = Files.createTempDirectory("tsunagu-bench-pg");
		// The same durability as the application's own embedded server: every commit is flushed.
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.start()) {
			try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
				connection.createStatement().execute("CREATE DATABASE bench");
			}
			ConfigurableApplicationContext context = new SpringApplicationBuilder(TsunaguApplication.class)
				.properties(Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", "bench"),
						"tsunagu.mail.dispatcher-enabled", false, "logging.level.root", "WARN", "spring.main.banner-mode",
						"off", "server.port", 0))
				// An argument, not a default property: with a database URL the demo company is off by default.
				.run("--tsunagu.demo.enabled=true");
			try {
				run(context, rounds);
			}
			finally {
				context.close();
			}
		}
	}

	private static void run(ConfigurableApplicationContext context, int rounds) {
		InvitationWaves waves = context.getBean(InvitationWaves.class);
		Broadcasts broadcasts = context.getBean(Broadcasts.class);
		Directory directory = context.getBean(Directory.class);
		ApprovedEvents events = new ApprovedEvents(context.getBean(Plans.class), context.getBean(Approvals.class),
				directory, context.getBean(OrgChart.class));
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		InvitationTestSupport support = new InvitationTestSupport(waves, events, jdbc);
		List<EmployeeRef> personal = List.of(directory.findByEmail("david.lee@tsunagu.example").orElseThrow(),
				directory.findByEmail("manager@tsunagu.example").orElseThrow());
		long organiser = events.organiser().id();

		System.out.println("round  audience  preview ms  send ms  ms per recipient  personal wave ms  send / personal");
		List<Double> sends = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		// Two rounds warm up (JIT, template cache, connections) and are not counted.
		for (int round = -2; round < rounds; round++) {
			long plan = events.anApprovedEvent("全社の会 " + round, 500);
			support.invite(plan, personal);
			long start = System.nanoTime();
			long audience = broadcasts.preview(plan, organiser, BroadcastForm.of(Segment.everyone())).preview().count();
			long previewed = System.nanoTime();
			int sent = broadcasts.send(plan, organiser, ApprovedEvents.ORGANISER, new BroadcastForm(null, null, null, null,
					"今年も全社で集まります。ぜひご参加ください。", audience)).invited();
			long done = System.nanoTime();
			double personalMs = personalWave(waves, events, jdbc, directory, sent) / 1e6;
			if (round >= 0) {
				double sendMs = (done - previewed) / 1e6;
				sends.add(sendMs);
				ratios.add(sendMs / personalMs);
				System.out.printf("%5d  %8d  %10.1f  %7.1f  %16.2f  %16.1f  %15.2f%n", round + 1, sent,
						(previewed - start) / 1e6, sendMs, sendMs / sent, personalMs, sendMs / personalMs);
			}
		}
		sends.sort(null);
		ratios.sort(null);
		System.out.printf("median send: %.1f ms, median send / personal wave: %.2f%n", sends.get(sends.size() / 2),
				ratios.get(ratios.size() / 2));
	}

	/** Writes a personal wave for {@code size} people (untimed) and returns how long sending it takes, in ns. */
	private static long personalWave(InvitationWaves waves, ApprovedEvents events, JdbcClient jdbc, Directory directory,
			int size) {
		long plan = events.anApprovedEvent("個別招待の会", 500);
		long organiser = events.organiser().id();
		directory.find(new EmployeeFilter(null, null, null, null), List.of(organiser), size)
			.forEach(person -> waves.add(plan, organiser, ApprovedEvents.ORGANISER, person.id()));
		jdbc.sql("SELECT id FROM invitations WHERE plan_id = ?")
			.param(plan)
			.query(Long.class)
			.list()
			.forEach(id -> waves.write(plan, id, organiser, "いつも助けてくださってありがとうございます。今回もぜひ。" + id));
		long start = System.nanoTime();
		waves.send(plan, organiser, ApprovedEvents.ORGANISER);
		return System.nanoTime() - start;
	}

}
