package io.tsunagu.mail;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How mail is sent: the sender, the base of every link, batching, retries and retention.
 */
@ConfigurationProperties("tsunagu.mail")
record MailSettings(@DefaultValue("no-reply@tsunagu.example") String from, @DefaultValue("200") int batchSize,
		@DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration initialBackoff,
		@DefaultValue("2h") Duration maxBackoff, @DefaultValue("10m") Duration staleTimeout,
		@DefaultValue("5s") Duration pollInterval, @DefaultValue("90d") Duration retention,
		@DefaultValue("true") boolean dispatcherEnabled) {

	/** The wait before attempt {@code attempts + 1}: doubling from the initial back-off, capped. */
	Duration backoffAfter(int attempts) {
		Duration wait = this.initialBackoff;
		for (int i = 1; i < attempts && wait.compareTo(this.maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(this.maxBackoff) > 0 ? this.maxBackoff : wait;
	}

	String messageIdDomain(String baseUrl) {
		String host = URI.create(baseUrl).getHost();
		return host == null ? "tsunagu.local" : host;
	}

}
