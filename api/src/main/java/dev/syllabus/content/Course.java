package dev.syllabus.content;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A course as its author wrote it: the agenda plus the week pages, parsed into structure. */
@Schema(description = "A course: its agenda, weeks, topics and homework.")
public record Course(
        @Schema(example = "ml-in-production") String slug,
        @Schema(example = "Machine Learning in Production") String title,
        @Schema(nullable = true, example = "Take a machine-learning model from a notebook to a monitored production service.") String description,
        @Schema(description = "Content version: changes whenever the course's source files change; also the ETag.",
                example = "3f2a9c1d0b7e4a65") String version,
        List<Principle> principles,
        List<Link> links,
        List<Tool> tools,
        @Schema(description = "Course-wide checklist items from the homework instructions.") List<Point> homeworkRules,
        @Schema(description = "Sections the importer does not know, kept as titled free text.") List<Section> sections,
        List<Week> weeks,
        EvidencePolicy evidencePolicy) {

    public Course {
        evidencePolicy = evidencePolicy == null ? EvidencePolicy.DEFAULT : evidencePolicy;
        principles = List.copyOf(principles);
        links = List.copyOf(links);
        tools = List.copyOf(tools);
        homeworkRules = List.copyOf(homeworkRules);
        sections = List.copyOf(sections);
        weeks = List.copyOf(weeks);
    }

    public Course withVersion(String newVersion) {
        return new Course(slug, title, description, newVersion, principles, links, tools, homeworkRules, sections, weeks, evidencePolicy);
    }
}
