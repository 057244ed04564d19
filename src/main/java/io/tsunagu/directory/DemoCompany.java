package io.tsunagu.directory;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds a demo company into an empty database, so that a newcomer can try every journey. Generated
 * from a fixed seed: the same people every time. The database records that it holds the demo
 * ({@link DemoMode}) in the same transaction.
 */
@Component
@Order(0)
@ConditionalOnBooleanProperty("tsunagu.demo.enabled")
class DemoCompany implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCompany.class);

	static final String DOMAIN = "tsunagu.example";

	private static final long SEED = 20261127L;

	// Surname: kanji, katakana, romaji.
	private static final String[][] SURNAMES = { { "佐藤", "サトウ", "sato" }, { "鈴木", "スズキ", "suzuki" },
			{ "高橋", "タカハシ", "takahashi" }, { "田中", "タナカ", "tanaka" }, { "伊藤", "イトウ", "ito" },
			{ "渡辺", "ワタナベ", "watanabe" }, { "山本", "ヤマモト", "yamamoto" }, { "中村", "ナカムラ", "nakamura" },
			{ "小林", "コバヤシ", "kobayashi" }, { "加藤", "カトウ", "kato" }, { "吉田", "ヨシダ", "yoshida" },
			{ "山田", "ヤマダ", "yamada" }, { "佐々木", "ササキ", "sasaki" }, { "山口", "ヤマグチ", "yamaguchi" },
			{ "松本", "マツモト", "matsumoto" }, { "井上", "イノウエ", "inoue" }, { "木村", "キムラ", "kimura" },
			{ "林", "ハヤシ", "hayashi" }, { "斎藤", "サイトウ", "saito" }, { "清水", "シミズ", "shimizu" },
			{ "山崎", "ヤマザキ", "yamazaki" }, { "森", "モリ", "mori" }, { "池田", "イケダ", "ikeda" },
			{ "橋本", "ハシモト", "hashimoto" }, { "阿部", "アベ", "abe" }, { "石川", "イシカワ", "ishikawa" },
			{ "前田", "マエダ", "maeda" }, { "藤田", "フジタ", "fujita" }, { "小川", "オガワ", "ogawa" },
			{ "岡田", "オカダ", "okada" }, { "後藤", "ゴトウ", "goto" }, { "長谷川", "ハセガワ", "hasegawa" },
			{ "村上", "ムラカミ", "murakami" }, { "近藤", "コンドウ", "kondo" }, { "石井", "イシイ", "ishii" },
			{ "髙田", "タカダ", "takada" }, { "坂本", "サカモト", "sakamoto" }, { "遠藤", "エンドウ", "endo" },
			{ "青木", "アオキ", "aoki" }, { "藤井", "フジイ", "fujii" }, { "西村", "ニシムラ", "nishimura" },
			{ "福田", "フクダ", "fukuda" }, { "太田", "オオタ", "ota" }, { "三浦", "ミウラ", "miura" },
			{ "岡本", "オカモト", "okamoto" }, { "松田", "マツダ", "matsuda" }, { "中川", "ナカガワ", "nakagawa" } };

	private static final String[][] GIVEN_NAMES = { { "翔太", "ショウタ", "shota" }, { "大輔", "ダイスケ", "daisuke" },
			{ "健太", "ケンタ", "kenta" }, { "拓也", "タクヤ", "takuya" }, { "直樹", "ナオキ", "naoki" },
			{ "和也", "カズヤ", "kazuya" }, { "達也", "タツヤ", "tatsuya" }, { "誠", "マコト", "makoto" },
			{ "浩二", "コウジ", "koji" }, { "蓮", "レン", "ren" }, { "悠斗", "ユウト", "yuto" },
			{ "大和", "ヤマト", "yamato" }, { "陽翔", "ハルト", "haruto" }, { "修", "オサム", "osamu" },
			{ "亮", "リョウ", "ryo" }, { "哲也", "テツヤ", "tetsuya" }, { "剛", "ツヨシ", "tsuyoshi" },
			{ "雄一", "ユウイチ", "yuichi" }, { "美咲", "ミサキ", "misaki" }, { "愛", "アイ", "ai" },
			{ "由美", "ユミ", "yumi" }, { "真由美", "マユミ", "mayumi" }, { "彩", "アヤ", "aya" },
			{ "結衣", "ユイ", "yui" }, { "さくら", "サクラ", "sakura" }, { "葵", "アオイ", "aoi" },
			{ "麻衣", "マイ", "mai" }, { "千尋", "チヒロ", "chihiro" }, { "奈々", "ナナ", "nana" },
			{ "智子", "トモコ", "tomoko" }, { "久美子", "クミコ", "kumiko" }, { "明美", "アケミ", "akemi" },
			{ "美穂", "ミホ", "miho" }, { "優子", "ユウコ", "yuko" }, { "香織", "カオリ", "kaori" },
			{ "恵", "メグミ", "megumi" } };

	// Code, Japanese name, English name, how many staff.
	private static final Object[][] DEPARTMENTS = { { "EXEC", "経営企画室", "Executive Office", 6 },
			{ "SALES", "営業部", "Sales", 34 }, { "PLAN", "企画・開発部", "Planning & Development", 33 },
			{ "ACCT", "経理部", "Accounting", 15 }, { "GA", "総務部", "General Affairs", 19 },
			{ "PR", "広報部", "Public Relations", 12 }, { "LOG", "物流部", "Logistics", 27 } };

	private final Departments departments;

	private final Employees employees;

	private final ApplicationEventPublisher events;

	private final DemoMode demo;

	private final Random random = new Random(SEED);

	private final Map<String, Integer> usedEmails = new HashMap<>();

	private int nextCode = 1;

	DemoCompany(Departments departments, Employees employees, ApplicationEventPublisher events, DemoMode demo) {
		this.departments = departments;
		this.employees = employees;
		this.events = events;
		this.demo = demo;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		// Once left, the demo stays gone: an empty directory then waits for the real org chart.
		if (this.demo.wasSeeded() || this.departments.count() > 0 || this.employees.count() > 0) {
			return;
		}
		List<Employee> people = seed();
		this.demo.recordSeeded();
		this.events.publishEvent(new DemoCompanySeeded(people.stream().map(Employee::getEmail).toList(),
				List.of("admin@" + DOMAIN)));
		log.info("Seeded the demo company: {} departments, {} employees", DEPARTMENTS.length, people.size());
	}

	private List<Employee> seed() {
		int thisYear = Year.now().getValue();
		Map<String, Department> byCode = new LinkedHashMap<>();
		for (Object[] row : DEPARTMENTS) {
			Department department = new Department((String) row[0], (String) row[1], (String) row[2], null);
			byCode.put(department.getCode(), this.departments.save(department));
		}
		Department exec = byCode.get("EXEC");
		List<Employee> people = new ArrayList<>();

		Employee president = add(people, "山本", "ヤマモト", "健一", "ケンイチ", "president", exec, Rank.EXECUTIVE,
				"代表取締役社長", thisYear - 28, null, Locale.JAPANESE);
		Employee sales = add(people, "高橋", "タカハシ", "誠", "マコト", "officer", exec, Rank.OFFICER,
				"取締役 営業・広報担当", thisYear - 25, president, Locale.JAPANESE);
		Employee planning = add(people, "中村", "ナカムラ", "陽子", "ヨウコ", "yoko.nakamura", exec, Rank.OFFICER,
				"取締役 企画・開発・物流担当", thisYear - 24, president, Locale.JAPANESE);
		Employee corporate = add(people, "小林", "コバヤシ", "隆", "タカシ", "takashi.kobayashi", exec, Rank.OFFICER,
				"常務取締役 管理部門担当", thisYear - 27, president, Locale.JAPANESE);
		Map<String, Employee> officers = Map.of("EXEC", corporate, "SALES", sales, "PLAN", planning, "ACCT",
				corporate, "GA", corporate, "PR", sales, "LOG", planning);

		for (Department department : byCode.values()) {
			Employee officer = officers.get(department.getCode());
			department.assignOfficer(officer);
			String title = department == exec ? "室長" : "部長";
			Employee manager = department.getCode().equals("SALES")
					? add(people, "伊藤", "イトウ", "大輔", "ダイスケ", "manager", department, Rank.MANAGER, title,
							thisYear - 19, officer, Locale.JAPANESE)
					: addRandom(people, department, Rank.MANAGER, title, thisYear - 15 - this.random.nextInt(8), officer);
			department.assignHead(manager);
		}

		Department planningDept = byCode.get("PLAN");
		Department generalAffairs = byCode.get("GA");
		add(people, "佐藤", "サトウ", "美咲", "ミサキ", "organiser", planningDept, Rank.STAFF, "主任", thisYear - 10,
				planningDept.getHead(), Locale.JAPANESE);
		add(people, "鈴木", "スズキ", "恵子", "ケイコ", "admin", generalAffairs, Rank.STAFF, "人事担当", thisYear - 12,
				generalAffairs.getHead(), Locale.JAPANESE);
		add(people, "クラーク", "クラーク", "エミリー", "エミリー", "emily.clark", planningDept, Rank.STAFF, null,
				thisYear - 3, planningDept.getHead(), Locale.ENGLISH, "Emily Clark");
		add(people, "リー", "リー", "デイビッド", "デイビッド", "david.lee", byCode.get("LOG"), Rank.STAFF, null,
				thisYear - 6, byCode.get("LOG").getHead(), Locale.ENGLISH, "David Lee");

		for (Object[] row : DEPARTMENTS) {
			Department department = byCode.get((String) row[0]);
			int staff = (Integer) row[3] - (int) people.stream().filter(p -> p.getDepartment() == department && p.getRank() == Rank.STAFF).count();
			for (int i = 0; i < staff; i++) {
				int joinYear = thisYear - this.random.nextInt(21);
				addRandom(people, department, Rank.STAFF, staffTitle(thisYear - joinYear), joinYear, department.getHead());
			}
		}
		return people;
	}

	private String staffTitle(int years) {
		if (years >= 15) {
			return "課長";
		}
		if (years >= 10) {
			return "係長";
		}
		return years >= 5 ? "主任" : null;
	}

	private Employee addRandom(List<Employee> people, Department department, Rank rank, String title, int joinYear,
			Employee reportsTo) {
		String[] surname = SURNAMES[this.random.nextInt(SURNAMES.length)];
		String[] given = GIVEN_NAMES[this.random.nextInt(GIVEN_NAMES.length)];
		return add(people, surname[0], surname[1], given[0], given[1], given[2] + "." + surname[2], department, rank,
				title, joinYear, reportsTo, Locale.JAPANESE);
	}

	private Employee add(List<Employee> people, String surname, String surnameKana, String given, String givenKana,
			String mailbox, Department department, Rank rank, String title, int joinYear, Employee reportsTo,
			Locale locale) {
		return add(people, surname, surnameKana, given, givenKana, mailbox, department, rank, title, joinYear,
				reportsTo, locale, surname + " " + given);
	}

	private Employee add(List<Employee> people, String surname, String surnameKana, String given, String givenKana,
			String mailbox, Department department, Rank rank, String title, int joinYear, Employee reportsTo,
			Locale locale, String name) {
		int seen = this.usedEmails.merge(mailbox, 1, Integer::sum);
		String email = (seen == 1 ? mailbox : mailbox + seen) + "@" + DOMAIN;
		String code = "E%05d".formatted(this.nextCode++);
		Employee employee = new Employee(code, name, surnameKana + " " + givenKana, new EmailAddress(email),
				department, rank, title, new JoinYear(joinYear), reportsTo, locale);
		people.add(this.employees.save(employee));
		return employee;
	}

}
