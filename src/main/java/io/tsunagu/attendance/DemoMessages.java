package io.tsunagu.attendance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.directory.EmployeeRef;

/**
 * The demo organiser's personal invitations, one for each person: it names them, and an opening, a reason
 * to invite this person and a closing are taken in turns from lists of different lengths, so that no two
 * messages of a wave share more than one of the three (the invitations page would point out a copy). In
 * English for those who read English.
 */
enum DemoMessages {

	COHORT("入社式の日に隣の席だったのを、ふと思い出しました。%2$sでの今の仕事の話も聞かせてください。",
			"%2$sに異動してから忙しそうだと聞いていたので、近況をゆっくり話せたらと思っています。",
			"新人研修で一緒に夜遅くまで資料を作ったこと、今でも良い思い出です。あのときの班のみんなにも声をかけています。",
			"全社会議での発表、堂々としていて同期として誇らしかったです。準備の話も聞きたいです。",
			"最近は後輩の面倒もよく見ていると聞きました。どんな工夫をしているのか教えてほしいです。",
			"前回はあまり話せなかったので、今回は席を近くにしますね。%2$sの様子も聞かせてください。",
			"%2$sとの仕事で何度も助けてもらったお礼を、改めて直接伝えたいです。"),

	MIXER("%2$sの仕事をあまり知らないので、普段どんなことをしているのか話を聞いてみたいです。",
			"先月の問い合わせで%2$sに丁寧に教えてもらって、本当に助かりました。",
			"新しいメンバー同士が顔見知りになれる場にしたいので、%2$sからもぜひ来てほしいです。",
			"社内報の記事を読んで、一度ゆっくりお話ししてみたいと思っていました。",
			"部署をまたいだ相談がしやすくなるよう、話しやすい雰囲気をつくります。%2$sの声も聞かせてください。",
			"以前の打ち合わせで出たアイデアが面白かったので、その続きを聞かせてください。",
			"いつも%2$sとの窓口になってくださって、ありがとうございます。そのお礼もかねてお誘いします。"),

	STUDY("経費精算の差し戻しで困っていると聞いたので、役に立つ内容だと思います。",
			"%2$sの精算のやり方も、みんなに共有してもらえるとうれしいです。",
			"経理部の方が直接コツを教えてくれるので、日頃の疑問をぜひ持ってきてください。",
			"月末にいつも遅くまで残っているのを見ていて、少しでも楽になればと思いました。",
			"出張が多い%2$sの方の声も聞きたいので、ぜひ参加してください。",
			"前に領収書の扱いで相談してくれたこと、ちょうど今回取り上げます。",
			"三十分の短い会なので、%2$sの仕事の合間に気軽に寄ってください。"),

	TODAY("営業と開発が同じテーブルを囲める機会を作りたくて、まず声をかけました。",
			"%2$sの仕事の裏話を、ゲームの合間に聞かせてもらえたらうれしいです。",
			"ルールが簡単なゲームを選んだので、初めてでも大丈夫です。%2$sのみなさんにも好評でした。",
			"前に休憩室でボードゲームの話をしていたのを覚えていて、声をかけました。",
			"普段はオンライン会議でしか話せないので、直接お会いしたいです。",
			"%2$sとの打ち合わせでいつもフォローしてもらっているお礼もかねて、お誘いします。",
			"チーム対抗戦もするので、%2$sチームの代表としてぜひ。");

	private static final String[] OPENINGS = { "%sさん、お疲れさまです。企画・開発部の佐藤です。", "%sさん、ご無沙汰しています！佐藤美咲です。",
			"%sさん、こんにちは。いつも社内チャットでのフォローに助けられています。", "%sさん、先日はエレベーターで声をかけてくれてありがとうございました。",
			"%sさん、お元気ですか。少し肌寒くなってきましたね。" };

	private static final String[] CLOSINGS = { "無理のない範囲で、来てもらえたらうれしいです。", "当日お会いできるのを楽しみにしています！",
			"都合が合えば、ぜひ顔を出してください。", "途中参加も大歓迎なので、気軽にどうぞ。", "ご都合がつかなければ、また別の機会にランチでも行きましょう。",
			"お返事をお待ちしています。" };

	private static final String[] IN_ENGLISH = {
			"Hi %s! I remember you talking about board games in the break room, so you were the first person I thought of. The rules are simple, and every table mixes departments. Hope you can join us!",
			"%s, you helped our team so patiently with the shipping questions last month. I would love a relaxed evening to thank you in person, and to hear how things are going in %s." };

	private final String[] reasons;

	DemoMessages(String... reasons) {
		this.reasons = reasons;
	}

	/** A message for each person, by employee id, in the order given. */
	Map<Long, String> to(List<EmployeeRef> people, Map<String, DepartmentRef> departments) {
		Map<Long, String> messages = new LinkedHashMap<>();
		int english = 0;
		for (int i = 0; i < people.size(); i++) {
			EmployeeRef person = people.get(i);
			DepartmentRef department = departments.get(person.departmentCode());
			if (Locale.ENGLISH.getLanguage().equals(person.locale().getLanguage())) {
				String firstName = person.name().split(" ")[0];
				messages.put(person.id(), IN_ENGLISH[english++ % IN_ENGLISH.length].formatted(firstName,
						department == null ? "" : department.displayName(Locale.ENGLISH)));
				continue;
			}
			String surname = surname(person);
			String departmentName = department == null ? "" : department.displayName(Locale.JAPANESE);
			messages.put(person.id(), OPENINGS[i % OPENINGS.length].formatted(surname)
					+ this.reasons[i % this.reasons.length].formatted(surname, departmentName) + CLOSINGS[i % CLOSINGS.length]);
		}
		return messages;
	}

	/**
	 * The demo organiser's thank-yous after the mixer: to its co-organiser, and to the helpers who booked
	 * the room and made the name cards.
	 */
	static Map<Long, String> thanks(EmployeeRef coOrganiser, EmployeeRef roomBooker, EmployeeRef nameCardMaker) {
		Map<Long, String> thanks = new LinkedHashMap<>();
		thanks.put(coOrganiser.id(), surname(coOrganiser) + "さん、一緒に幹事を引き受けてくれて本当にありがとうございました。"
				+ "声をかけてくれた人たちのおかげで、初対面同士のテーブルがいくつもできました。次の企画もぜひ相談させてください。");
		thanks.put(roomBooker.id(), surname(roomBooker) + "さん、大会議室の予約と机の配置をありがとうございました。"
				+ "島ごとに部署が混ざるように並べてもらえたので、乾杯からすぐに会話が始まっていました。");
		thanks.put(nameCardMaker.id(), surname(nameCardMaker) + "さん、名札と席札の準備、お疲れさまでした。"
				+ "部署名を大きく書いてもらったのが好評で、名札をきっかけに話しかける人が多かったです。今度お昼をご一緒させてください。");
		return thanks;
	}

	private static String surname(EmployeeRef person) {
		return person.name().split(" ")[0];
	}

}
