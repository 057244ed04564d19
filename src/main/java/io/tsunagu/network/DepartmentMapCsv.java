package io.tsunagu.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.tsunagu.invitations.SpreadsheetCells;
import io.tsunagu.network.DepartmentMapPage.Cell;
import io.tsunagu.network.DepartmentMapPage.Department;
import io.tsunagu.network.DepartmentMapPage.Figure;
import io.tsunagu.network.DepartmentMapPage.Pair;
import io.tsunagu.network.DepartmentMapPage.QuarterShare;
import io.tsunagu.network.DepartmentMapPage.Row;
import io.tsunagu.network.DepartmentMapPage.TopEvent;

/**
 * The department map as a spreadsheet: the same numbers as its page, hidden ones as the same words, in
 * UTF-8 with a byte order mark (so that Excel reads Japanese) and formula-safe cells.
 */
final class DepartmentMapCsv {

	private DepartmentMapCsv() {
	}

	static String of(DepartmentMapPage page, Function<String, String> words) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
			printer.printRecord(words.apply("network.map.csv.period"), page.period().from().toString(),
					page.period().to().toString());
			printer.println();
			List<String> header = new ArrayList<>();
			header.add(words.apply("network.map.csv.department"));
			page.columns().forEach(column -> header.add(SpreadsheetCells.safe(column.name())));
			printer.printRecord(header);
			for (Row row : page.rows()) {
				List<String> line = new ArrayList<>();
				line.add(SpreadsheetCells.safe(row.department().name()));
				for (Cell cell : row.cells()) {
					line.add(figure(cell.people(), words));
				}
				printer.printRecord(line);
			}
			printer.println();
			printer.printRecord(words.apply("network.map.csv.quarter"), words.apply("network.map.csv.outside"),
					words.apply("network.map.csv.of"), words.apply("network.map.csv.percent"));
			printer.printRecord(words.apply("network.map.csv.wholePeriod"), figure(page.share().people(), words),
					page.share().of(), percent(page.share()));
			for (QuarterShare quarter : page.trend()) {
				printer.printRecord(quarter.quarter().toString(), figure(quarter.share().people(), words),
						quarter.share().of(), percent(quarter.share()));
			}
			printer.println();
			printer.printRecord(words.apply("network.map.csv.fewest"), words.apply("network.map.csv.otherDepartment"),
					words.apply("network.map.csv.oneToOther"), words.apply("network.map.csv.otherToOne"));
			for (Pair pair : page.fewest()) {
				printer.printRecord(name(pair.one()), name(pair.other()), figure(pair.oneToOther(), words),
						pair.otherToOne() == null ? "" : figure(pair.otherToOne(), words));
			}
			if (page.whole()) {
				printer.println();
				printer.printRecord(words.apply("network.map.csv.event"), words.apply("network.map.csv.heldOn"),
						words.apply("network.map.csv.people"), words.apply("network.map.csv.newCrossDepartmentTies"));
				for (TopEvent event : page.events()) {
					printer.printRecord(SpreadsheetCells.safe(event.title()), event.heldOn().toString(),
							figure(event.people(), words), figure(event.newCrossDepartmentTies(), words));
				}
				printer.println();
				printer.printRecord(words.apply("network.map.csv.acrossGenerations"),
						figure(page.acrossGenerations(), words));
				printer.printRecord(words.apply("network.map.csv.withinCohort"), figure(page.withinCohort(), words));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return csv.toString();
	}

	private static String name(Department department) {
		return SpreadsheetCells.safe(department.name());
	}

	private static String figure(Figure figure, Function<String, String> words) {
		return figure.hidden() ? words.apply("network.map.fewerThanFive") : String.valueOf(figure.shown());
	}

	private static String percent(DepartmentMapPage.Share share) {
		return share.percent() == null ? "" : share.percent() + "%";
	}

}
