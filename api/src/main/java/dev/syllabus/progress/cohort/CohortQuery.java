package dev.syllabus.progress.cohort;

import dev.syllabus.http.PathParams;
import dev.syllabus.progress.checklist.HomeworkStatusRule;
import dev.syllabus.progress.checklist.ProgressEntity;
import jakarta.ws.rs.QueryParam;

/** The query of a cohort listing, the current run's or a named run's: a page and its filters, checked by hand (400 naming the parameter). */
public class CohortQuery {

    @QueryParam("page")
    String page;

    @QueryParam("size")
    String size;

    @QueryParam("week")
    String week;

    @QueryParam("status")
    String status;

    @QueryParam("source")
    String source;

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
