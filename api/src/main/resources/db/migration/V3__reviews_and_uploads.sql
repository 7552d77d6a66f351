-- Instructors' reviews of homework, and content uploaded through the API.

create sequence review_seq start with 1 increment by 50;

create table review (
    id            bigint primary key,
    course_id     bigint       not null references course (id) on delete cascade,
    account_id    bigint       not null references account (id) on delete cascade,
    homework_code varchar(20)  not null,
    reviewer_id   bigint       references account (id) on delete set null,
    decision      varchar(20)  not null,
    comment       varchar(5000),
    at            timestamp with time zone not null
);
create index review_student on review (course_id, account_id, homework_code, at);

-- The digest of the content files a course was last imported from. An upload changes the course
-- (and its version) but not this, so a restart re-imports only when the files really changed.
alter table course add column source_version varchar(64);
update course set source_version = version;
