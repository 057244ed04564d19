package io.tsunagu.attendance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.directory.EmployeeRef;

/**
 * The demo's personal invitations, one for each person: it names them, and an opening, a reason
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

	FIRST_STUDY("%2$sの目線で、企画書のどこが読みにくいのかをぜひ教えてください。",
			"稟議書を何度も書き直していると聞いたので、きっと役に立つと思います。",
			"%2$sで使っている資料の型も、みんなに紹介してもらえるとうれしいです。",
			"前に会議で配ってくれた一枚資料がとても分かりやすかったので、話を聞きたいです。",
			"少人数で、質問しやすい会にします。%2$sからの参加は大歓迎です。",
			"企画書を読む側の苦労も聞いてみたいので、声をかけました。",
			"一時間の短い会なので、%2$sの仕事の区切りに寄ってください。"),

	LUNCH("締め日の前に%2$sへ確認したいことがよくあるので、顔を合わせて話せたらと思いました。",
			"同じフロアなのにゆっくり話したことがなかったので、お昼をご一緒しませんか。",
			"%2$sの月末の段取りを、ほかの部署にも紹介してもらえるとうれしいです。",
			"いつも書類の回覧を早く回してくださって、ありがとうございます。そのお礼もかねて。",
			"お弁当は用意しますので、手ぶらで来てください。%2$sのみなさんの好みも聞いています。",
			"新しい経費のルールについて、%2$sの意見を聞かせてください。",
			"昼休みの三十分だけですので、気軽にどうぞ。"),

	BRIDGE("お客様の声を一番知っている%2$sの話を、開発のメンバーが聞きたがっています。",
			"電話ではよく話すのに、顔を合わせたことがない人が多いので、この機会にぜひ。",
			"%2$sで今困っていることを、企画の側にも直接聞かせてください。",
			"先月の製品説明会での質問がとても鋭かったので、続きを聞かせてほしいです。",
			"テーブルごとに営業と開発が半分ずつになるよう席を決めています。%2$sの代表としてぜひ。",
			"新しい提案資料を一緒に作れる相手を見つける会にしたいと思っています。",
			"いつも無理な納期の相談に乗ってくださって、ありがとうございます。そのお礼も伝えたいです。"),

	TRIP("社長から今期の方針を直接聞ける貴重な機会なので、%2$sからもぜひ参加してください。",
			"宴会では部署ごとではなく、くじで席を決めます。%2$sの方と話せるのを楽しみにしています。",
			"去年の旅行で撮ってくださった写真が好評だったので、今年もぜひ。",
			"ご家族へのお土産の時間もとってあります。%2$sのみなさんにも声をかけてください。",
			"普段なかなか会えない役員とも話せる場にしたいと思っています。",
			"宴会の余興を一緒に考えてくれる人を探しています。%2$sの力を貸してください。",
			"バスの席も部署が混ざるようにしました。移動中もきっと楽しいです。",
			"一年間の感謝をこめた旅行です。%2$sでの頑張りをねぎらわせてください。"),

	TODAY("営業と開発が同じテーブルを囲める機会を作りたくて、まず声をかけました。",
			"%2$sの仕事の裏話を、ゲームの合間に聞かせてもらえたらうれしいです。",
			"ルールが簡単なゲームを選んだので、初めてでも大丈夫です。%2$sのみなさんにも好評でした。",
			"前に休憩室でボードゲームの話をしていたのを覚えていて、声をかけました。",
			"普段はオンライン会議でしか話せないので、直接お会いしたいです。",
			"%2$sとの打ち合わせでいつもフォローしてもらっているお礼もかねて、お誘いします。",
			"チーム対抗戦もするので、%2$sチームの代表としてぜひ。");

	// The invitee's surname, then the sender's department, surname and full name.
	private static final String[] OPENINGS = { "%1$sさん、お疲れさまです。%2$sの%3$sです。", "%1$sさん、ご無沙汰しています！%4$sです。",
			"%1$sさん、こんにちは。いつも社内チャットでのフォローに助けられています。", "%1$sさん、先日はエレベーターで声をかけてくれてありがとうございました。",
			"%1$sさん、お元気ですか。少し肌寒くなってきましたね。" };

	private static final String[] CLOSINGS = { "無理のない範囲で、来てもらえたらうれしいです。", "当日お会いできるのを楽しみにしています！",
			"都合が合えば、ぜひ顔を出してください。", "途中参加も大歓迎なので、気軽にどうぞ。", "ご都合がつかなければ、また別の機会にランチでも行きましょう。",
			"お返事をお待ちしています。" };

	private static final String[] IN_ENGLISH = {
			"Hi %s! I remember you talking about board games in the break room, so you were the first person I thought of. The rules are simple, and every table mixes departments. Hope you can join us!",
			"%s, you helped our team so patiently with the shipping questions last month. I would love a relaxed evening to thank you in person, and to hear how things are going in %s." };

	private static final String[] TRIP_IN_ENGLISH = {
			"Hi %s! The president will talk about this year's plans at the banquet, and the seats are drawn by lot, so every table mixes departments. I would be glad to see you there.",
			"%s, the bus seats mix departments too, so the ride will be a good chance to meet people beyond %s. Hope you can come along!" };

	private final String[] reasons;

	DemoMessages(String... reasons) {
		this.reasons = reasons;
	}

	/** A message from the sender to each person, by employee id, in the order given. */
	Map<Long, String> to(List<EmployeeRef> people, Map<String, DepartmentRef> departments, EmployeeRef sender) {
		DepartmentRef sendersDepartment = departments.get(sender.departmentCode());
		String from = sendersDepartment == null ? "" : sendersDepartment.displayName(Locale.JAPANESE);
		Map<Long, String> messages = new LinkedHashMap<>();
		int english = 0;
		for (int i = 0; i < people.size(); i++) {
			EmployeeRef person = people.get(i);
			DepartmentRef department = departments.get(person.departmentCode());
			if (Locale.ENGLISH.getLanguage().equals(person.locale().getLanguage())) {
				String firstName = person.name().split(" ")[0];
				String[] inEnglish = this == TRIP ? TRIP_IN_ENGLISH : IN_ENGLISH;
				messages.put(person.id(), inEnglish[english++ % inEnglish.length].formatted(firstName,
						department == null ? "" : department.displayName(Locale.ENGLISH)));
				continue;
			}
			String surname = surname(person);
			String departmentName = department == null ? "" : department.displayName(Locale.JAPANESE);
			messages.put(person.id(), OPENINGS[i % OPENINGS.length].formatted(surname, from, surname(sender),
					sender.name().replace(" ", ""))
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
