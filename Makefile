# Syllabus: the newcomer's entry point. `make run` starts the product, `make test` runs every test.
SHELL := /bin/bash
MVN := ./mvnw -B -q
API_JAR := api/target/quarkus-app/quarkus-run.jar

# Syllabus builds and runs on Java 25: JAVA_HOME when it is a JDK 25, else the machine's (.ci/jdk
# says what to install when there is none). Every target's java, javac and ./mvnw use it.
ifneq ($(filter-out help,$(or $(MAKECMDGOALS),help)),)
JAVA_HOME := $(shell .ci/jdk 25)
ifeq ($(JAVA_HOME),)
$(error No JDK 25: see the message above)
endif
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)
endif

.PHONY: test-layers coverage mutation help run run-prerequisites screenshots test format fuzz release-contract api api-postgres web web-deps openapi bench prerequisites clean images deploy-kind undeploy-kind deploy-minikube undeploy-minikube bench-web

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

run: run-prerequisites api web-deps ## Start the API on :8080 (embedded database, course loaded) and the web client on :5173
	@deploy/run-local.sh

test: prerequisites ## Run every test: formatting, API (H2, PostgreSQL, packaged jar), contract, web client, manifests, containers
	@start=$$(date +%s); $(MAKE) --no-print-directory test-layers; status=$$?; \
	  mkdir -p target; times > target/make-test.times; \
	  cpu=$$(tail -1 target/make-test.times | awk '{ split($$1, u, /[ms]/); split($$2, s, /[ms]/); printf "%.1f", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) / 60 }'); \
	  wall=$$(( $$(date +%s) - start )); \
	  echo "make test: $$([ $$status = 0 ] && echo passed || echo FAILED) in $$((wall / 60)) min $$((wall % 60)) s, $$cpu CPU-minutes (user + sys)"; \
	  exit $$status

# The layers of make test, in order (make test times them as a whole).
test-layers:
	$(MVN) spotless:check -pl api
	@# The manifests' validation and the contract's lint need nothing from the build: they run beside it
	@# (two cores, and the API tests leave one idle much of the time); their output follows the build's.
	@mkdir -p target; { k8s/validate/check.sh && api/contract/lint.sh; } > target/static-checks.log 2>&1 & checks=$$!; \
	  echo "$(MVN) verify (k8s/validate/check.sh and api/contract/lint.sh beside it)"; $(MVN) verify; built=$$?; \
	  wait $$checks; checked=$$?; cat target/static-checks.log; [ $$built = 0 ] && [ $$checked = 0 ]
	$(MVN) package -Ppostgres -pl api
	deploy/container-smoke.sh

coverage: ## Line coverage (JaCoCo) of the API's tests, printed; the report in api/target/jacoco-report
	$(MVN) -Pcoverage test -pl api
	@awk -F, 'NR > 1 { missed += $$8; covered += $$9 } END { printf "API line coverage: %d of %d lines, %.1f%%\n", covered, missed + covered, 100 * covered / (missed + covered) }' api/target/jacoco-report/jacoco.csv

mutation: ## Mutation testing (PIT) of the pure rule classes: the score per class, at least 80% killed on each
	$(MVN) -Pmutation test-compile org.pitest:pitest-maven:mutationCoverage -pl api -Dcodegen.skip=true
	@api/mutation/score.sh

fuzz: ## The hostile-input generator at length: FUZZ_REQUESTS (20000) requests; SEED=<seed> replays a run
	$(MVN) test -pl api -Dtest=HostileInputTest -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dfuzz.requests=$(or $(FUZZ_REQUESTS),20000) $(if $(SEED),-Dfuzz.seed=$(SEED))

format: web-deps ## Format the code: Java with Spotless (palantir-java-format), the web client with Prettier and ESLint's fixes
	$(MVN) spotless:apply -pl api
	cd web-client && npm run format

web-deps: ## Install the web client's npm packages (again whenever package-lock.json changes)
	@[ web-client/node_modules/.package-lock.json -nt web-client/package-lock.json ] || (cd web-client && npm ci --no-audit --no-fund)

api: ## Build the API jar (embedded H2 build) and train its AOT cache beside it (api/target/quarkus-app/app.aot)
	$(MVN) package -DskipTests -pl api
	@api/aot/train-local.sh api/target/quarkus-app

web: ## Build the web client into web-client/dist
	$(MVN) package -DskipTests -pl web-client

api-postgres: ## Build the production API jar (PostgreSQL) into api/target/postgresql/
	$(MVN) package -Ppostgres -pl api

release-contract: ## Record the committed OpenAPI document as released (api/openapi-released.json), after a release
	cp api/openapi.json api/openapi-released.json

openapi: ## Render the contract (api/src/main/resources/META-INF/openapi.yaml) as the API serves it into api/openapi.json
	$(MVN) test -pl api -Dtest=OpenApiContractTest -Dopenapi.update=true -Dsurefire.failIfNoSpecifiedTests=false

# The benchmarks start both builds as the image does, with an AOT cache trained by this machine's JDK 25,
# and the same source built for Java 17 as the start-up's reference (api/target/java17-*, run on the machine's Java 17).
bench: api api-postgres ## Benchmarks: start-up (Java 25 + AOT cache against 17), the agenda (API against nginx), the write path on PostgreSQL
	@.ci/install-packages wrk nginx-light postgresql
	@rm -rf api/target/java17-src && cp -r api/src/main/java api/target/java17-src \
	  && grep -rl '@RunOnVirtualThread' api/target/java17-src | xargs -r sed -i '/^@RunOnVirtualThread$$/d'
	$(MVN) package -Pjava17-reference -pl api
	$(MVN) package -Pjava17-reference,postgres -pl api
	@api/aot/train-local.sh api/target/postgresql/quarkus-app postgres
	@summary=$$(mktemp) && export BENCH_SUMMARY=$$summary && api/bench/agenda-bench.sh && echo && api/bench/write-bench.sh \
	  && api/bench/summary.sh $$summary; status=$$?; rm -f $$summary; exit $$status

screenshots: prerequisites api web ## Refresh the README's screenshots (docs/screenshots) from the browser journeys, at desktop and phone sizes
	cd web-client && SCREENSHOTS=$(CURDIR)/docs/screenshots npx playwright test e2e/journeys --reporter=dot

bench-web: api web-deps ## Web budgets: initial-route JavaScript size and Lighthouse scores (agenda, checklist)
	@.ci/install-packages chromium
	@web-client/scripts/bench-web.sh

# make run needs Java, Node and curl; the browser and nginx are for the tests alone.
run-prerequisites:
	@.ci/install-packages

prerequisites:
	@.ci/install-packages chromium fonts-dejavu-core nginx-light

images: api-postgres web ## Build the container images syllabus-api and syllabus-web (docker or podman)
	deploy/images.sh

deploy-kind: ## Deploy to a local kind cluster and print its URL
	deploy/kind.sh up

undeploy-kind: ## Delete the kind cluster
	deploy/kind.sh down

deploy-minikube: ## Deploy to minikube (profile "syllabus") and print its URL
	deploy/minikube.sh up

undeploy-minikube: ## Delete the minikube profile
	deploy/minikube.sh down

clean: ## Remove build output (keeps ./data, the local database)
	$(MVN) clean
