package io.tsunagu.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class EventDatesTests {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");

	private final EventDates dates = new EventDates(bundles(), TOKYO);

	private final EventDates.Writer ja = this.dates.in(Locale.JAPANESE);

	private final EventDates.Writer en = this.dates.in(Locale.ENGLISH);

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	private static ZonedDateTime tokyo(int month, int day, int hour, int minute) {
		return ZonedDateTime.of(2027, month, day, hour, minute, 0, 0, TOKYO);
	}

	@Test
	void writesAnEveningOnOneDayAsPeopleDo() {
		assertThat(this.ja.range(tokyo(1, 22, 19, 0), tokyo(1, 22, 21, 0))).isEqualTo("2027年1月22日(金) 19:00〜21:00");
		assertThat(this.en.range(tokyo(1, 22, 19, 0), tokyo(1, 22, 21, 0))).isEqualTo("Fri 22 Jan 2027, 19:00–21:00");
	}

	@Test
	void writesAMomentAndADay() {
		Instant deadline = tokyo(1, 15, 18, 0).toInstant();
		assertThat(this.ja.at(deadline)).isEqualTo("2027年1月15日(金) 18:00");
		assertThat(this.en.at(deadline)).isEqualTo("Fri 15 Jan 2027, 18:00");
		assertThat(this.ja.day(LocalDate.of(2027, 1, 15))).isEqualTo("2027年1月15日(金)");
		assertThat(this.en.day(LocalDate.of(2027, 1, 15))).isEqualTo("Fri 15 Jan 2027");
	}

	@Test
	void writesBothDaysOfAnEventOverSeveralDays() {
		assertThat(this.ja.range(tokyo(5, 14, 10, 0), tokyo(5, 15, 16, 30)))
			.isEqualTo("2027年5月14日(金) 10:00〜2027年5月15日(土) 16:30");
		assertThat(this.en.range(tokyo(5, 14, 10, 0), tokyo(5, 15, 16, 30)))
			.isEqualTo("Fri 14 May 2027, 10:00 – Sat 15 May 2027, 16:30");
	}

	@Test
	void anEventPastMidnightRunsOverTwoDaysButOneEndingAtMidnightEndsAt24() {
		assertThat(this.ja.range(tokyo(1, 22, 22, 0), tokyo(1, 23, 1, 0)))
			.isEqualTo("2027年1月22日(金) 22:00〜2027年1月23日(土) 01:00");
		assertThat(this.en.range(tokyo(1, 22, 22, 0), tokyo(1, 23, 0, 0))).isEqualTo("Fri 22 Jan 2027, 22:00–24:00");
		assertThat(this.ja.range(tokyo(1, 22, 22, 0), tokyo(1, 23, 0, 0))).isEqualTo("2027年1月22日(金) 22:00〜24:00");
	}

	@Test
	void namesAZoneThatIsNotTheCompanysInTheReadersLanguageAndNeverItsId() {
		ZonedDateTime start = ZonedDateTime.of(2027, 1, 22, 18, 0, 0, 0, SINGAPORE);
		assertThat(this.ja.range(start, start.plusHours(2))).isEqualTo("2027年1月22日(金) 18:00〜20:00（シンガポール時間）");
		assertThat(this.en.range(start, start.plusHours(2))).isEqualTo("Fri 22 Jan 2027, 18:00–20:00 (Singapore Time)");
		assertThat(this.en.at(start)).isEqualTo("Fri 22 Jan 2027, 18:00 (Singapore Time)").doesNotContain("Asia/");
		assertThat(this.ja.at(start.withZoneSameInstant(TOKYO))).isEqualTo("2027年1月22日(金) 19:00");
		assertThat(this.ja.zone("Asia/Singapore")).isEqualTo("シンガポール時間");
		assertThat(this.en.zone("Asia/Singapore")).isEqualTo("Singapore Time");
	}

	@Test
	void theEndIsWrittenInTheZoneOfTheStart() {
		ZonedDateTime start = ZonedDateTime.of(2027, 1, 22, 18, 0, 0, 0, SINGAPORE);
		assertThat(this.en.range(start, start.plusHours(2).withZoneSameInstant(TOKYO)))
			.isEqualTo("Fri 22 Jan 2027, 18:00–20:00 (Singapore Time)");
	}

	@Test
	void writesNothingForNothing() {
		assertThat(this.ja.at((Instant) null)).isEmpty();
		assertThat(this.ja.range((Instant) null, null)).isEmpty();
		assertThat(this.ja.day(null)).isEmpty();
	}

}
