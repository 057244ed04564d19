package io.tsunagu.directory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

@Controller
class DirectoryController {

	static final int SUGGESTIONS = 8;

	private final Departments departments;

	private final Employees employees;

	private final EmployeeFinder finder;

	DirectoryController(Departments departments, Employees employees, EmployeeFinder finder) {
		this.departments = departments;
		this.employees = employees;
		this.finder = finder;
	}

	@GetMapping("/departments")
	String departments(Model model) {
		model.addAttribute("departments", this.departments.overview());
		return "directory/departments";
	}

	@GetMapping("/employees")
	String employees(EmployeeSearch search, Model model) {
		EmployeeFinder.Listing listing = this.finder.page(search);
		model.addAttribute("search", search);
		model.addAttribute("page", listing.page());
		model.addAttribute("capped", listing.capped());
		model.addAttribute("orders", EmployeeSearch.Order.values());
		model.addAttribute("ranks", Rank.values());
		model.addAttribute("departmentOptions", this.departments.refs());
		return "directory/employees";
	}

	/** Colleagues whose name, reading or email matches, as options for a person field's suggestions. */
	@GetMapping("/people/suggest")
	String suggest(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("people", this.finder.first(q, SUGGESTIONS));
		return "directory/suggestions :: options";
	}

	@GetMapping("/employees/{code}")
	String employee(@PathVariable String code, Model model) {
		Employee employee = this.employees.findByCode(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("employee", employee);
		model.addAttribute("reports", this.employees.findByReportsToOrderByCode(employee));
		return "directory/employee";
	}

}
