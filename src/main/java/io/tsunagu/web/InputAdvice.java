package io.tsunagu.web;

import java.beans.PropertyEditorSupport;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * One rule for what every form and parameter may hold, so that no field needs its own: text with
 * control characters (a NUL byte, an escape) is refused as a binding error, as a date like
 * 2027-02-30 or a capacity like {@code abc} is, and every binding error reads from the bundles
 * ({@code typeMismatch.*}), never Spring's English. A handler that takes a {@code BindingResult}
 * shows the errors beside its fields; one that does not gets a 400 page that lists them.
 */
@ControllerAdvice
class InputAdvice {

	private final MessageSource messages;

	private final LayoutAdvice layout;

	InputAdvice(MessageSource messages, LayoutAdvice layout) {
		this.messages = messages;
		this.layout = layout;
	}

	@InitBinder
	void refuseControlCharacters(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PlainText());
	}

	@ExceptionHandler(BindException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String invalidForm(BindException ex, Locale locale, HttpServletRequest request, Model model) {
		return invalid(ex.getAllErrors(), locale, request, model);
	}

	/** A request parameter or part of the address of the wrong type (or with control characters). */
	@ExceptionHandler(TypeMismatchException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String invalidParameter(TypeMismatchException ex, Locale locale, HttpServletRequest request, Model model) {
		String type = ex.getRequiredType() == null ? null : ex.getRequiredType().getName();
		String[] codes = type == null ? new String[] { "typeMismatch" }
				: new String[] { "typeMismatch." + type, "typeMismatch" };
		return invalid(List.of(new DefaultMessageSourceResolvable(codes)), locale, request, model);
	}

	// An exception handler's model gets nothing from the @ModelAttribute methods: the layout's own are added here.
	private String invalid(List<? extends MessageSourceResolvable> errors, Locale locale, HttpServletRequest request,
			Model model) {
		model.addAttribute("zone", this.layout.zone());
		model.addAttribute("demo", this.layout.demo());
		model.addAttribute("languageLinks", this.layout.languageLinks(request));
		model.addAttribute("viewer", this.layout.viewer());
		model.addAttribute("problems",
				errors.stream().map(error -> this.messages.getMessage(error, locale)).distinct().toList());
		return "error/invalid";
	}

	/**
	 * Text as typed, refused when it holds a C0 control character other than tab, CR and LF, or DEL:
	 * PostgreSQL cannot store a NUL, and none of them belongs in a name, a title or a note.
	 */
	static final class PlainText extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			if (text != null && !isPlain(text)) {
				throw new IllegalArgumentException("Text with control characters");
			}
			setValue(text);
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return value == null ? "" : value.toString();
		}

		static boolean isPlain(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F) {
					return false;
				}
			}
			return true;
		}

	}

}
