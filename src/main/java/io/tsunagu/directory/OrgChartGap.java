package io.tsunagu.directory;

/**
 * The org chart lacks a role that a department needs: it names the department and the role.
 */
public class OrgChartGap extends RuntimeException {

	/** The roles of a department's approval chain. */
	public enum Role {

		MANAGER, OFFICER, EXECUTIVE

	}

	private final String departmentCode;

	private final String departmentName;

	private final Role missing;

	OrgChartGap(String departmentCode, String departmentName, Role missing) {
		super("Department " + departmentCode + " (" + departmentName + ") has no " + missing.name().toLowerCase());
		this.departmentCode = departmentCode;
		this.departmentName = departmentName;
		this.missing = missing;
	}

	public String departmentCode() {
		return this.departmentCode;
	}

	public String departmentName() {
		return this.departmentName;
	}

	public Role missing() {
		return this.missing;
	}

	/** The message key that explains the gap; its arguments are the department's name and code. */
	public String messageKey() {
		return "orgchart.gap." + this.missing.name().toLowerCase();
	}

}
