package io.tsunagu.mail;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import org.springframework.stereotype.Component;

/**
 * {@code #when} in every page and mail, HTML or text: {@link EventDates} in the language the template is
 * rendered in, so that {@code ${#when.range(start, end)}} needs no locale passed.
 */
@Component
class DatesDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final String NAME = "when";

	private final EventDates dates;

	DatesDialect(EventDates dates) {
		super("tsunagu-dates");
		this.dates = dates;
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(NAME);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return NAME.equals(expressionObjectName) ? DatesDialect.this.dates.in(context.getLocale()) : null;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}

		};
	}

}
