package io.tsunagu.invitations;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tsunagu.invitations.MessageCheck.Draft;
import io.tsunagu.invitations.MessageCheck.Finding;
import io.tsunagu.invitations.MessageCheck.Finding.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class MessageCheckTests {

	@Test
	void flagsJapaneseNearCopiesEvenWithTheNamesSwapped() {
		List<Finding> findings = MessageCheck.check(List.of(
				new Draft("a", "佐藤 美咲", "佐藤さん、先日の展示会では資料づくりを手伝ってくださり本当にありがとうございました。ぜひ同期会にいらしてください。"),
				new Draft("b", "伊藤 大輔", "伊藤さん、先日の展示会では資料づくりを手伝ってくださり本当にありがとうございました。ぜひ同期会にいらしてください！")));
		assertThat(findings).filteredOn(f -> f.kind() == Kind.NEAR_COPY)
			.extracting(Finding::key, Finding::other)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("a", "b"), org.assertj.core.groups.Tuple.tuple("b", "a"));
		assertThat(findings).filteredOn(f -> f.kind() == Kind.NEAR_COPY)
			.allSatisfy(f -> assertThat(f.similarity()).isGreaterThanOrEqualTo(0.8));
	}

	@Test
	void letsDifferentJapaneseMessagesPass() {
		List<Finding> findings = MessageCheck.check(List.of(
				new Draft("a", "佐藤 美咲", "佐藤さん、春の新製品発表会では受付を引き受けてくださって助かりました。今度の同期会でゆっくりお話ししたいです。"),
				new Draft("b", "伊藤 大輔", "伊藤さん、物流センターの見学を案内してくださったこと、今でも営業の皆と話題にしています。ぜひ来てください。")));
		assertThat(findings).isEmpty();
	}

	@Test
	void flagsEnglishNearCopiesAndLetsDifferentOnesPass() {
		List<Finding> copies = MessageCheck.check(List.of(
				new Draft("a", "Emily Clark", "Dear Emily, thank you so much for helping with the booth at the trade fair. Please join us!"),
				new Draft("b", "David Lee", "Dear David, thank you so much for helping with the booth at the trade fair. Please join us.")));
		assertThat(copies).extracting(Finding::kind).containsOnly(Kind.NEAR_COPY).hasSize(2);

		List<Finding> different = MessageCheck.check(List.of(
				new Draft("a", "Emily Clark", "Emily, your walkthrough of the new planning tool saved my team a week. I'd love to catch up at the mixer."),
				new Draft("b", "David Lee", "David, the way you rerouted the Osaka shipments during the typhoon was impressive. Hope you can come.")));
		assertThat(different).isEmpty();
	}

	@Test
	void flagsAMessageUnderThirtyCharacters() {
		assertThat(MessageCheck.check(List.of(new Draft("a", "佐藤 美咲", "佐藤さん、来てね。"))))
			.extracting(Finding::kind)
			.containsExactly(Kind.TOO_SHORT);
		assertThat(MessageCheck.check(List.of(new Draft("a", "佐藤 美咲", "佐藤さん、" + "あ".repeat(25))))).isEmpty();
	}

	@Test
	void flagsAMessageThatDoesNotNameTheInvitee() {
		assertThat(MessageCheck.check(List.of(new Draft("a", "佐藤 美咲",
				"先日の展示会では資料づくりを手伝ってくださり本当にありがとうございました。ぜひいらしてください。"))))
			.extracting(Finding::kind)
			.containsExactly(Kind.DOES_NOT_NAME_INVITEE);
	}

	@Test
	void acceptsTheFamilyNameTheGivenNameOrFullWidthLetters() {
		assertThat(MessageCheck.namesInvitee("美咲さん、いつもありがとう", "佐藤 美咲")).isTrue();
		assertThat(MessageCheck.namesInvitee("佐藤美咲様", "佐藤 美咲")).isTrue();
		assertThat(MessageCheck.namesInvitee("Ｅｍｉｌｙ, thanks!", "Emily Clark")).isTrue();
		assertThat(MessageCheck.namesInvitee("CLARK-san, thanks!", "Emily Clark")).isTrue();
		assertThat(MessageCheck.namesInvitee("Thanks!", "Emily Clark")).isFalse();
	}

	@Test
	void measuresSimilarityOnNormalisedTrigrams() {
		assertThat(MessageCheck.normalise("Ｔｓｕｎａｇｕ、 つなぐ！")).isEqualTo("tsunaguつなぐ");
		assertThat(MessageCheck.jaccard(MessageCheck.trigrams("abcd"), MessageCheck.trigrams("abcd"))).isEqualTo(1.0);
		assertThat(MessageCheck.jaccard(MessageCheck.trigrams("abcd"), MessageCheck.trigrams("wxyz"))).isZero();
		assertThat(MessageCheck.jaccard(MessageCheck.trigrams("abcde"), MessageCheck.trigrams("abcdx"))).isEqualTo(0.5);
	}

	@Test
	void staysQuietAboutMessagesNotWrittenYet() {
		assertThat(MessageCheck.check(List.of(new Draft("a", "佐藤 美咲", null), new Draft("b", "伊藤 大輔", ""),
				new Draft("c", "阿部 結衣", "  \n ")))).isEmpty();
	}

}
