package io.tsunagu.network;

import org.springframework.web.util.HtmlUtils;

import io.tsunagu.network.DepartmentMapPage.Cell;
import io.tsunagu.network.DepartmentMapPage.Row;

/**
 * The heatmap's body as HTML, written here rather than by the template: at 200 departments it is 40,000
 * cells, which the template engine took seconds to write one by one and this writes in milliseconds.
 * Every name is escaped; a hidden number is written as the words given, never as itself.
 */
final class HeatmapRows {

	private HeatmapRows() {
	}

	static String html(DepartmentMapPage page, String fewerThanFive) {
		String hidden = HtmlUtils.htmlEscape(fewerThanFive);
		StringBuilder html = new StringBuilder(64 + page.rows().size() * (64 + page.columns().size() * 28));
		html.append("<tbody>");
		for (Row row : page.rows()) {
			html.append("<tr id=\"row-")
				.append(HtmlUtils.htmlEscape(row.department().code()))
				.append("\"><th scope=\"row\" class=\"heat-row\">")
				.append(HtmlUtils.htmlEscape(row.department().name()))
				.append("</th>");
			for (Cell cell : row.cells()) {
				if (cell.people().hidden()) {
					html.append("<td class=\"heat heat-hidden\">").append(hidden);
				}
				else {
					html.append("<td class=\"heat heat-").append(cell.heat()).append("\">").append(cell.people().shown());
				}
				html.append("</td>");
			}
			html.append("</tr>");
		}
		return html.append("</tbody>").toString();
	}

}
