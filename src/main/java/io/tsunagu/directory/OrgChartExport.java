package io.tsunagu.directory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the org chart as the two CSV files the import reads, so that an administrator can edit
 * the current state in a spreadsheet and load it back.
 */
@Service
class OrgChartExport {

	// Excel opens a UTF-8 file as Windows-31J unless it starts with a byte order mark.
	private static final char BOM = '\uFEFF';

	// CRLF, as Excel writes and expects.
	private static final CSVFormat FORMAT = CSVFormat.DEFAULT;

	private final OrgChartTables tables;

	OrgChartExport(OrgChartTables tables) {
		this.tables = tables;
	}

	// One transaction so that the rows stream through a cursor and come from one point in time.
	@Transactional(readOnly = true)
	void writeDepartments(OutputStream out) {
		write(out, CsvFile.DEPARTMENTS, this.tables::eachDepartment);
	}

	@Transactional(readOnly = true)
	void writeEmployees(OutputStream out) {
		write(out, CsvFile.EMPLOYEES, this.tables::eachEmployee);
	}

	private static void write(OutputStream out, CsvFile file, Consumer<Consumer<String[]>> rows) {
		try {
			Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			writer.write(BOM);
			CSVPrinter printer = new CSVPrinter(writer, FORMAT);
			printer.printRecord(file.columns().stream().map(CsvColumn::header));
			rows.accept(values -> {
				try {
					for (String value : values) {
						printer.print(FormulaGuard.escape(value));
					}
					printer.println();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			printer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
