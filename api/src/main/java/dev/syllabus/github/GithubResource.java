package dev.syllabus.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syllabus.account.CurrentAccount;
import dev.syllabus.domain.DomainException;
import dev.syllabus.domain.Names;
import dev.syllabus.http.PageRequest;
import dev.syllabus.http.PathParams;
import dev.syllabus.progress.checklist.RepositoryOwners;
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

/** GitHub's webhook, and the students' and instructors' side of the evidence it brings. */
// One root for every resource under /api (see EnrollmentResource).
@Path("/api")
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
    public GithubViews.DeliveryResult receive(
            @HeaderParam("X-Hub-Signature-256") String signature,
            @HeaderParam("X-GitHub-Event") String event,
            @HeaderParam("X-GitHub-Delivery") String delivery,
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
        Outcome outcome =
                github.deliver(delivery, WebhookSignature.sha256Hex(raw), event, GithubEvent.of(event, payload));
        return new GithubViews.DeliveryResult(delivery, outcome.outcome(), outcome.detail());
    }

    @GET
    @Path("/github/deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"INSTRUCTOR", "READER"})
    public Response deliveries(@QueryParam("page") String page, @QueryParam("size") String size, UriInfo uri) {
        PageRequest request = PageRequest.of(page, size);
        return request.answer(facts.deliveries(request.panache()), uri);
    }

    @PUT
    @Path("/courses/{slug}/repository")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("STUDENT")
    public GithubViews.Repository register(
            @PathParam("slug") String slug, @NotNull @Valid GithubViews.RepositoryRequest request) {
        return repositories.register(PathParams.slug("slug", slug), current.id(), request.url(), false);
    }

    @PUT
    @Path("/courses/{slug}/students/{login}/repository")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("INSTRUCTOR")
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
    public List<GithubViews.PullRequest> pullRequests(@PathParam("slug") String slug) {
        return repositories.pullRequests(PathParams.slug("slug", slug), current.id());
    }

    @PUT
    @Path("/courses/{slug}/pull-requests/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("STUDENT")
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
