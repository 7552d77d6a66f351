-- Dates. A course run is one offering of a course to one cohort: its start date, time zone and join
-- code; each enrolment belongs to one run. Courses keep their timetable rules (course.toml's
-- [schedule]) and homework its own 'Due:' rule. A checklist item remembers when it was completed
-- (a pull request's merge time, or the tick's), an instructor may move one student's deadline, and
-- each enrolment has the secret of its private calendar feed.
-- Runs for courses imported before this migration are made by the importer at the next start
-- (CourseStore.ensureRun), which also places existing enrolments and join codes in them.

create sequence course_run_seq start with 1 increment by 50;
create sequence deadline_extension_seq start with 1 increment by 50;

create table course_run (
    id         bigint primary key,
    course_id  bigint       not null references course (id) on delete cascade,
    name       varchar(40)  not null,
    title      varchar(200) not null,
    starts_on  date         not null,
    time_zone  varchar(64)  not null,
    join_code  varchar(64),
    created_at timestamp with time zone not null,
    constraint course_run_name_unique unique (course_id, name)
);
create index course_run_course on course_run (course_id, starts_on);

alter table course add column schedule varchar(2000);
alter table homework add column due_rule varchar(100);

alter table enrollment add column run_id bigint references course_run (id);
alter table enrollment add column calendar_token varchar(64);
create unique index enrollment_calendar_token on enrollment (calendar_token);
create index enrollment_run on enrollment (run_id);

alter table progress add column completed_at timestamp with time zone;
update progress set completed_at = updated_at where done = true;

create table deadline_extension (
    id            bigint primary key,
    course_id     bigint      not null references course (id) on delete cascade,
    account_id    bigint      not null references account (id) on delete cascade,
    homework_code varchar(20) not null,
    due_at        timestamp with time zone not null,
    granted_by    bigint      references account (id) on delete set null,
    granted_at    timestamp with time zone not null,
    constraint deadline_extension_unique unique (course_id, account_id, homework_code)
);

-- When GitHub says a pull request was merged: the completion time of the task it credits.
alter table pull_request add column merged_at timestamp with time zone;
