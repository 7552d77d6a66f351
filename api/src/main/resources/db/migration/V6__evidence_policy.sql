-- Each course says what counts as GitHub evidence (reviewers besides the instructors, required
-- check runs); pull requests remember their author's GitHub user id, and which named check runs
-- passed on the commit their checks were recorded for.

alter table course add column evidence_policy varchar(20000);

alter table pull_request add column author_id bigint;
alter table pull_request add column passed_checks varchar(5000);
