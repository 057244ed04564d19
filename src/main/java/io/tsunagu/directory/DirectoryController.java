package io.tsunagu.directory;

import org.springframework.data.domain.Page;
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

	DirectoryController(Departments departments, Employees employees) {
		this.departments = departments;
		this.employees = employees;
	}

	@GetMapping("/departments")
	String departments(Model model) {
		model.addAttribute("departments", this.departments.overview());
		return "directory/departments";
	}

	@GetMapping("/employees")
	String employees(EmployeeSearch search, Model model) {
		Page<Employee> page = this.employees.findAll(search.specification(), search.pageable());
		model.addAttribute("search", search);
		model.addAttribute("page", page);
		model.addAttribute("orders", EmployeeSearch.Order.values());
		model.addAttribute("ranks", Rank.values());
		model.addAttribute("departmentOptions", this.departments.findAllByOrderByCode());
		return "directory/employees";
	}

	/** Colleagues whose name, reading or email matches, as options for a person field's suggestions. */
	@GetMapping("/people/suggest")
	String suggest(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("people", this.employees.matching(q, SUGGESTIONS));
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
