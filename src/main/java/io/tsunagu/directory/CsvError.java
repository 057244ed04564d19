package io.tsunagu.directory;

/**
 * What can be wrong with an uploaded org chart; each names its message key (ja and en bundles).
 */
enum CsvError {

	NO_FILE("csv.upload.none"), UPLOAD_TOO_LARGE("csv.upload.tooLarge"),
	TOO_LARGE("csv.file.tooLarge"), BINARY("csv.file.binary"), EMPTY("csv.file.empty"),
	MALFORMED("csv.file.malformed"), UNKNOWN_COLUMN("csv.header.unknown"), MISSING_COLUMN("csv.header.missing"),
	DUPLICATE_COLUMN("csv.header.duplicate"), ROW_WIDTH("csv.row.width"), REQUIRED("csv.value.required"),
	TOO_LONG("csv.value.tooLong"), EMAIL_SHAPE("csv.email.shape"), RANK("csv.rank.unknown"),
	YEAR_NOT_A_NUMBER("csv.joinYear.notNumber"), YEAR_OUT_OF_RANGE("csv.joinYear.outOfRange"),
	LOCALE("csv.locale.unknown"), UNKNOWN_DEPARTMENT("csv.department.unknown"),
	UNKNOWN_PERSON("csv.person.unknown"), DUPLICATE_CODE("csv.code.duplicate"),
	DUPLICATE_EMAIL("csv.email.duplicate"), EMAIL_TAKEN("csv.email.taken"),
	DEPARTMENT_CYCLE("csv.department.cycle"), REPORTS_TO_CYCLE("csv.reportsTo.cycle");

	private final String messageKey;

	CsvError(String messageKey) {
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
