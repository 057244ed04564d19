package io.tsunagu.directory;

import java.util.Map;

/**
 * The org chart as stored when an import starts, keyed by code; loaded once so that validating a
 * large file costs map look-ups rather than queries.
 */
record OrgChartSnapshot(Map<String, DepartmentLine> departments, Map<String, EmployeeLine> employees) {

	static OrgChartSnapshot empty() {
		return new OrgChartSnapshot(Map.of(), Map.of());
	}

}
