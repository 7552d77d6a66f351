package dev.syllabus.support;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.List;

/**
 * Checks every answer a REST Assured test sees against the committed OpenAPI document: a status,
 * media type or body the document does not allow fails the test that saw it, whatever it asserts.
 */
public class ContractFilter implements OrderedFilter {

    @Override
    public Response filter(
            FilterableRequestSpecification request,
            FilterableResponseSpecification expectations,
            FilterContext context) {
        Response response = context.next(request, expectations);
        String path = URI.create(request.getURI()).getRawPath();
        List<String> violations = Contract.committed()
                .violations(
                        request.getMethod(), path, response.statusCode(), response.contentType(), response.asString());
        if (!violations.isEmpty()) {
            throw new AssertionError("The answer breaks the OpenAPI contract (api/openapi.json): "
                    + String.join("; ", violations) + "\nBody: " + abbreviate(response.asString()));
        }
        return response;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
