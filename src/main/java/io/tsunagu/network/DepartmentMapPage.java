package io.tsunagu.network;

import java.time.LocalDate;
import java.util.List;

/**
 * The department map as its page and its CSV show it. Every figure that rests on fewer than five people
 * is a {@link Figure} that says so instead of its value.
 * @param whole whether the whole company is shown, or only the rows of {@code rows}
 * @param updating whether events were recorded since the figures were counted (they are counted again within
 * minutes)
 */
record DepartmentMapPage(MapPeriod period, boolean whole, List<Department> columns, List<Row> rows, Share share,
		List<QuarterShare> trend, List<Pair> fewest, List<TopEvent> events, Figure acrossGenerations,
		Figure withinCohort, boolean updating) {

	/** Below this many people a figure is not shown. */
	static final int FEWEST_SHOWN = 5;

	/** The trend's drawing: width and height of the inline SVG, in its own units. */
	static final int TREND_WIDTH = 320;

	static final int TREND_HEIGHT = 90;

	/** The trend's quarters whose share is shown, placed in the SVG (0 at the bottom, {@link #trendTop} at the top). */
	public List<Point> trendPoints() {
		List<Point> points = new java.util.ArrayList<>();
		int top = trendTop();
		int step = this.trend.size() > 1 ? (TREND_WIDTH - 60) / (this.trend.size() - 1) : 0;
		for (int i = 0; i < this.trend.size(); i++) {
			QuarterShare quarter = this.trend.get(i);
			if (quarter.share().percent() != null) {
				points.add(new Point(50 + i * step, TREND_HEIGHT - 10 - quarter.share().percent() * (TREND_HEIGHT - 20) / top,
						quarter));
			}
		}
		return points;
	}

	/** The percentage at the top of the trend's drawing: the highest shown, rounded up to tens (10 at least). */
	public int trendTop() {
		int highest = this.trend.stream()
			.map(quarter -> quarter.share().percent())
			.filter(java.util.Objects::nonNull)
			.mapToInt(Integer::intValue)
			.max()
			.orElse(0);
		return Math.max(10, (highest + 9) / 10 * 10);
	}

	/** The trend's points as the {@code points} of an SVG polyline. */
	public String trendLine() {
		return trendPoints().stream().map(p -> p.x() + "," + p.y()).collect(java.util.stream.Collectors.joining(" "));
	}

	/** The department shown alone, or null for the whole map. */
	public Department onlyDepartment() {
		return this.whole || this.rows.isEmpty() ? null : this.rows.get(0).department();
	}

	record Department(long id, String code, String name) {
	}

	/** A department's row: for each column, how many of its people have a tie to someone there. */
	record Row(Department department, List<Cell> cells) {
	}

	/** @param heat 0 (nobody) to 5 (most of the row's people), or -1 when the number is hidden */
	record Cell(Department to, Figure people, int heat) {
	}

	/** People with at least one tie outside their department, of all employees counted. */
	record Share(Figure people, long of, Integer percent) {
	}

	record QuarterShare(Quarter quarter, Share share) {
	}

	record Point(int x, int y, QuarterShare quarter) {
	}

	/** Two departments and how many people of each have a tie to the other. */
	record Pair(Department one, Department other, Figure oneToOther, Figure otherToOne) {
	}

	record TopEvent(long planId, String title, LocalDate heldOn, Figure people, Figure newCrossDepartmentTies) {
	}

	/**
	 * A number, or "fewer than five" when it is between 1 and 4 (0 is shown, as it names nobody): a hidden
	 * number is not kept here at all, so that no page or file can print it by mistake.
	 * @param shown the number, or null when it is hidden
	 */
	record Figure(Integer shown) {

		static Figure of(long value) {
			return new Figure(value > 0 && value < FEWEST_SHOWN ? null : Math.toIntExact(value));
		}

		public boolean hidden() {
			return this.shown == null;
		}

	}

}
