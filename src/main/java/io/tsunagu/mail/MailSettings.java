package io.tsunagu.mail;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How mail is sent: the sender, the base of every link, batching, claims, retries and retention.
 * {@code lease} is how long a claim holds without being renewed; {@code sentBodyRetention} how long the
 * bodies of mail an SMTP server accepted are kept; {@code instanceId} names this instance's claims.
 */
@ConfigurationProperties("tsunagu.mail")
record MailSettings(@DefaultValue("no-reply@tsunagu.example") String from, @DefaultValue("200") int batchSize,
		@DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration initialBackoff,
		@DefaultValue("2h") Duration maxBackoff, @DefaultValue("30s") Duration lease,
		@DefaultValue("5s") Duration pollInterval, @DefaultValue("90d") Duration retention,
		@DefaultValue("1h") Duration sentBodyRetention, @DefaultValue("") String instanceId,
		@DefaultValue("true") boolean dispatcherEnabled) {

	/** The wait before attempt {@code attempts + 1}: doubling from the initial back-off, capped. */
	Duration backoffAfter(int attempts) {
		Duration wait = this.initialBackoff;
		for (int i = 1; i < attempts && wait.compareTo(this.maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(this.maxBackoff) > 0 ? this.maxBackoff : wait;
	}

	/**
	 * The name this instance's claims carry: the configured one, or the host, the working directory
	 * and the configured port, which stay the same when the same instance is started again.
	 */
	String instanceId(String serverPort) {
		if (!this.instanceId.isBlank()) {
			return this.instanceId;
		}
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "localhost";
		}
		String id = host + ":" + Path.of("").toAbsolutePath() + ":" + serverPort;
		return id.length() > 300 ? id.substring(id.length() - 300) : id;
	}

	String messageIdDomain(String baseUrl) {
		String host = URI.create(baseUrl).getHost();
		return host == null ? "tsunagu.local" : host;
	}

}
