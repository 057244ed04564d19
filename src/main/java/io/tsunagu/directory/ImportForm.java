package io.tsunagu.directory;

import org.springframework.web.multipart.MultipartFile;

/**
 * The upload form: either file may be left empty, but not both. {@code everyone}: the employees file
 * lists every employee, so those it leaves out have left.
 */
record ImportForm(MultipartFile departments, MultipartFile employees, Boolean everyone) {

	/** Whether the employees file lists everyone; an unticked box sends nothing. */
	boolean listsEveryone() {
		return Boolean.TRUE.equals(this.everyone);
	}

	CsvUpload departmentsUpload() {
		return upload(CsvFile.DEPARTMENTS, this.departments);
	}

	CsvUpload employeesUpload() {
		return upload(CsvFile.EMPLOYEES, this.employees);
	}

	private static CsvUpload upload(CsvFile file, MultipartFile part) {
		// A file input left empty still sends a part, with no name and no bytes.
		if (part == null || (part.isEmpty() && (part.getOriginalFilename() == null || part.getOriginalFilename().isBlank()))) {
			return null;
		}
		return new CsvUpload(file, part.getOriginalFilename(), part.getSize(), part::getBytes);
	}

}
