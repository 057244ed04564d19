package io.tsunagu.directory;

import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "employees")
class Employee {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	private String nameKana;

	private String email;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "department_id")
	private Department department;

	@Enumerated(EnumType.STRING)
	private Rank rank;

	private String title;

	private int joinYear;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "reports_to_id")
	private Employee reportsTo;

	private String locale;

	private boolean active = true;

	protected Employee() {
	}

	Employee(String code, String name, String nameKana, EmailAddress email, Department department, Rank rank,
			String title, JoinYear joinYear, Employee reportsTo, Locale locale) {
		this.code = code;
		this.name = name;
		this.nameKana = nameKana;
		this.email = email.value();
		this.department = department;
		this.rank = rank;
		this.title = title;
		this.joinYear = joinYear.value();
		this.reportsTo = reportsTo;
		this.locale = locale.getLanguage();
	}

	EmployeeRef toRef() {
		return new EmployeeRef(this.id, this.code, this.name, this.email, this.department.getId(),
				this.department.getCode(), this.rank, this.joinYear, getLocale(), this.title);
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public String getNameKana() {
		return this.nameKana;
	}

	public String getEmail() {
		return this.email;
	}

	public Department getDepartment() {
		return this.department;
	}

	public Rank getRank() {
		return this.rank;
	}

	public String getTitle() {
		return this.title;
	}

	public int getJoinYear() {
		return this.joinYear;
	}

	public Employee getReportsTo() {
		return this.reportsTo;
	}

	public Locale getLocale() {
		return Locale.forLanguageTag(this.locale);
	}

	public boolean isActive() {
		return this.active;
	}

}
