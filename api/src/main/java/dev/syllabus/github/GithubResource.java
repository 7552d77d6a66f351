package dev.syllabus.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syllabus.account.CurrentAccount;
import dev.syllabus.domain.DomainException;
import dev.syllabus.domain.Names;
import dev.syllabus.http.PageRequest;
import dev.syllabus.http.PathParams;
import dev.syllabus.progress.RepositoryOwners;
import io.quarkus.panache.common.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GitHub's webhook, and the students' and instructors' side of the evidence it brings. */
// One root for every resource under /api (see EnrollmentResource).
@Path("/api")
@Tag(name = "GitHub", description = "Pull requests, reviews and CI checks from GitHub tick the checklist.")
public class GithubResource {

    private final GithubConfig config;
    private final GithubService github;
    private final GithubFacts facts;
    private final RepositoryService repositories;
    private final CurrentAccount current;
    private final ObjectMapper json;

    GithubResource(
            GithubConfig config,
            GithubService github,
            GithubFacts facts,
            RepositoryService repositories,
            CurrentAccount current,
            ObjectMapper json) {
        this.config = config;
        this.github = github;
        this.facts = facts;
        this.repositories = repositories;
        this.current = current;
        this.json = json;
    }

    @POST
    @Path("/github/webhook")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "receiveGithubWebhook",
            summary = "Receive a GitHub webhook delivery",
            description =
                    "Send pull_request, pull_request_review, check_suite, check_run and member events (content type application/json). "
                            + "The X-Hub-Signature-256 header (HMAC-SHA256 of the raw body under SYLLABUS_GITHUB_WEBHOOK_SECRET) is checked "
                            + "before anything is parsed. A delivery id seen before is acknowledged and ignored.")
    @APIResponse(
            responseCode = "200",
            description = "Processed, ignored (with the reason) or a repeat.",
            content = @Content(schema = @Schema(implementation = GithubViews.DeliveryResult.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong signature; nothing changed.")
    @APIResponse(responseCode = "413", description = "The body is too large.")
    @APIResponse(responseCode = "503", description = "No webhook secret is configured: every delivery is refused.")
    public GithubViews.DeliveryResult receive(
            @Parameter(description = "sha256=<hex HMAC>") @HeaderParam("X-Hub-Signature-256") String signature,
            @Parameter(example = "pull_request") @HeaderParam("X-GitHub-Event") String event,
            @Parameter(example = "72d3162e-cc78-11e3-81ab-4c9367dc0958") @HeaderParam("X-GitHub-Delivery")
                    String delivery,
            byte[] body) {
        String secret = config.webhookSecret()
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> DomainException.unavailable(
                        "The GitHub webhook is not configured: set SYLLABUS_GITHUB_WEBHOOK_SECRET."));
        byte[] raw = body == null ? new byte[0] : body;
        if (!WebhookSignature.verify(secret, raw, signature)) {
            throw DomainException.unauthenticated(
                    "The X-Hub-Signature-256 header is missing or does not match the body.");
        }
        if (event == null || !event.matches("[a-z_]{1,50}")) {
            throw DomainException.invalid("X-GitHub-Event", "is missing or not an event name");
        }
        if (delivery == null || !delivery.matches("[A-Za-z0-9-]{1,100}")) {
            throw DomainException.invalid("X-GitHub-Delivery", "is missing or not a delivery id");
        }
        JsonNode payload;
        try {
            payload = json.readTree(new String(raw, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw DomainException.invalid("body", "is not valid JSON");
        }
        if (payload == null || !payload.isObject()) {
            throw DomainException.invalid("body", "is not a JSON object");
        }
        GithubService.Outcome outcome =
                github.deliver(delivery, WebhookSignature.sha256Hex(raw), event, GithubEvent.of(event, payload));
        return new GithubViews.DeliveryResult(delivery, outcome.outcome(), outcome.detail());
    }

    @GET
    @Path("/github/deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"INSTRUCTOR", "READER"})
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "listGithubDeliveries",
            summary = "Recent webhook deliveries and what each changed or why it was ignored (instructors)",
            description =
                    "The webhook deliveries received, newest first, paged, each with its outcome and the reason it was ignored, if it was.")
    @APIResponse(
            responseCode = "200",
            description = "Newest first.",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = GithubViews.Delivery.class)))
    public Response deliveries(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100")) @QueryParam("size")
                    String size,
            UriInfo uri) {
        PageRequest request = PageRequest.of(page, size);
        GithubFacts.DeliveryPage found = facts.deliveries(Page.of(request.index(), request.size()));
        return request.headers(Response.ok(found.deliveries(), MediaType.APPLICATION_JSON), uri, (int)
                        Math.min(Integer.MAX_VALUE, found.total()))
                .build();
    }

    @PUT
    @Path("/courses/{slug}/repository")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("STUDENT")
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "registerRepository",
            summary = "Register my course repository on GitHub",
            description = "Pull requests, reviews and checks in it then count as evidence for my checklist.")
    @APIResponse(
            responseCode = "200",
            description = "Registered.",
            content = @Content(schema = @Schema(implementation = GithubViews.Repository.class)))
    @APIResponse(responseCode = "403", description = "Not a repository of yours: its owner is not your login.")
    public GithubViews.Repository register(
            @PathParam("slug") String slug, @NotNull @Valid GithubViews.RepositoryRequest request) {
        return repositories.register(PathParams.slug("slug", slug), current.id(), request.url(), false);
    }

    @PUT
    @Path("/courses/{slug}/students/{login}/repository")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "registerStudentRepository",
            summary = "Register a student's course repository (instructors)",
            description =
                    "For repositories a student does not own themselves, such as one in the course's organisation. "
                            + "A repository registered by another student moves to this one, with its pull requests and their credit.")
    @APIResponse(
            responseCode = "200",
            description = "Registered.",
            content = @Content(schema = @Schema(implementation = GithubViews.Repository.class)))
    public GithubViews.Repository registerForStudent(
            @PathParam("slug") String slug,
            @PathParam("login") String login,
            @NotNull @Valid GithubViews.RepositoryRequest request) {
        return repositories.registerForStudent(PathParams.slug("slug", slug), login, request.url());
    }

    @PUT
    @Path("/courses/{slug}/students/{login}/repository/owner")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "decideRepositoryOwner",
            summary = "Confirm or reject a student's repository as theirs (instructors)",
            description =
                    "Where nothing proves a registered repository is the student's (they never signed in with GitHub), its evidence "
                            + "is labelled unproven in the checklist, the cohort, its CSV and the gradebook's notes. CONFIRMED lifts that "
                            + "label; REJECTED withdraws the ticks its pull requests gave and credits nothing from it again, until confirmed.")
    @APIResponse(
            responseCode = "200",
            description = "The repository and who proved it is the student's.",
            content = @Content(schema = @Schema(implementation = RepositoryOwners.RepositoryOwner.class)))
    @APIResponse(responseCode = "404", description = "No such course or student, or no repository registered.")
    public RepositoryOwners.RepositoryOwner decideRepositoryOwner(
            @PathParam("slug") String slug,
            @PathParam("login") String login,
            @NotNull @Valid GithubViews.OwnerDecision request) {
        if (!Names.isGithubLogin(login)) {
            throw DomainException.invalid("login", "must be a GitHub login");
        }
        return repositories.decide(PathParams.slug("slug", slug), login, request.decision());
    }

    @GET
    @Path("/courses/{slug}/pull-requests")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("STUDENT")
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "listMyPullRequests",
            summary = "My pull requests as GitHub reported them, matched to tasks or not",
            description =
                    "Pull requests GitHub reported in my registered repository, with their state, checks and reviews, and the task each counts for, if any.")
    @APIResponse(
            responseCode = "200",
            description = "By number.",
            content =
                    @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = GithubViews.PullRequest.class)))
    public List<GithubViews.PullRequest> pullRequests(@PathParam("slug") String slug) {
        return repositories.pullRequests(PathParams.slug("slug", slug), current.id());
    }

    @PUT
    @Path("/courses/{slug}/pull-requests/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("STUDENT")
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "assignPullRequest",
            summary = "Assign one of my pull requests to a task by hand",
            description =
                    "Counts one of my pull requests for a task (`H3/PR2`) when its title, body or branch did not name one.")
    @APIResponse(
            responseCode = "200",
            description = "Assigned.",
            content = @Content(schema = @Schema(implementation = GithubViews.PullRequest.class)))
    public GithubViews.PullRequest assign(
            @PathParam("slug") String slug,
            @PathParam("number") String number,
            @NotNull @Valid GithubViews.AssignRequest request) {
        return repositories.assign(
                PathParams.slug("slug", slug),
                current.id(),
                PathParams.number("number", number, Integer.MAX_VALUE),
                request.item());
    }
}
