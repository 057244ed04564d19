package io.tsunagu.directory;

import java.util.List;

/**
 * A validated upload: every line of the files, resolved to codes, with what each does to the
 * stored org chart.
 */
record OrgChartChanges(List<DepartmentLine> departments, List<EmployeeLine> employees, ImportCounts counts) {

}
