package io.tsunagu.invitations;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RsvpTokenTests {

	@Test
	void carries256RandomBitsInAUrlSafeForm() {
		RsvpToken token = RsvpToken.generate();
		assertThat(token.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			seen.add(RsvpToken.generate().value());
		}
		assertThat(seen).hasSize(10_000);
	}

	@Test
	void storesOnlyTheSha256OfTheToken() {
		RsvpToken token = RsvpToken.generate();
		assertThat(token.hash()).hasSize(32)
			.isNotEqualTo(token.value().getBytes(StandardCharsets.US_ASCII))
			.isEqualTo(RsvpToken.parse(token.value()).orElseThrow().hash());
		assertThat(RsvpToken.generate().hash()).isNotEqualTo(token.hash());
	}

	@Test
	void refusesWhatWasNeverIssuedByItsShape() {
		assertThat(RsvpToken.parse(null)).isEmpty();
		assertThat(RsvpToken.parse("")).isEmpty();
		assertThat(RsvpToken.parse("short")).isEmpty();
		assertThat(RsvpToken.parse("a".repeat(44))).isEmpty();
		assertThat(RsvpToken.parse("a".repeat(42) + "=")).isEmpty();
		assertThat(RsvpToken.parse("a".repeat(42) + "/")).isEmpty();
		assertThat(RsvpToken.parse("a".repeat(43))).isPresent();
	}

	@Test
	void neverPrintsTheSecret() {
		RsvpToken token = RsvpToken.generate();
		assertThat(token.toString()).doesNotContain(token.value());
	}

}
