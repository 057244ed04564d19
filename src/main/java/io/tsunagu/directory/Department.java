package io.tsunagu.directory;

import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "departments")
class Department {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	private String nameEn;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent_id")
	private Department parent;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "head_id")
	private Employee head;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "officer_id")
	private Employee officer;

	protected Department() {
	}

	Department(String code, String name, String nameEn, Department parent) {
		this.code = code;
		this.name = name;
		this.nameEn = nameEn;
		this.parent = parent;
	}

	void assignHead(Employee head) {
		this.head = head;
	}

	void assignOfficer(Employee officer) {
		this.officer = officer;
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

	public String getNameEn() {
		return this.nameEn;
	}

	/** The name in the viewer's language; the Japanese name where no English one is kept. */
	public String displayName(Locale locale) {
		return "en".equals(locale.getLanguage()) && this.nameEn != null && !this.nameEn.isBlank() ? this.nameEn : this.name;
	}

	public Department getParent() {
		return this.parent;
	}

	public Employee getHead() {
		return this.head;
	}

	public Employee getOfficer() {
		return this.officer;
	}

}
