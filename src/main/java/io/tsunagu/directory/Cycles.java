package io.tsunagu.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the loops in a "points to one other" relation (parent department, reports-to). Each node
 * is visited once, so a hundred thousand employees cost a hundred thousand steps.
 */
final class Cycles {

	private Cycles() {
	}

	/**
	 * Every loop of {@code next}, each as the list of its nodes in order, starting anywhere on it.
	 * Nodes that lead into a loop without being on it are not part of the answer.
	 */
	static List<List<String>> in(Map<String, String> next) {
		// 1 = on the path being walked, 2 = done.
		Map<String, Integer> state = new HashMap<>(next.size() * 2);
		List<List<String>> cycles = new ArrayList<>();
		for (String start : next.keySet()) {
			if (state.containsKey(start)) {
				continue;
			}
			List<String> path = new ArrayList<>();
			String node = start;
			while (node != null && !state.containsKey(node)) {
				state.put(node, 1);
				path.add(node);
				node = next.get(node);
			}
			if (node != null && state.get(node) == 1) {
				cycles.add(List.copyOf(path.subList(path.indexOf(node), path.size())));
			}
			path.forEach(visited -> state.put(visited, 2));
		}
		return cycles;
	}

}
