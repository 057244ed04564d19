package io.tsunagu.directory;

import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page for loading and saving the org chart as CSV ({@code /admin/**} is
 * restricted to administrators by the security configuration).
 */
@Controller
@RequestMapping("/admin/directory")
class OrgChartAdminController {

	static final String VIEW = "directory/import";

	static final String DONE = "orgchart.import.done";

	static final String DONE_EVERYONE = "lifecycle.import.done";

	/** More than this many problems are counted but not listed: the first ones show what is wrong. */
	static final int PROBLEMS_SHOWN = 1000;

	private final OrgChartImport imports;

	private final OrgChartExport export;

	private final Anonymisation anonymisation;

	OrgChartAdminController(OrgChartImport imports, OrgChartExport export, Anonymisation anonymisation) {
		this.imports = imports;
		this.export = export;
		this.anonymisation = anonymisation;
	}

	/** @param tooLarge present when {@link OversizeUploadFilter} sent an over-size upload back here */
	@GetMapping
	String page(@RequestParam(required = false) String tooLarge, Model model) {
		pageModel(model, tooLarge == null ? List.of()
				: List.of(CsvProblem.ofUpload(CsvError.UPLOAD_TOO_LARGE, megabytes(this.imports.maxFileSize()))));
		return VIEW;
	}

	@PostMapping("/import")
	ModelAndView upload(ImportForm form, Principal principal, RedirectAttributes redirect, Model model) {
		ImportOutcome outcome = this.imports.upload(form.departmentsUpload(), form.employeesUpload(), form.listsEveryone(),
				principal.getName());
		if (!outcome.isImported()) {
			pageModel(model, outcome.problems());
			return new ModelAndView(VIEW, HttpStatus.UNPROCESSABLE_CONTENT);
		}
		Object[] counts = outcome.counts().messageArguments();
		if (form.listsEveryone() && form.employeesUpload() != null) {
			redirect.addFlashAttribute("flash", DONE_EVERYONE);
			Object[] withLeavers = Arrays.copyOf(counts, counts.length + 1);
			withLeavers[counts.length] = outcome.deactivated();
			counts = withLeavers;
		}
		else {
			redirect.addFlashAttribute("flash", DONE);
		}
		redirect.addFlashAttribute("flashArgs", counts);
		return new ModelAndView("redirect:/admin/directory");
	}

	@GetMapping("/export/departments.csv")
	void exportDepartments(HttpServletResponse response) throws IOException {
		download(response, CsvFile.DEPARTMENTS);
		this.export.writeDepartments(response.getOutputStream());
	}

	@GetMapping("/export/employees.csv")
	void exportEmployees(HttpServletResponse response) throws IOException {
		download(response, CsvFile.EMPLOYEES);
		this.export.writeEmployees(response.getOutputStream());
	}

	private void pageModel(Model model, List<CsvProblem> problems) {
		model.addAttribute("files", CsvFile.values());
		model.addAttribute("maxFileSizeMb", megabytes(this.imports.maxFileSize()));
		model.addAttribute("anonymiseAfterDays", this.anonymisation.after().toDays());
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems.subList(0, Math.min(problems.size(), PROBLEMS_SHOWN)));
			model.addAttribute("problemCount", problems.size());
		}
	}

	private static String megabytes(long bytes) {
		return String.valueOf(Math.max(1, bytes / (1024 * 1024)));
	}

	private static void download(HttpServletResponse response, CsvFile file) {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(file.fileName()).build().toString());
	}

}
