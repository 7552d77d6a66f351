package dev.syllabus.progress;

import dev.syllabus.http.PathParams;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query of a cohort listing, the current run's or a named run's: a page and its filters, checked by hand (400 naming the parameter). */
public class CohortQuery {

    @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
    @QueryParam("page")
    String page;

    @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    @QueryParam("size")
    String size;

    @Parameter(description = "Only this week's homework", schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
    @QueryParam("week")
    String week;

    @Parameter(
            description = "Only students with a homework in this status",
            schema = @Schema(implementation = HomeworkStatusRule.HomeworkStatus.class))
    @QueryParam("status")
    String status;

    @Parameter(
            description =
                    "Only students with a done item (in scope) vouched for by this source: GITHUB, STUDENT or INSTRUCTOR",
            schema = @Schema(implementation = ProgressEntity.Source.class))
    @QueryParam("source")
    String source;

    @Parameter(
            description = "true: only students with a homework (in scope) passed late; false: only those without",
            schema = @Schema(type = SchemaType.BOOLEAN))
    @QueryParam("late")
    String late;

    CohortService.Filter filter() {
        Integer weekNumber = week == null || week.isEmpty() ? null : PathParams.number("week", week, 9999);
        return new CohortService.Filter(
                weekNumber,
                PathParams.oneOf("status", status, HomeworkStatusRule.HomeworkStatus.class),
                PathParams.oneOf("source", source, ProgressEntity.Source.class),
                PathParams.bool("late", late));
    }
}
