package io.tsunagu.directory;

/**
 * How many lines of an import created, changed or left a row as it was.
 */
record ImportCounts(int departmentsCreated, int departmentsUpdated, int departmentsUnchanged, int employeesCreated,
		int employeesUpdated, int employeesUnchanged) {

	/** The arguments of the {@code orgchart.import.done} message, in its order. */
	Object[] messageArguments() {
		return new Object[] { this.departmentsCreated, this.departmentsUpdated, this.departmentsUnchanged,
				this.employeesCreated, this.employeesUpdated, this.employeesUnchanged };
	}

	/** For the audit log, which is read by operators rather than shown in the user's language. */
	String summary() {
		return "departments: %d created, %d updated, %d unchanged; employees: %d created, %d updated, %d unchanged"
			.formatted(this.departmentsCreated, this.departmentsUpdated, this.departmentsUnchanged,
					this.employeesCreated, this.employeesUpdated, this.employeesUnchanged);
	}

}
